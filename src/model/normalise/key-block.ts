import type { RawCell, RawSheet } from '../../readers/raw';
import { Grid } from './grid';
import { columnsOfRow } from './columns';
import { familyOfColour, familyOfWords } from './status-family';

/** One row of a status key as the council wrote it: its word (or number), what it means, and its fill. */
export interface KeyRow {
  label: string;
  meaning: string;
  fill?: string | undefined;
  /** Where the word is (for warnings about the key itself). */
  cell: string;
}

export interface KeyBlock {
  rows: KeyRow[];
  /** Heading over the meanings, e.g. "Progress against timescale". */
  basis?: string | undefined;
  /** First and last sheet row (0-based) of the block, its header included. */
  firstRow: number;
  lastRow: number;
  /** Address of the block's first cell. */
  start: string;
  /** True when a Key/Status heading introduces the block. */
  hasHeader: boolean;
}

/** "Key", "RAG key", "Status", "BRAG", "Rating scale": a row that introduces a key. */
const KEY_HEADER = /^(key|legend|status key|rag key|brag key|rating key|rag rating key|rating scale|scale|status|rag|brag|rating|rag status|score|status definitions?)$/i;
/** Title-block lines that look like "word: value" but are never a status. */
const METADATA = /^(last updated|updated|date|prepared by|produced by|compiled by|owner|version|author|reviewed?|review date|page|as at|reporting period|period|plan owner|sponsor|contact)\b/i;
/** "Off track = significantly behind", "1 – not started": a key entry written in one cell. */
const ONE_CELL = /^(\S[^=–—:-]{0,28}?)\s*(?:=|–|—|:|\s-)\s*(\S.*)$/s;

type Cols = (c: number) => boolean;

interface Parsed {
  header?: { basis?: string | undefined };
  entry?: KeyRow;
}

const clean = (t: string) => t.replace(/:\s*$/, '').trim();
const shortLabel = (t: string) => t.length <= 30 && t.split(/\s+/).length <= 4 && !METADATA.test(t);

function parseRow(cells: RawCell[], afterHeader: boolean): Parsed {
  const texts = cells.map((c) => c.text);
  const first = cells[0];
  if (!first) return {};
  if (texts.length <= 2 && KEY_HEADER.test(clean(texts[0]!))) return { header: { basis: texts[1] } };
  // "Red | 2" is a count in a summary above the table, not what Red means.
  if (texts.length === 2 && shortLabel(clean(texts[0]!)) && !/^[\d.,%\s()]+$/.test(texts[1]!))
    return { entry: { label: clean(texts[0]!), meaning: texts[1]!, fill: first.fill ?? cells[1]!.fill, cell: first.address } };
  // "1 | Off track | Significantly behind plan": a number, its word and its meaning.
  if (texts.length === 3 && /^\d{1,2}$/.test(texts[0]!))
    return { entry: { label: texts[0]!, meaning: `${texts[1]} – ${texts[2]}`, fill: first.fill ?? cells[1]!.fill, cell: first.address } };
  if (texts.length === 1 && afterHeader) {
    const m = texts[0]!.match(ONE_CELL);
    // Only words that name a status (or a number, or a filled cell): "Strategic Lead – …" is a band, not a key entry.
    const word = m?.[1]?.trim() ?? '';
    if (m && shortLabel(word) && (familyOfWords(word) || /^\d{1,2}$/.test(word) || first.fill)) return { entry: { label: m[1]!.trim(), meaning: m[2]!.trim(), fill: first.fill, cell: first.address } };
    // A key of coloured words only ("Off track" on red): the word is its own meaning.
    if (first.fill && shortLabel(texts[0]!)) return { entry: { label: texts[0]!, meaning: texts[0]!, fill: first.fill, cell: first.address } };
  }
  return {};
}

/**
 * A key written across one row: "Key: | Achieved | On course | Slipping" (filled words), or
 * "Key | Red = off track | Amber = at risk | Green = on track".
 */
function acrossRow(cells: RawCell[]): KeyRow[] | undefined {
  const [first, ...rest] = cells;
  if (!first || rest.length < 2 || !KEY_HEADER.test(clean(first.text))) return undefined;
  const entries: KeyRow[] = [];
  for (const cell of rest) {
    const m = cell.text.match(ONE_CELL);
    if (m && shortLabel(m[1]!.trim())) entries.push({ label: m[1]!.trim(), meaning: m[2]!.trim(), fill: cell.fill, cell: cell.address });
    else if (cell.fill && shortLabel(cell.text)) entries.push({ label: cell.text, meaning: cell.text, fill: cell.fill, cell: cell.address });
    else return undefined;
  }
  return entries;
}

/** A run of rows is a key when it says so (a Key/Status header), or its words carry fills or name statuses. */
function looksLikeKey(rows: KeyRow[], hasHeader: boolean): boolean {
  if (rows.length < 2) return false;
  if (hasHeader) return true;
  if (rows.filter((r) => familyOfColour(r.fill)).length >= 2) return true;
  const named = rows.filter((r) => familyOfWords(r.label) ?? (/^\d{1,2}$/.test(r.label) ? familyOfWords(r.meaning) : undefined));
  return named.length >= Math.max(2, Math.ceil(rows.length / 2));
}

/**
 * The first status key in rows [from, to) and the columns `cols` accepts: a header row (optional), then one
 * entry per row. Blank rows and rows of other kinds end a block; the first block that looks like a key wins.
 */
export function findKeyBlock(grid: Grid, from: number, to: number, cols: Cols = () => true): KeyBlock | undefined {
  let block: { rows: KeyRow[]; basis?: string | undefined; firstRow: number; hasHeader: boolean; start: string } | undefined;
  let lastRow = -1;
  const finish = (): KeyBlock | undefined => {
    const b = block;
    block = undefined;
    if (b && looksLikeKey(b.rows, b.hasHeader)) return { rows: b.rows, basis: b.basis, firstRow: b.firstRow, lastRow, start: b.start, hasHeader: b.hasHeader };
    return undefined;
  };
  for (let r = from; r < to; r++) {
    const cells = distinctCells(grid, r).filter((c) => cols(c.c));
    const across = acrossRow(cells);
    if (across) {
      const done = finish();
      if (done) return done;
      lastRow = r;
      return { rows: across, firstRow: r, lastRow: r, start: cells[0]!.address, hasHeader: true };
    }
    const parsed = parseRow(cells, block?.hasHeader ?? false);
    // "Key" then "Status | Meaning", or a blank line under "Key": the heading still introduces what follows.
    const headedAndEmpty = block?.hasHeader && block.rows.length === 0;
    if (headedAndEmpty && (parsed.header || cells.length === 0)) {
      if (parsed.header?.basis) block!.basis = parsed.header.basis;
      continue;
    }
    if (parsed.header) {
      const done = finish();
      if (done) return done;
      block = { rows: [], basis: parsed.header.basis, firstRow: r, hasHeader: true, start: cells[0]!.address };
      lastRow = r;
    } else if (parsed.entry) {
      block ??= { rows: [], firstRow: r, hasHeader: false, start: parsed.entry.cell };
      block.rows.push(parsed.entry);
      lastRow = r;
    } else {
      const done = finish();
      if (done) return done;
    }
  }
  return finish();
}

/** Used cells of a row with merged copies counted once, in column order. */
function distinctCells(grid: Grid, r: number): RawCell[] {
  return grid.usedCells(r).filter((c) => !grid.isContinuation(r, c.c) && c.text !== '');
}

/** The key beside the table: to the right of the last column whose heading we know (the key's own heading may share the header row). */
export function findKeyBeside(grid: Grid, headerRow: number): { block: KeyBlock; firstCol: number } | undefined {
  const known = Object.values(columnsOfRow(grid, headerRow) ?? {});
  if (!known.length) return undefined;
  const firstCol = Math.max(...known) + 1;
  const block = findKeyBlock(grid, 0, grid.rowCount, (c) => c >= firstCol);
  if (!block) return undefined;
  // Without a Key heading, a block beside the table must stand clear of the table's own headings: a column
  // headed "RAG last month" holding Green/Amber beside a notes column is part of the table, not a key.
  const tableGoesOn = distinctCells(grid, headerRow).some((c) => c.c >= firstCol);
  if (!block.hasHeader && tableGoesOn) return undefined;
  // On the table's own header row only a heading that says key ("Rating key", "Legend") starts a key: a
  // second "Rating" column is the table's.
  const own = distinctCells(grid, headerRow).find((c) => c.c >= firstCol);
  if (block.firstRow === headerRow && !/key|legend|scale|definition/i.test(own?.text ?? '')) return undefined;
  return { block, firstCol };
}

/** The sheet without the key beside its table, so the key's rows are not read as parts of actions. */
export function withoutKey(sheet: RawSheet, block: KeyBlock, firstCol: number): RawSheet {
  const rows = sheet.rows.map((row, r) => (r < block.firstRow || r > block.lastRow ? row : row.map((cell, c) => (c >= firstCol ? undefined : cell))));
  return { ...sheet, rows };
}

/** A sheet that holds the key: Key, Legend, RAG key, Status key, BRAG key, Rating key, Key and guidance. */
export const KEY_SHEET = /\b(keys?|legend)\b/i;

export function keySheetBlock(sheet: RawSheet): KeyBlock | undefined {
  const grid = new Grid(sheet);
  return findKeyBlock(grid, 0, grid.rowCount);
}
