import * as path from 'node:path';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { DEFAULT_READ_LIMITS, changeWith, overLimitText, type ReadLimits } from '../io/read-limits';
import { readBoundedFile, readBoundedPieces } from '../io/safe-read';
import type { RawWorkbook } from './raw';
import { sniffContainer } from './sniff';
import { readSpreadsheet } from './xlsx';
import { CsvReader, readCsv } from './csv';
import { checkDeferred, checkZipWorkbook, inflateEntry } from './zip-guard';
import { readXlsxFast } from './xlsx-fast';
import { checkLegacyWorkbook } from './cfb-guard';
import { MAX_CELLS, TooManyCellsError, odsCellCount, tooManyCellsMessage } from './cell-limits';

export const DEFAULT_MAX_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;

export interface ReadWorkbookOptions {
  /** Name used in messages when input is a buffer. */
  fileName?: string;
  /** Largest file (bytes); wins over limits.maxFileBytes (it is --max-size). */
  maxBytes?: number | undefined;
  /** Every bound a read works within (settings `limits:`); defaults when absent. */
  limits?: ReadLimits | undefined;
  /** Keep sheets, rows and columns Excel hides (settings `workbooks.includeHidden`). */
  includeHidden?: boolean | undefined;
}

const ZIP_FORMATS = new Set(['.xlsx', '.xlsm', '.ods', '.xltx', '.xltm']);
const TEXT_FORMATS = new Set(['.csv', '.txt', '.tsv']);

/** Any workbook we accept, from a path or bytes. Unreadable input throws UnreadableInputError (exit 2). */
export function readWorkbook(input: string | Uint8Array, options: ReadWorkbookOptions = {}): RawWorkbook {
  const file = typeof input === 'string' ? input : (options.fileName ?? '<buffer>');
  const limits: ReadLimits = { ...(options.limits ?? DEFAULT_READ_LIMITS), ...(options.maxBytes !== undefined ? { maxFileBytes: options.maxBytes } : {}) };
  let workbook: RawWorkbook;
  try {
    if (typeof input === 'string' && TEXT_FORMATS.has(path.extname(file).toLowerCase())) workbook = readTextFile(input, file, limits, options.includeHidden);
    else {
      const bytes = typeof input === 'string' ? readBoundedFile(input, { maxBytes: limits.maxFileBytes, sizeHint: SIZE_HINT }) : input;
      if (bytes.length > limits.maxFileBytes) throw new UnreadableInputError(file, `${overLimitText(bytes.length, limits.maxFileBytes)} ${changeWith('maxFileBytes', SIZE_HINT)}`);
      workbook = parseByContent(bytes, file, limits, options.includeHidden);
    }
  } catch (e) {
    if (e instanceof TooManyCellsError) throw new UnreadableInputError(file, tooManyCellsMessage(e.sheet));
    throw e;
  }
  if (workbook.sheets.every((s) => s.rows.length === 0)) throw new UnreadableInputError(file, emptyReason(workbook));
  return workbook;
}

const SIZE_HINT = ', or --max-size,';

/**
 * A .csv (.txt, .tsv) read from the disk a piece at a time into the CSV reader, so a 200,000-row file is
 * never held whole. Its first piece is sniffed as every file is: a workbook or a picture renamed .csv is
 * then read whole and told apart by its content, as before.
 */
function readTextFile(input: string, file: string, limits: ReadLimits, includeHidden: boolean | undefined): RawWorkbook {
  let csv: CsvReader | undefined;
  const other: Buffer[] = [];
  readBoundedPieces(input, { maxBytes: limits.maxFileBytes, sizeHint: SIZE_HINT }, (piece) => {
    if (!csv && !other.length) {
      if (sniffContainer(piece) === 'text') csv = new CsvReader(file);
    }
    if (csv) csv.push(piece);
    else other.push(piece);
  });
  if (csv) return csv.finish();
  return parseByContent(Buffer.concat(other), file, limits, includeHidden);
}

function emptyReason(workbook: RawWorkbook): string {
  const hidden = (workbook.notes ?? []).filter((n) => n.kind !== 'invalid-characters').length;
  return hidden
    ? 'the workbook has no visible cells (every sheet, row or column with cells is hidden in Excel; workbooks.includeHidden in the settings file reads them)'
    : 'the workbook is empty (no cells in any sheet)';
}

function parseByContent(bytes: Uint8Array, file: string, limits: ReadLimits, includeHidden: boolean | undefined): RawWorkbook {
  const ext = path.extname(file).toLowerCase();
  const container = sniffContainer(bytes);
  if (container === 'empty') throw new UnreadableInputError(file, 'the file is empty (0 bytes)');
  if (container === 'binary') throw new UnreadableInputError(file, `not a spreadsheet (expected ${expected(ext)}, found binary data of another kind)`);
  if (container === 'text') {
    if (ZIP_FORMATS.has(ext)) throw new UnreadableInputError(file, `not a spreadsheet (expected ${expected(ext)}, found plain text)`);
    if (TEXT_FORMATS.has(ext) || ext === '') return readCsv(bytes, file);
    // Text named .xls: SpreadsheetML 2003 or an HTML table saved as .xls, which SheetJS reads.
    return readSpreadsheet(bytes, file, { includeHidden, kind: expected(ext) });
  }
  if (container === 'cfb') {
    checkLegacyWorkbook(bytes, file, limits);
    return readSpreadsheet(bytes, file, { includeHidden, kind: expected(ext) });
  }
  const facts = checkZipWorkbook(bytes, file, limits);
  // Excel's own format: sheets walked row by row (xlsx-fast.ts); it declines anything unusual.
  const fast = readXlsxFast(bytes, file, facts, { includeHidden }, limits);
  if (fast) return fast;
  const content = facts.entries.find((e) => e.name === 'content.xml');
  if (content && !facts.contents) {
    const { cells, sheet } = odsCellCount(inflateEntry(bytes, content, file, limits));
    if (cells > MAX_CELLS) throw new TooManyCellsError(sheet);
  }
  checkDeferred(bytes, facts, file, limits);
  delete facts.contents; // not needed by SheetJS, which inflates for itself
  return readSpreadsheet(bytes, file, { includeHidden, cellStyles: facts.needsStyles, kind: expected(ext) });
}

function expected(ext: string): string {
  if (ZIP_FORMATS.has(ext)) return `an ${ext} workbook`;
  if (ext === '.xls') return 'an Excel .xls workbook';
  return 'an .xlsx, .xlsm, .xls, .ods or .csv file';
}
