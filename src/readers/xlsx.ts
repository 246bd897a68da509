import * as XLSX from 'xlsx';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { RawWorkbook } from './raw';
import { sheetToRaw } from './cells';

/** Reads .xlsx, .xlsm, .xls and .ods (SheetJS), keeping fills for status cells coloured but not worded. */
export function readSpreadsheet(bytes: Uint8Array, file: string): RawWorkbook {
  let wb: XLSX.WorkBook;
  try {
    // dense: rows as arrays, far smaller than one object key per cell on 50,000-row plans.
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellStyles: true, cellDates: false, cellNF: true, WTF: false });
  } catch (e) {
    throw new UnreadableInputError(file, explainReadFailure(e));
  }
  const sheets = wb.SheetNames.map((name) => {
    const raw = sheetToRaw(name, wb.Sheets[name]!);
    delete wb.Sheets[name]; // let the parser's copy go before converting the next sheet
    return raw;
  });
  return { file, sheets };
}

function explainReadFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) return 'the workbook is password-protected (encrypted); save an unprotected copy and try again';
  return `not a readable spreadsheet (${message})`;
}
