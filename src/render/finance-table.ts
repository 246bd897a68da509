import type { FinanceTable } from '../model/plan';
import type { TableBlock, TableCell } from './layout';
import { formatAmount, formatMoneyWords } from './money';

const cell = (text: string, align?: 'right'): TableCell => ({ runs: [{ text }], ...(align ? { align } : {}) });

/** Lines by financial year with a computed total row; the unit is stated in the column headers. */
export function financeTable(finance: FinanceTable, unit: 'pounds' | 'thousands' = finance.unit): TableBlock {
  const unitLabel = unit === 'thousands' ? " (£'000)" : ' (£)';
  return {
    kind: 'table',
    summary: `Financial implications by financial year${unitLabel}, with totals`,
    role: 'data',
    columns: [
      { header: 'Description', width: 4 },
      { header: 'Revenue / capital', width: 1.4 },
      { header: 'One-off / recurring', width: 1.4 },
      { header: 'Funding', width: 2 },
      ...finance.years.map((y) => ({ header: `${y}${unitLabel}`, width: 1.3, align: 'right' as const })),
    ],
    rows: [
      ...finance.lines.map((l) => [
        cell(l.description),
        cell(l.kind === 'capital' ? 'Capital' : 'Revenue'),
        cell(l.recurrence === 'one-off' ? 'One-off' : 'Recurring'),
        cell(l.funding ?? 'Not stated'),
        ...finance.years.map((y) => cell(l.amounts[y] === undefined ? '0' : formatAmount(l.amounts[y]!, unit), 'right')),
      ]),
      [cell('Total'), cell('All'), cell('All'), cell('All'), ...finance.years.map((y) => cell(formatAmount(finance.totals[y] ?? 0, unit), 'right'))],
    ],
  };
}

/** "£2.5m in 2018/19" for the prose; "None arising" where there is nothing. */
export function financeSummaryText(finance: FinanceTable | undefined): string {
  if (!finance || finance.lines.length === 0) return 'None arising';
  return finance.years
    .filter((y) => (finance.totals[y] ?? 0) !== 0)
    .map((y) => `${formatMoneyWords(finance.totals[y]!)} in ${y}`)
    .join(', ') || 'None arising';
}
