import * as path from 'node:path';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { DEFAULT_READ_LIMITS, changeWith, megabytes, type ReadLimits } from '../io/read-limits';
import { readBoundedFile } from '../io/safe-read';
import type { RawWorkbook } from './raw';
import { sniffContainer } from './sniff';
import { readSpreadsheet } from './xlsx';
import { readCsv } from './csv';
import { checkZipWorkbook } from './zip-guard';
import { readXlsxFast } from './xlsx-fast';

export const DEFAULT_MAX_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;

export interface ReadWorkbookOptions {
  /** Name used in messages when input is a buffer. */
  fileName?: string;
  /** Largest file (bytes); wins over limits.maxFileBytes (it is --max-size). */
  maxBytes?: number | undefined;
  /** Every bound a read works within (settings `limits:`); defaults when absent. */
  limits?: ReadLimits | undefined;
  /** Keep sheets and rows Excel hides (settings `workbooks.includeHidden`). */
  includeHidden?: boolean | undefined;
}

const ZIP_FORMATS = new Set(['.xlsx', '.xlsm', '.ods', '.xltx', '.xltm']);
const TEXT_FORMATS = new Set(['.csv', '.txt', '.tsv']);

/** Any workbook we accept, from a path or bytes. Unreadable input throws UnreadableInputError (exit 2). */
export function readWorkbook(input: string | Uint8Array, options: ReadWorkbookOptions = {}): RawWorkbook {
  const file = typeof input === 'string' ? input : (options.fileName ?? '<buffer>');
  const limits: ReadLimits = { ...(options.limits ?? DEFAULT_READ_LIMITS), ...(options.maxBytes !== undefined ? { maxFileBytes: options.maxBytes } : {}) };
  const bytes = typeof input === 'string' ? readBoundedFile(input, { maxBytes: limits.maxFileBytes, sizeHint: ', or --max-size,' }) : input;
  if (bytes.length > limits.maxFileBytes)
    throw new UnreadableInputError(file, `file is ${megabytes(bytes.length)}, over the ${megabytes(limits.maxFileBytes)} limit ${changeWith('maxFileBytes', ', or --max-size,')}`);
  const workbook = parseByContent(bytes, file, limits, options.includeHidden);
  if (workbook.sheets.every((s) => s.rows.length === 0)) throw new UnreadableInputError(file, emptyReason(workbook));
  return workbook;
}

function emptyReason(workbook: RawWorkbook): string {
  const hidden = (workbook.notes ?? []).filter((n) => n.kind !== 'invalid-characters').length;
  return hidden
    ? 'the workbook has no visible cells (every sheet or row with cells is hidden in Excel; workbooks.includeHidden in the settings file reads them)'
    : 'the workbook is empty (no cells in any sheet)';
}

function parseByContent(bytes: Uint8Array, file: string, limits: ReadLimits, includeHidden: boolean | undefined): RawWorkbook {
  const ext = path.extname(file).toLowerCase();
  const container = sniffContainer(bytes);
  if (container === 'empty') throw new UnreadableInputError(file, 'the file is empty (0 bytes)');
  if (container === 'binary') throw new UnreadableInputError(file, `not a spreadsheet (expected ${expected(ext)}, found binary data of another kind)`);
  if (container === 'text') {
    if (ZIP_FORMATS.has(ext)) throw new UnreadableInputError(file, `not a spreadsheet (expected ${expected(ext)}, found plain text)`);
    return TEXT_FORMATS.has(ext) || ext === '' ? readCsv(bytes, file) : readSpreadsheet(bytes, file, { includeHidden });
  }
  if (container !== 'zip') return readSpreadsheet(bytes, file, { includeHidden });
  const facts = checkZipWorkbook(bytes, file, limits);
  // Excel's own format: sheets walked row by row (xlsx-fast.ts); it declines anything unusual.
  const fast = readXlsxFast(bytes, file, facts, { includeHidden });
  if (fast) return fast;
  delete facts.contents; // not needed by SheetJS, which inflates for itself
  return readSpreadsheet(bytes, file, { includeHidden, cellStyles: facts.needsStyles });
}

function expected(ext: string): string {
  if (ZIP_FORMATS.has(ext)) return `an ${ext} workbook`;
  if (ext === '.xls') return 'an Excel .xls workbook';
  return 'an .xlsx, .xlsm, .xls, .ods or .csv file';
}
