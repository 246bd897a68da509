import type { Diagnostic } from '../../diagnostics/diagnostic';
import { error } from '../../diagnostics/diagnostic';
import type { FinanceLine, FinanceTable } from '../plan';
import type { RawSheet } from '../../readers/raw';
import { findSheetTable, numberOf } from './sheet-table';

const SYNONYMS = {
  description: /^(description|item|line|proposal|budget line)$/,
  kind: /^(type|revenue capital|revenue or capital|capital revenue)$/,
  recurrence: /^(one off recurring|one off or recurring|recurrence|recurring|nature)$/,
  funding: /^(funding|funding source|funded by|source of funding)$/,
};
const YEAR = /^(20\d{2})\s*[/-]\s*(\d{2}|\d{4})$/;

/** A finance table: lines by financial year, amounts in £ or £'000, totals computed and checked against the sheet's own. */
export function readFinance(sheet: RawSheet, file: string): { finance: FinanceTable; diagnostics: Diagnostic[] } | undefined {
  const table = findSheetTable(sheet, SYNONYMS, ['description']);
  const years = table?.extraHeaders.filter((h) => YEAR.test(h.text.trim())) ?? [];
  if (!table || years.length === 0) return undefined;
  const thousands = sheet.rows.slice(0, table.headerRow + 1).some((row) => row?.some((c) => /£\s*'?000|£k\b|thousands/i.test(c?.text ?? '')));
  const scale = thousands ? 1000 : 1;
  const diagnostics: Diagnostic[] = [];
  const lines: FinanceLine[] = [];
  const typedTotals: { r: number; values: Map<string, { v: number; address: string }> }[] = [];
  for (const row of table.rows) {
    const description = row.cell('description')?.text;
    if (!description) continue;
    const cells = table.sheet.rows[row.r] ?? [];
    const amounts: Record<string, number> = {};
    const found = new Map<string, { v: number; address: string }>();
    for (const y of years) {
      const cell = cells[y.c];
      if (!cell || cell.type === 'empty') continue;
      const v = numberOf(cell);
      if (v === undefined) {
        diagnostics.push(error('finance-amount-not-number', `amount for ${y.text} is not a number: expected e.g. 1,250 or (150), found "${cell.text}"`, { file, sheet: sheet.name, cell: cell.address }));
        continue;
      }
      amounts[y.text.trim()] = v * scale;
      found.set(y.text.trim(), { v: v * scale, address: cell.address });
    }
    if (/^(net\s+)?total\b/i.test(description)) {
      typedTotals.push({ r: row.r, values: found });
      continue;
    }
    const kind = /capital/i.test(row.cell('kind')?.text ?? '') ? 'capital' : 'revenue';
    const recurrence = /one[\s-]?off/i.test(row.cell('recurrence')?.text ?? '') ? 'one-off' : 'recurring';
    const line: FinanceLine = { description, kind, recurrence, amounts, source: { sheet: sheet.name, cell: row.cell('description')!.address } };
    if (row.cell('funding')?.text) line.funding = row.cell('funding')!.text;
    lines.push(line);
  }
  const yearLabels = years.map((y) => y.text.trim());
  const totals = Object.fromEntries(yearLabels.map((y) => [y, lines.reduce((sum, l) => sum + (l.amounts[y] ?? 0), 0)]));
  for (const typed of typedTotals)
    for (const [year, { v, address }] of typed.values)
      if (Math.abs(v - totals[year]!) > 0.5)
        diagnostics.push(error('finance-total-mismatch', `the total typed for ${year} (${v / scale}) disagrees with the sum of the lines (${totals[year]! / scale})`, { file, sheet: sheet.name, cell: address }));
  return { finance: { years: yearLabels, unit: thousands ? 'thousands' : 'pounds', lines, totals }, diagnostics };
}
