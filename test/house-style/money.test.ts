import { formatAmount, formatMoneyText } from '../../src/render/money';
import { financeSummaryText, financeTable } from '../../src/render/finance-table';

describe('money by one setting, in tables and text alike', () => {
  const finance = {
    years: ['2024/25', '2025/26'],
    unit: 'pounds' as const,
    lines: [
      { description: 'Growth', kind: 'revenue' as const, recurrence: 'recurring' as const, funding: 'Reserves', amounts: { '2024/25': 250000, '2025/26': 250000 } },
      { description: 'Saving', kind: 'revenue' as const, recurrence: 'recurring' as const, amounts: { '2024/25': -445000 } },
    ],
    totals: { '2024/25': -195000, '2025/26': 250000 },
  };

  it('says "(195)" in the £\'000 table and "(£195k)" in the text, never "-£195,000"', () => {
    const table = financeTable(finance, 'thousands');
    const total = table.rows[table.rows.length - 1]!.map((c) => c.runs[0]!.text);
    expect(total).toEqual(['Total', '–', '–', '–', '(195)', '250']);
    expect(financeSummaryText(finance, 'thousands')).toBe('(£195k) in 2024/25, £250k in 2025/26');
  });

  it('says "(£195,000)" in both in whole pounds', () => {
    const table = financeTable(finance, 'pounds');
    expect(table.rows[table.rows.length - 1]!.slice(4).map((c) => c.runs[0]!.text)).toEqual(['(£195,000)', '£250,000']);
    expect(table.rows[1]!.slice(4).map((c) => c.runs[0]!.text)).toEqual(['(£445,000)', '£0']);
    expect(financeSummaryText(finance, 'pounds')).toBe('(£195,000) in 2024/25, £250,000 in 2025/26');
  });

  it('keeps one decimal for part-thousands', () => {
    expect(formatAmount(2560, 'thousands')).toBe('2.6');
    expect(formatMoneyText(-2560, 'thousands')).toBe('(£2.6k)');
    expect(formatMoneyText(2500000, 'thousands')).toBe('£2,500k');
  });
});
