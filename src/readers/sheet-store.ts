import type { MergeRange, RawCell, RawSheet } from './raw';
import { columnName } from './cell-address';
import { MAX_CELLS, TooManyCellsError } from './cell-limits';

/**
 * A sheet's cells held as compact values: per cell a column number, a kind with a fill index, and one
 * value slot (the text for text cells, the number for numbers); display text is kept only where it
 * differs from what the value gives. A 200,000-row plan is 1.4 million cells: as one object each (with
 * its row array) they cost about 110 MB before any text; held here, about 20 MB.
 *
 * The model reads `sheet.rows[r][c]` as RawCell objects (grid.ts, columns.ts, the extras readers, ...), so
 * each row is handed out as a read-only array view that makes a RawCell when one is asked for. The view
 * is a real array to Array.isArray, JSON and Jest, and its cells are plain value objects, equal by content.
 */
type Kind = RawCell['type'];
const KINDS: readonly Kind[] = ['string', 'number', 'boolean', 'date', 'error', 'empty'];
const KIND_CODE = new Map<Kind, number>(KINDS.map((k, i) => [k, i]));
const DAY_MS = 86_400_000;
const SHORT_TEXTS_HELD = 20_000;

/**
 * Asked of a row view, gives its cells as a plain sparse array (the same one for as long as the row is
 * recent): the grid reads rows through this, so the hot path of the normaliser is plain array access.
 */
export const PLAIN_ROW: unique symbol = Symbol('plain row');

/** A row's cells as a plain array: the view's own when it is one, else the row as given. */
export function plainRow(row: (RawCell | undefined)[] | undefined): (RawCell | undefined)[] | undefined {
  return row ? ((row as { [PLAIN_ROW]?: (RawCell | undefined)[] })[PLAIN_ROW] ?? row) : undefined;
}

/**
 * Cells are held in chunks of this many: growing one array by copying it (to 2 million slots for a
 * 200,000-row plan) held the old copy and the new one together, and up to half of the last one unused.
 */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
const FIRST_CHUNK = 4096;

function grown(chunk: Int32Array): Int32Array {
  const next = new Int32Array(Math.min(chunk.length * 2, CHUNK));
  next.set(chunk);
  return next;
}

export class SheetStore {
  private readonly cols: Int32Array[] = [];
  /** kind in the low 3 bits, fill index + 1 above them (0: no fill). */
  private readonly meta: Int32Array[] = [];
  private readonly values: (string | number | boolean | null)[][] = [];
  /** Display text where it is not the value itself (numbers as formatted), by cell index. */
  private readonly texts = new Map<number, string>();
  private readonly fills: string[] = [];
  private readonly fillIndex = new Map<string, number>();
  /** Short texts seen so far ("Green", "March 2024", a lead's name), so each is held once; dropped at finish. */
  private shortTexts: Map<string, string> | undefined = new Map();
  private count = 0;
  private readonly rows: (RawCell | undefined)[][] = [];
  private rowStart = -1;
  private rowNumber = -1;
  /** Rows whose cells were made lately (see RecentRows). */
  readonly recent = new RecentRows();

  constructor(readonly name: string) {}

  /** Starts row r (0-based); rows are added in any order, each once. */
  startRow(r: number): void {
    this.rowNumber = r;
    this.rowStart = this.count;
  }

  /** Adds a cell to the current row; columns ascending. `value` for a date is its UTC day as a Date. */
  add(c: number, type: Kind, value: RawCell['value'], text: string, fill: string | undefined): void {
    const i = this.count++;
    const k = i >>> CHUNK_BITS;
    const o = i & IN_CHUNK;
    if (k === this.cols.length) {
      if (i >= MAX_CELLS) throw new TooManyCellsError(this.name);
      // The first chunk starts small (a workbook of many small sheets) and grows to a whole one.
      this.cols.push(new Int32Array(k === 0 ? FIRST_CHUNK : CHUNK));
      this.meta.push(new Int32Array(k === 0 ? FIRST_CHUNK : CHUNK));
      // Whole chunks made at their size: grown by copying, their old copies outlived the read as garbage.
      this.values.push(k === 0 ? [] : new Array<string | number | boolean | null>(CHUNK));
    } else if (o === this.cols[k]!.length) {
      this.cols[k] = grown(this.cols[k]!);
      this.meta[k] = grown(this.meta[k]!);
    }
    this.cols[k]![o] = c;
    this.meta[k]![o] = KIND_CODE.get(type)! | ((fill === undefined ? 0 : this.fillNumber(fill) + 1) << 3);
    let stored = typeof value === 'object' && value !== null ? value.getTime() / DAY_MS : value;
    if (typeof stored === 'string' && stored.length <= 32 && this.shortTexts) {
      const known = this.shortTexts.get(stored);
      // Repeated words show up early; past the cap only known ones are shared, so unique refs cost nothing.
      if (known === undefined) {
        if (this.shortTexts.size < SHORT_TEXTS_HELD) this.shortTexts.set(stored, stored);
      } else stored = known;
    }
    this.values[k]![o] = stored;
    if (type !== 'string' && type !== 'error' && text !== derivedText(type, stored)) this.texts.set(i, text);
  }

  /** Closes the current row; a row left empty is dropped. Returns whether it held a cell. */
  endRow(keep = true): boolean {
    const start = this.rowStart;
    const end = this.count;
    if (end === start) return false;
    if (!keep) {
      // Taken back (a hidden row): the slots are written again by the next cells; their texts let go now.
      for (let i = start; i < end; i++) this.values[i >>> CHUNK_BITS]![i & IN_CHUNK] = null;
      this.count = start;
      for (const k of this.texts.keys()) if (k >= start) this.texts.delete(k);
      return true;
    }
    this.rows[this.rowNumber] = rowView(this, this.rowNumber, start, end);
    return true;
  }

  finish(merges: MergeRange[]): RawSheet {
    this.shortTexts = undefined;
    return { name: this.name, rows: this.rows, merges };
  }

  /** Column of cell i. */
  colOf(i: number): number {
    return this.cols[i >>> CHUNK_BITS]![i & IN_CHUNK]!;
  }

  /** The cell at index i (row r) as a RawCell. */
  cellAt(i: number, r: number): RawCell {
    const k = i >>> CHUNK_BITS;
    const o = i & IN_CHUNK;
    const meta = this.meta[k]![o]!;
    const type = KINDS[meta & 7]!;
    const stored = this.values[k]![o] ?? null;
    const fillNo = meta >> 3;
    const value = type === 'date' ? new Date((stored as number) * DAY_MS) : stored;
    const text = this.texts.get(i) ?? (type === 'string' || type === 'error' ? String(stored) : derivedText(type, stored));
    return new Cell(r, this.cols[k]![o]!, type, value, text, fillNo ? this.fills[fillNo - 1] : undefined);
  }

  private fillNumber(fill: string): number {
    let n = this.fillIndex.get(fill);
    if (n === undefined) {
      n = this.fills.push(fill) - 1;
      this.fillIndex.set(fill, n);
    }
    return n;
  }
}

function derivedText(type: Kind, stored: string | number | boolean | null): string {
  switch (type) {
    case 'boolean':
      return stored ? 'TRUE' : 'FALSE';
    case 'date':
      return new Date((stored as number) * DAY_MS).toISOString().slice(0, 10);
    case 'number':
      return String(stored);
    default:
      return '';
  }
}

/**
 * A cell as the model sees it. The A1 address is a getter on the prototype rather than a stored string;
 * `toJSON` gives plain data with the address, for JSON output and test comparisons.
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
    return columnName(this.c) + String(this.r + 1);
  }

  toJSON(): RawCell {
    return { address: this.address, r: this.r, c: this.c, type: this.type, value: this.value, text: this.text, ...(this.fill ? { fill: this.fill } : {}) };
  }
}

/**
 * Rows made into cells lately, per sheet. The model reads a row many times, and the row or two after it,
 * before moving on, so a short ring serves almost every read without making its cells again. Short on
 * purpose: cells kept longer outlive the young generation and pile up as old garbage (a 256-row ring
 * cost about 100 MB of peak heap on a 200,000-row plan); kept per sheet, a sheet read once is freed.
 */
const RECENT_ROWS = 16;

class RecentRows {
  private readonly ring = new Array<RowHandler | undefined>(RECENT_ROWS);
  private next = 0;

  /** Remembers `row` as the newest, dropping the cells of the oldest. */
  keep(row: RowHandler): void {
    this.ring[this.next]?.forget();
    this.ring[this.next] = row;
    this.next = (this.next + 1) % RECENT_ROWS;
  }
}

/** Row views share one handler class; each knows where its cells lie in the store. */
class RowHandler implements ProxyHandler<(RawCell | undefined)[]> {
  private cached: (RawCell | undefined)[] | undefined;

  constructor(
    private readonly store: SheetStore,
    private readonly r: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** The row's cells as a plain sparse array, made on first use and kept while the row is recent. */
  private cells(): (RawCell | undefined)[] {
    if (this.cached) return this.cached;
    const row: (RawCell | undefined)[] = [];
    for (let i = this.start; i < this.end; i++) row[this.store.colOf(i)] = this.store.cellAt(i, this.r);
    this.cached = row;
    this.store.recent.keep(this);
    return row;
  }

  forget(): void {
    this.cached = undefined;
  }

  private static column(key: string | symbol): number | undefined {
    if (typeof key !== 'string') return undefined;
    const first = key.charCodeAt(0);
    if (first < 48 || first > 57) return undefined;
    const c = Number(key);
    return Number.isInteger(c) && String(c) === key ? c : undefined;
  }

  get(target: (RawCell | undefined)[], key: string | symbol, receiver: unknown): unknown {
    if (key === 'length') return this.store.colOf(this.end - 1) + 1;
    if (key === PLAIN_ROW) return this.cells();
    const c = RowHandler.column(key);
    return c === undefined ? Reflect.get(target, key, receiver) : this.cells()[c];
  }

  has(target: (RawCell | undefined)[], key: string | symbol): boolean {
    const c = RowHandler.column(key);
    return c === undefined ? Reflect.has(target, key) : this.cells()[c] !== undefined;
  }

  ownKeys(): (string | symbol)[] {
    const keys: string[] = [];
    for (let i = this.start; i < this.end; i++) keys.push(String(this.store.colOf(i)));
    keys.push('length');
    return keys;
  }

  getOwnPropertyDescriptor(target: (RawCell | undefined)[], key: string | symbol): PropertyDescriptor | undefined {
    if (key === 'length') return { value: this.get(target, key, undefined), writable: true, enumerable: false, configurable: false };
    const c = RowHandler.column(key);
    if (c === undefined) return Reflect.getOwnPropertyDescriptor(target, key);
    const cell = this.cells()[c];
    return cell === undefined ? undefined : { value: cell, writable: false, enumerable: true, configurable: true };
  }

  set(): boolean {
    return false;
  }

  deleteProperty(): boolean {
    return false;
  }

  defineProperty(): boolean {
    return false;
  }
}

/** One target for every row view: the traps answer everything and never write to it. */
const ROW_TARGET: (RawCell | undefined)[] = [];

function rowView(store: SheetStore, r: number, start: number, end: number): (RawCell | undefined)[] {
  return new Proxy<(RawCell | undefined)[]>(ROW_TARGET, new RowHandler(store, r, start, end));
}
