import * as fs from 'node:fs';
import * as path from 'node:path';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { RawWorkbook } from './raw';
import { sniffContainer } from './sniff';
import { readSpreadsheet } from './xlsx';
import { readCsv } from './csv';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadWorkbookOptions {
  /** Name used in messages when input is a buffer. */
  fileName?: string;
  maxBytes?: number | undefined;
}

const ZIP_FORMATS = new Set(['.xlsx', '.xlsm', '.ods', '.xltx', '.xltm']);
const TEXT_FORMATS = new Set(['.csv', '.txt', '.tsv']);

/** Any workbook we accept, from a path or bytes. Unreadable input throws UnreadableInputError (exit 2). */
export function readWorkbook(input: string | Uint8Array, options: ReadWorkbookOptions = {}): RawWorkbook {
  const file = typeof input === 'string' ? input : (options.fileName ?? '<buffer>');
  const bytes = typeof input === 'string' ? readFileBytes(input, options.maxBytes ?? DEFAULT_MAX_BYTES) : input;
  checkSize(file, bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const workbook = parseByContent(bytes, file);
  if (workbook.sheets.every((s) => s.rows.length === 0)) throw new UnreadableInputError(file, 'the workbook is empty (no cells in any sheet)');
  return workbook;
}

function readFileBytes(file: string, maxBytes: number): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UnreadableInputError(file, 'file not found');
  }
  if (stat.isDirectory()) throw new UnreadableInputError(file, 'is a folder, not a workbook');
  checkSize(file, stat.size, maxBytes);
  return fs.readFileSync(file);
}

function checkSize(file: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new UnreadableInputError(file, `file is ${mb(size)}, over the ${mb(maxBytes)} limit (--max-size to raise it)`);
  }
}

function parseByContent(bytes: Uint8Array, file: string): RawWorkbook {
  const ext = path.extname(file).toLowerCase();
  const container = sniffContainer(bytes);
  if (container === 'empty') throw new UnreadableInputError(file, 'the file is empty (0 bytes)');
  if (container === 'binary') throw new UnreadableInputError(file, `not a spreadsheet (expected ${expected(ext)}, found binary data of another kind)`);
  if (container === 'text') {
    if (ZIP_FORMATS.has(ext)) throw new UnreadableInputError(file, `not a spreadsheet (expected ${expected(ext)}, found plain text)`);
    return TEXT_FORMATS.has(ext) || ext === '' ? readCsv(bytes, file) : readSpreadsheet(bytes, file);
  }
  return readSpreadsheet(bytes, file);
}

function expected(ext: string): string {
  if (ZIP_FORMATS.has(ext)) return `an ${ext} workbook`;
  if (ext === '.xls') return 'an Excel .xls workbook';
  return 'an .xlsx, .xlsm, .xls, .ods or .csv file';
}
