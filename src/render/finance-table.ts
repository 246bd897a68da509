import type { FinanceTable } from '../model/plan';
import type { TableBlock, TableCell } from './layout';
import { formatAmount, formatMoneyText, type MoneyUnit } from './money';

const cell = (text: string, align?: 'right'): TableCell => ({ runs: [{ text }], ...(align ? { align } : {}) });

/** Lines by financial year with a computed total row; the unit is stated in the column headers. */
export function financeTable(finance: FinanceTable, unit: MoneyUnit): TableBlock {
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
        ...finance.years.map((y) => cell(formatAmount(l.amounts[y] ?? 0, unit), 'right')),
      ]),
      // The total row says Total once; its other text cells carry a dash, since accessible tables have no empty cells.
      [cell('Total'), cell('–'), cell('–'), cell('–'), ...finance.years.map((y) => cell(formatAmount(finance.totals[y] ?? 0, unit), 'right'))],
    ],
  };
}

/** "£2,500k in 2018/19" for the prose, in the tables' unit (render.money); "None arising" where there is nothing. */
export function financeSummaryText(finance: FinanceTable | undefined, unit: MoneyUnit): string {
  if (!finance || finance.lines.length === 0) return 'None arising';
  return finance.years
    .filter((y) => (finance.totals[y] ?? 0) !== 0)
    .map((y) => `${formatMoneyText(finance.totals[y]!, unit)} in ${y}`)
    .join(', ') || 'None arising';
}
