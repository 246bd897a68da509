import type * as XLSX from 'xlsx';
import type { MergeRange, RawSheet, ReadNote } from './raw';
import { removeXmlInvalid } from '../text/xml-chars';
import { isDateFormat, serialDay } from './number-format';
import { SheetStore } from './sheet-store';
import { cellName, columnName, columnOfRef, rowOfRef } from './cell-address';

export interface SheetReadOptions {
  /** Keep rows and columns Excel hides (the default leaves them out with a note). */
  includeHidden?: boolean | undefined;
  /** Receives what was left out or changed. */
  notes: ReadNote[];
}

/** A cell as a parser gives it: SheetJS's cell object, or the fast reader's equivalent (the fields we read). */
export interface ParsedCell {
  t: string;
  v?: unknown;
  /** Number format, for numbers. */
  z?: unknown;
  /** Display text, as formatted. */
  w?: string | undefined;
}

/**
 * Collects one sheet's cells, row by row, into a SheetStore, leaving out what Excel hides (rows, and the
 * columns marked hidden) with a note of each. Both readers (SheetJS's and the fast .xlsx one) put cells
 * through here, so they convert values the same way.
 */
export class SheetCollector {
  readonly store: SheetStore;
  private readonly hiddenRows: number[] = [];
  private readonly hiddenColumnsSeen = new Set<number>();
  private r = -1;
  private rowHidden = false;

  constructor(
    readonly name: string,
    private readonly options: SheetReadOptions,
    private readonly hiddenColumns: ReadonlySet<number> = new Set(),
  ) {
    this.store = new SheetStore(name);
  }

  startRow(r: number, hidden: boolean): void {
    this.r = r;
    this.rowHidden = hidden && !this.options.includeHidden;
    this.store.startRow(r);
  }

  /** One cell of the current row (columns ascending); an empty cell without a fill is nothing. */
  add(c: number, fill: string | undefined, cell: ParsedCell | null): void {
    if (this.hiddenColumns.has(c) && !this.options.includeHidden) {
      if (!this.rowHidden && (fill || (cell && !isBlank(cell)))) this.hiddenColumnsSeen.add(c);
      return;
    }
    if (!cell) {
      if (fill) this.store.add(c, 'empty', null, '', fill);
      return;
    }
    addParsed(this.store, this.r, c, fill, cell, this.name, this.options.notes);
  }

  endRow(): void {
    if (this.store.endRow(!this.rowHidden) && this.rowHidden) this.hiddenRows.push(this.r + 1);
  }

  finish(merges: MergeRange[]): RawSheet {
    const notes = this.options.notes;
    if (this.hiddenRows.length) notes.push({ kind: 'hidden-rows', sheet: this.name, rows: [...this.hiddenRows].sort((a, b) => a - b) });
    if (this.hiddenColumnsSeen.size)
      notes.push({ kind: 'hidden-columns', sheet: this.name, columns: [...this.hiddenColumnsSeen].sort((a, b) => a - b).map(columnName) });
    return this.store.finish(merges);
  }
}

function isBlank(cell: ParsedCell): boolean {
  return cell.t === 's' && textOf(cell.v).trim() === '';
}

/** A text cell's value as a string: parsers give strings; a number or boolean prints as itself. */
const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

function addParsed(store: SheetStore, r: number, c: number, fill: string | undefined, cell: ParsedCell, sheet: string, notes: ReadNote[]): void {
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      const day = typeof cell.z === 'string' && isDateFormat(cell.z) ? serialDay(v) : undefined;
      if (day) store.add(c, 'date', day, day.toISOString().slice(0, 10), fill);
      else store.add(c, 'number', v, (cell.w ?? String(v)).trim(), fill);
      return;
    }
    case 'd': {
      // A Date from a parser is a moment; its calendar day is read in UTC, as every date here is.
      const d = cell.v as Date;
      const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      store.add(c, 'date', day, day.toISOString().slice(0, 10), fill);
      return;
    }
    case 'b':
      store.add(c, 'boolean', Boolean(cell.v), cell.v ? 'TRUE' : 'FALSE', fill);
      return;
    case 'e':
      store.add(c, 'error', cell.w ?? '#ERROR', cell.w ?? '#ERROR', fill);
      return;
    case 's': {
      let text = textOf(cell.v);
      if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      text = ownCopy(text, text.trim());
      if (text) text = cleanText(text, r, c, sheet, notes);
      if (text) store.add(c, 'string', text, text, fill);
      else if (fill) store.add(c, 'empty', null, '', fill);
      return;
    }
    default:
      if (fill) store.add(c, 'empty', null, '', fill);
  }
}

/**
 * `trimmed` as a string of its own: V8 makes a trimmed string a view into the untrimmed one, which then
 * stays alive beside it as long as the sheet (and the plan after it) holds the value. Copied only when
 * trimming took something off.
 */
function ownCopy(untrimmed: string, trimmed: string): string {
  // Through JSON, which keeps every code unit (a lone surrogate too, for cleanText to find and report).
  return trimmed.length === untrimmed.length || trimmed.length < 13 ? trimmed : (JSON.parse(JSON.stringify(trimmed)) as string);
}

function cleanText(text: string, r: number, c: number, sheet: string, notes: ReadNote[]): string {
  const { text: clean, removed } = removeXmlInvalid(text);
  if (!removed.length) return text;
  notes.push({ kind: 'invalid-characters', sheet, cell: cellName(r, c), removed });
  return clean.trim();
}

type DenseRow = (XLSX.CellObject | undefined)[];

/**
 * Turns one SheetJS worksheet (.xls, .ods, or an .xlsx the fast reader declined) into our RawSheet. Only
 * cells that exist are visited, never the range the sheet claims (a stored dimension of A1:XFD1048576 is
 * 17 billion addresses); each parsed row is released once converted.
 */
export function sheetToRaw(name: string, ws: XLSX.WorkSheet, options: SheetReadOptions): RawSheet {
  const rowInfo = ws['!rows'];
  const hiddenColumns = new Set<number>();
  (ws['!cols'] ?? []).forEach((col, c) => {
    if (col?.hidden) hiddenColumns.add(c);
  });
  const out = new SheetCollector(name, options, hiddenColumns);
  const visit = (r: number, cells: Iterable<[number, XLSX.CellObject | undefined]>) => {
    out.startRow(r, Boolean(rowInfo?.[r]?.hidden));
    for (const [c, cell] of cells) if (cell) out.add(c, cell.s === undefined ? undefined : fillOf(cell), cell);
    out.endRow();
  };
  const dense = (ws as { '!data'?: (DenseRow | undefined)[] })['!data'];
  if (dense) {
    for (let r = 0; r < dense.length; r++) {
      const row = dense[r];
      if (!row) continue;
      visit(r, cellsOf(row));
      dense[r] = undefined;
    }
  } else {
    for (const [r, cells] of sparseRows(ws)) visit(r, cells);
  }
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  return out.finish(merges);
}

/** A row's cells by column; a row whose only cell is far right (XFD) is walked by its keys, not its length. */
function* cellsOf(row: DenseRow): Generator<[number, XLSX.CellObject | undefined]> {
  if (row.length <= 1024) {
    for (let c = 0; c < row.length; c++) yield [c, row[c]];
    return;
  }
  for (const key of Object.keys(row)) yield [Number(key), row[Number(key)]];
}

/** A sparse sheet's cells grouped by row, in order. */
function sparseRows(ws: XLSX.WorkSheet): [number, [number, XLSX.CellObject][]][] {
  const byRow = new Map<number, [number, XLSX.CellObject][]>();
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const r = rowOfRef(key);
    const c = columnOfRef(key);
    let list = byRow.get(r);
    if (!list) byRow.set(r, (list = []));
    list.push([c, ws[key] as XLSX.CellObject]);
  }
  return [...byRow].sort((a, b) => a[0] - b[0]).map(([r, list]) => [r, list.sort((a, b) => a[0] - b[0])]);
}

function fillOf(cell: XLSX.CellObject): string | undefined {
  const s = cell.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
  return solidFill(s);
}

/** A fill as #RRGGBB when it is solid with an RGB colour (shared with the fast reader's styles). */
export function solidFill(fill: { patternType?: string | undefined; fgColor?: { rgb?: string | undefined } | undefined } | undefined): string | undefined {
  const rgb = fill?.fgColor?.rgb;
  if (!rgb || (fill?.patternType && fill.patternType !== 'solid')) return undefined;
  const hex = rgb.length === 8 ? rgb.slice(2) : rgb;
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}
