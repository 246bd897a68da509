import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { readWorkbook } from '../readers/read-workbook';
import { readBoundedText } from '../io/safe-read';
import { DEFAULT_READ_LIMITS } from '../io/read-limits';
import { WORKBOOK_FILE } from '../readers/workbook-files';

/** What the page shows for "show me where": plain data; the page puts every string in as text, never markup. */
export type SourceView =
  | { kind: 'text'; file: string; line: number; first: number; lines: string[] }
  | { kind: 'sheet'; file: string; sheet: string; cell: string; columns: string[]; rows: { row: number; cells: { address: string; text: string; type: string }[] }[]; value: string }
  | { kind: 'none'; reason: string };

/** Lines and cells either side of the place: enough to recognise it, bounded however large the file. */
const LINES_AROUND = 40;
const ROWS_AROUND = 10;
const COLUMNS_AROUND = 4;

export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "E14" (or the first cell of "E14:F20") as 0-based row and column. */
export function parseCell(address: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})/i.exec(address);
  if (!m) return undefined;
  const c = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { r: Number(m[2]) - 1, c };
}

function textView(file: string, shown: string, line: number): SourceView {
  const lines = readBoundedText(file, { shown, maxBytes: DEFAULT_READ_LIMITS.maxFileBytes }).split(/\r?\n/);
  const first = Math.max(1, line - LINES_AROUND);
  return { kind: 'text', file: shown, line, first, lines: lines.slice(first - 1, line + LINES_AROUND) };
}

function sheetView(file: string, shown: string, sheetName: string, cell: string): SourceView {
  const at = parseCell(cell);
  if (!at) return { kind: 'none', reason: `"${cell}" is not a cell address` };
  const sheet = readWorkbook(file).sheets.find((s) => s.name === sheetName);
  if (!sheet) return { kind: 'none', reason: `${shown} has no sheet "${sheetName}" now` };
  const top = Math.max(0, at.r - ROWS_AROUND);
  const left = Math.max(0, at.c - COLUMNS_AROUND);
  const right = at.c + COLUMNS_AROUND;
  const columns = Array.from({ length: right - left + 1 }, (_, i) => columnName(left + i));
  const rows = [];
  for (let r = top; r <= at.r + ROWS_AROUND; r++) {
    const row = sheet.rows[r] ?? [];
    rows.push({ row: r + 1, cells: columns.map((col, i) => {
      const found = row[left + i];
      return { address: `${col}${r + 1}`, text: found?.text ?? '', type: found?.type ?? 'empty' };
    }) });
  }
  const target = sheet.rows[at.r]?.[at.c];
  return { kind: 'sheet', file: shown, sheet: sheetName, cell: `${columnName(at.c)}${at.r + 1}`, columns, rows, value: target ? target.text : '' };
}

/**
 * The source of a diagnostic: the Markdown or YAML with its line, or the workbook's sheet around its cell,
 * values as our reader reads them. Only files the build itself read (`allowed`) are opened: the path comes
 * from our own diagnostic, never from the request.
 */
export function sourceView(d: Diagnostic, cwd: string, allowed: ReadonlySet<string>): SourceView {
  if (!d.file) return { kind: 'none', reason: 'this message is about the paper as a whole, not a place in a file' };
  const file = path.resolve(cwd, d.file);
  if (!allowed.has(file)) return { kind: 'none', reason: `${d.file} is not a file this paper is built from` };
  try {
    if (d.sheet && d.cell && WORKBOOK_FILE.test(file)) return sheetView(file, d.file, d.sheet, d.cell);
    if (d.line !== undefined && !WORKBOOK_FILE.test(file)) return textView(file, d.file, d.line);
  } catch (e) {
    if (e instanceof UnreadableInputError) return { kind: 'none', reason: `${e.file}: ${e.reason}` };
    throw e;
  }
  return { kind: 'none', reason: `the message names ${d.file} but no line or cell in it` };
}
