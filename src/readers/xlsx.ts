import type * as XLSX from 'xlsx';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { RawWorkbook, ReadNote } from './raw';
import { sheetToRaw } from './cells';
import { refuseDuplicateNames } from './sheet-names';
import { damagedMessage } from './read-failure';

export interface SpreadsheetReadOptions {
  /** Keep sheets, rows and columns Excel hides (default: leave them out, with a note). */
  includeHidden?: boolean | undefined;
  /** Read cell styles (fills); false when the workbook has no solid fill to read (see zip-guard.ts). */
  cellStyles?: boolean | undefined;
  /** What the file should be, for messages ("an Excel .xls workbook"). */
  kind?: string | undefined;
}

/** SheetJS, loaded when first needed: only .xls, .ods and the rare .xlsx the fast reader declines use it. */
export function spreadsheetLibrary(): typeof XLSX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('xlsx') as typeof XLSX;
}

/** Reads .xls, .ods (and .xlsx the fast reader declines) with SheetJS, keeping fills for status cells. */
export function readSpreadsheet(bytes: Uint8Array, file: string, options: SpreadsheetReadOptions = {}): RawWorkbook {
  let wb: XLSX.WorkBook;
  try {
    // dense: rows as arrays, far smaller than one object key per cell on 50,000-row plans.
    wb = spreadsheetLibrary().read(bytes, { type: 'buffer', dense: true, cellStyles: options.cellStyles ?? true, cellDates: false, cellNF: true, WTF: false });
  } catch (e) {
    throw new UnreadableInputError(file, damagedMessage(e, options.kind));
  }
  refuseDuplicateNames(wb.SheetNames, file);
  const notes: ReadNote[] = [];
  const sheets = [];
  try {
    for (const [i, name] of wb.SheetNames.entries()) {
      const ws = wb.Sheets[name];
      if (!ws) throw new UnreadableInputError(file, `not a readable spreadsheet: the file is damaged (sheet "${name}" is listed but its part is missing)`);
      // Hidden is 1 (hidden) or 2 (very hidden, only visible from VBA).
      if (wb.Workbook?.Sheets?.[i]?.Hidden && !options.includeHidden) notes.push({ kind: 'hidden-sheet', sheet: name });
      else sheets.push(sheetToRaw(name, ws, { includeHidden: options.includeHidden, notes }));
      delete wb.Sheets[name]; // let the parser's copy go before converting the next sheet
    }
  } catch (e) {
    if (e instanceof UnreadableInputError) throw e;
    throw new UnreadableInputError(file, damagedMessage(e, options.kind));
  }
  return { file, sheets, ...(notes.length ? { notes } : {}) };
}
