import * as XLSX from 'xlsx';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { RawWorkbook, ReadNote } from './raw';
import { sheetToRaw } from './cells';

export interface SpreadsheetReadOptions {
  /** Keep sheets and rows Excel hides (default: leave them out, with a note). */
  includeHidden?: boolean | undefined;
  /** Read cell styles (fills); false when the workbook has no solid fill to read (see zip-guard.ts). */
  cellStyles?: boolean | undefined;
}

/** Reads .xlsx, .xlsm, .xls and .ods (SheetJS), keeping fills for status cells coloured but not worded. */
export function readSpreadsheet(bytes: Uint8Array, file: string, options: SpreadsheetReadOptions = {}): RawWorkbook {
  let wb: XLSX.WorkBook;
  try {
    // dense: rows as arrays, far smaller than one object key per cell on 50,000-row plans.
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellStyles: options.cellStyles ?? true, cellDates: false, cellNF: true, WTF: false });
  } catch (e) {
    throw new UnreadableInputError(file, explainReadFailure(e));
  }
  refuseDuplicateNames(wb.SheetNames, file);
  const notes: ReadNote[] = [];
  const sheets = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (!ws) throw new UnreadableInputError(file, `not a readable spreadsheet (sheet "${name}" is listed but its part is missing)`);
    // Hidden is 1 (hidden) or 2 (very hidden, only visible from VBA).
    if (wb.Workbook?.Sheets?.[i]?.Hidden && !options.includeHidden) notes.push({ kind: 'hidden-sheet', sheet: name });
    else sheets.push(sheetToRaw(name, ws, { includeHidden: options.includeHidden, notes }));
    delete wb.Sheets[name]; // let the parser's copy go before converting the next sheet
  }
  return { file, sheets, ...(notes.length ? { notes } : {}) };
}

/**
 * Excel never saves two sheets of one name (names compare case-insensitively), but a hand-made file can,
 * and the parser then keeps one sheet under both names. Refuse rather than guess which one was meant.
 */
export function refuseDuplicateNames(names: string[], file: string): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLocaleLowerCase('en-GB');
    const first = seen.get(key);
    if (first !== undefined)
      throw new UnreadableInputError(file, `the workbook has two sheets named "${first}"${first === name ? '' : ` and "${name}"`} (Excel does not allow this); rename one and save again`);
    seen.set(key, name);
  }
}

function explainReadFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) return 'the workbook is password-protected (encrypted); save an unprotected copy and try again';
  return `not a readable spreadsheet (${message})`;
}
