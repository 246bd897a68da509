/**
 * What a reader produces: every sheet as a grid of cells with their addresses, values as typed by the
 * spreadsheet, display text, and fill colour. Nothing here knows what a plan is; the model stage does.
 */
export type RawValue = string | number | boolean | Date | null;

export interface RawCell {
  /** A1 address, e.g. "E41". */
  address: string;
  /** 0-based row and column. */
  r: number;
  c: number;
  type: 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty';
  /** Typed value: a Date for date cells (UTC midnight of the calendar day), the error text for errors. */
  value: RawValue;
  /** Text as the spreadsheet would display it, trimmed; "" for empty. */
  text: string;
  /** Solid fill colour as #RRGGBB when the cell has one. */
  fill?: string | undefined;
}

export interface MergeRange {
  /** 0-based inclusive corners. */
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface RawSheet {
  name: string;
  /**
   * rows[r][c]; rows and cells outside the used range are absent (undefined). The readers hand each row
   * out as a read-only view over compact storage (sheet-store.ts): read it, map it, never write into it.
   */
  rows: (RawCell | undefined)[][];
  merges: MergeRange[];
}

/**
 * What the reader left out or changed, as facts; the model turns them into warnings (read-plan.ts), so
 * nothing is dropped silently.
 */
export type ReadNote =
  /** A sheet Excel hides (hidden or very hidden), left out. */
  | { kind: 'hidden-sheet'; sheet: string }
  /** Rows Excel hides, left out (1-based row numbers). */
  | { kind: 'hidden-rows'; sheet: string; rows: number[] }
  /** Columns Excel hides that held cells, left out (letters, "C"). */
  | { kind: 'hidden-columns'; sheet: string; columns: string[] }
  /** Characters XML cannot carry, removed from a cell's text (code points like "U+0007"). */
  | { kind: 'invalid-characters'; sheet: string; cell: string; removed: string[] };

export interface RawWorkbook {
  /** The path as the user named it (for diagnostics), or "<buffer>". */
  file: string;
  sheets: RawSheet[];
  /** Left out or changed while reading; absent when nothing was. */
  notes?: ReadNote[];
}
