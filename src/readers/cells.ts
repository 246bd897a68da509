import * as XLSX from 'xlsx';
import type { MergeRange, RawCell, RawSheet, ReadNote } from './raw';
import { removeXmlInvalid } from '../text/xml-chars';
import { SSF } from './ssf';

export interface SheetReadOptions {
  /** Keep rows Excel hides (the default leaves them out with a note). */
  includeHidden?: boolean | undefined;
  /** Receives what was left out or changed. */
  notes: ReadNote[];
}

type DenseRow = (XLSX.CellObject | undefined)[];

/**
 * Turns one SheetJS worksheet into our RawSheet: typed values, display text, fills and merges.
 * Only cells that exist are visited, never the range the sheet claims (a stored dimension of
 * A1:XFD1048576 is 17 billion addresses); each parsed row is released once converted, so the parser's
 * copy and ours are not both held in full.
 */
export function sheetToRaw(name: string, ws: XLSX.WorkSheet, options: SheetReadOptions): RawSheet {
  const rows: (RawCell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const rowInfo = ws['!rows'];
  const visit = (r: number, cells: Iterable<[number, XLSX.CellObject | undefined]>) => {
    let out: (RawCell | undefined)[] | undefined;
    for (const [c, cell] of cells) {
      if (!cell) continue;
      const raw = cellFromParts(r, c, cell.s === undefined ? undefined : fillOf(cell), cell, name, options.notes);
      if (raw) (out ??= [])[c] = raw;
    }
    if (!out) return;
    if (rowInfo?.[r]?.hidden && !options.includeHidden) hiddenRows.push(r + 1);
    else rows[r] = out;
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
  return finishSheet(name, rows, merges, hiddenRows, options.notes);
}

/** The sheet, with a note of the hidden rows left out (shared with the fast .xlsx reader). */
export function finishSheet(name: string, rows: (RawCell | undefined)[][], merges: MergeRange[], hiddenRows: number[], notes: ReadNote[]): RawSheet {
  if (hiddenRows.length) notes.push({ kind: 'hidden-rows', sheet: name, rows: hiddenRows });
  return { name, rows, merges };
}

/**
 * One cell (a SheetJS cell object, or the fast reader's equivalent) as a RawCell with its fill; undefined
 * for an empty cell without a fill. Text is cleaned of characters XML cannot carry, with a note.
 */
export function cellFromParts(r: number, c: number, fill: string | undefined, cell: XLSX.CellObject | null, sheet: string, notes: ReadNote[]): RawCell | undefined {
  if (!cell) return fill ? cellOf(r, c, fill, 'empty', null, '') : undefined;
  const raw = toRawCell(cell, r, c, fill);
  if (raw.type === 'empty' && !raw.fill) return undefined;
  if (raw.type === 'string') cleanText(raw, sheet, notes);
  return raw;
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
    const { r, c } = XLSX.utils.decode_cell(key);
    let list = byRow.get(r);
    if (!list) byRow.set(r, (list = []));
    list.push([c, ws[key] as XLSX.CellObject]);
  }
  return [...byRow].sort((a, b) => a[0] - b[0]).map(([r, list]) => [r, list.sort((a, b) => a[0] - b[0])]);
}

function cleanText(raw: RawCell, sheet: string, notes: ReadNote[]): void {
  const { text, removed } = removeXmlInvalid(raw.text);
  if (!removed.length) return;
  notes.push({ kind: 'invalid-characters', sheet, cell: raw.address, removed });
  raw.text = text.trim();
  raw.value = raw.text || null;
  if (!raw.text) raw.type = 'empty';
}

/** Column letters by index, computed once per column rather than once per cell. */
const COLUMN_NAMES: string[] = [];
function addressOf(r: number, c: number): string {
  return (COLUMN_NAMES[c] ??= XLSX.utils.encode_col(c)) + String(r + 1);
}

/**
 * A cell as read. The A1 address is worked out when asked for (a getter on the prototype) rather than stored:
 * a 200,000-row sheet has over a million cells, and a string per cell was a fifth of the reader's memory.
 */
class Cell implements RawCell {
  constructor(
    readonly r: number,
    readonly c: number,
    public type: RawCell['type'],
    public value: RawCell['value'],
    public text: string,
    readonly fill: string | undefined,
  ) {}

  get address(): string {
    return addressOf(this.r, this.c);
  }

  /** Plain data for JSON and test comparisons, address included. */
  toJSON(): RawCell {
    return { address: this.address, r: this.r, c: this.c, type: this.type, value: this.value, text: this.text, ...(this.fill ? { fill: this.fill } : {}) };
  }
}

function cellOf(r: number, c: number, fill: string | undefined, type: RawCell['type'], value: RawCell['value'], text: string): RawCell {
  return new Cell(r, c, type, value, text, fill);
}

/** SSF.is_date parses the format each time; a workbook has a handful of formats and millions of cells. */
const DATE_FORMATS = new Map<string, boolean>();
function isDateFormat(z: string): boolean {
  let known = DATE_FORMATS.get(z);
  if (known === undefined) DATE_FORMATS.set(z, (known = Boolean(SSF.is_date(z))));
  return known;
}

function toRawCell(cell: XLSX.CellObject, r: number, c: number, fill: string | undefined): RawCell {
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && isDateFormat(cell.z as string)) {
        const day = serialDay(v);
        return cellOf(r, c, fill, 'date', day, day.toISOString().slice(0, 10));
      }
      return cellOf(r, c, fill, 'number', v, (cell.w ?? String(v)).trim());
    }
    case 'd': {
      const d = cell.v as Date;
      const day = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
      return cellOf(r, c, fill, 'date', day, day.toISOString().slice(0, 10));
    }
    case 'b':
      return cellOf(r, c, fill, 'boolean', cell.v as boolean, cell.v ? 'TRUE' : 'FALSE');
    case 'e':
      return cellOf(r, c, fill, 'error', cell.w ?? '#ERROR', cell.w ?? '#ERROR');
    case 's': {
      let text = String(cell.v ?? '');
      if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
      text = text.trim();
      return cellOf(r, c, fill, text ? 'string' : 'empty', text || null, text);
    }
    default:
      return cellOf(r, c, fill, 'empty', null, '');
  }
}

/** Excel serial -> calendar day, without going through local time. */
function serialDay(serial: number): Date {
  const p = SSF.parse_date_code(serial);
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

function fillOf(cell: XLSX.CellObject): string | undefined {
  const s = cell.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
  const rgb = s?.fgColor?.rgb;
  if (!rgb || (s?.patternType && s.patternType !== 'solid')) return undefined;
  const hex = rgb.length === 8 ? rgb.slice(2) : rgb;
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}
