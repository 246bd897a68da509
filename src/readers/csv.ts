import * as XLSX from 'xlsx';
import type { RawWorkbook, ReadNote } from './raw';
import { sheetToRaw } from './cells';

/**
 * CSV is read as text cells only: "31/08/2023" must stay day-first text for the model's UK date parser,
 * not be guessed as a US date by the spreadsheet library.
 */
export function readCsv(bytes: Uint8Array, file: string): RawWorkbook {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const wb = XLSX.read(text, { type: 'string', raw: true, cellDates: false, dense: true });
  const name = wb.SheetNames[0] ?? 'Sheet1';
  const notes: ReadNote[] = [];
  const sheet = sheetToRaw(csvSheetName(file), wb.Sheets[name]!, { notes });
  return { file, sheets: [sheet], ...(notes.length ? { notes } : {}) };
}

function csvSheetName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '') || 'Sheet1';
}
