import type { RawCell, RawSheet } from '../../readers/raw';
import { cellName } from '../../readers/cell-address';
import { plainRow } from '../../readers/sheet-store';

/** Wider than any sheet (Excel stops at 16,384): keys r * COLUMNS + c are exact for every cell. */
const COLUMNS = 2 ** 24;

/** A cell's row and column as one number (a CSV's columns are not capped at Excel's 16,384). */
export const cellKey = (r: number, c: number): number => r * COLUMNS + c;

/**
 * A sheet with merged ranges resolved: every cell of a merge reads as its top-left cell, and knows it is a
 * continuation, so "merged theme cell" and "blank means same as above" can be told apart.
 */
export class Grid {
  /** Keyed by r * COLUMNS + c: a number, where a "r,c" string made on every lookup cost the walker a tenth of its time. */
  private readonly mergeOwner = new Map<number, RawCell | undefined>();
  private readonly continuation = new Set<number>();
  private readonly spansRow = new Set<number>();

  constructor(readonly sheet: RawSheet) {
    for (const m of sheet.merges) {
      const owner = sheet.rows[m.s.r]?.[m.s.c];
      for (let r = m.s.r; r <= m.e.r; r++)
        for (let c = m.s.c; c <= m.e.c; c++) {
          const key = cellKey(r, c);
          this.mergeOwner.set(key, owner);
          if (r !== m.s.r || c !== m.s.c) this.continuation.add(key);
        }
      if (m.e.c - m.s.c >= 2) this.spansRow.add(m.s.r);
    }
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  /** The cell at (r, c), or its merge owner. */
  cell(r: number, c: number): RawCell | undefined {
    if (this.mergeOwner.size) {
      const key = cellKey(r, c);
      if (this.mergeOwner.has(key)) return this.mergeOwner.get(key);
    }
    return plainRow(this.sheet.rows[r])?.[c];
  }

  /** The cell as typed at (r, c), ignoring merges (for addresses and fills). */
  own(r: number, c: number): RawCell | undefined {
    return plainRow(this.sheet.rows[r])?.[c];
  }

  text(r: number, c: number | undefined): string {
    return c === undefined ? '' : (this.cell(r, c)?.text ?? '');
  }

  isContinuation(r: number, c: number): boolean {
    return this.continuation.size !== 0 && this.continuation.has(cellKey(r, c));
  }

  /** True when row r holds a merge spanning three or more columns (a band row). */
  hasWideMerge(r: number): boolean {
    return this.spansRow.has(r);
  }

  /** Distinct non-empty texts of a row in column order, merges counted once. */
  distinctTexts(r: number): string[] {
    const row = plainRow(this.sheet.rows[r]) ?? [];
    const out: string[] = [];
    for (let c = 0; c < row.length; c++) {
      if (this.isContinuation(r, c)) continue;
      const t = row[c]?.text;
      if (t && !out.includes(t)) out.push(t);
    }
    return out;
  }

  /** The address of a cell named by its cellKey. */
  static addressOfKey(key: number): string {
    return Grid.addressOf(Math.floor(key / COLUMNS), key % COLUMNS);
  }

  /** A1 address of (r, c), also for cells that are empty. */
  static addressOf(r: number, c: number): string {
    return cellName(r, c);
  }

  usedCells(r: number): RawCell[] {
    return (plainRow(this.sheet.rows[r]) ?? []).filter((c): c is RawCell => c !== undefined && c.type !== 'empty');
  }
}

export const address = (sheet: RawSheet, cell: RawCell | undefined) => (cell ? { sheet: sheet.name, cell: cell.address } : { sheet: sheet.name });
