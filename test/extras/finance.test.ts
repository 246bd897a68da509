import { readFinance } from '../../src/model/extras/finance';
import { readRisks } from '../../src/model/extras/risks';
import type { RawCell, RawSheet } from '../../src/readers/raw';
import * as XLSX from 'xlsx';

/** A RawSheet from a 2-D array, as a reader would give it. */
function sheet(rows: (string | number | null)[][], name = 'Finance'): RawSheet {
  return {
    name,
    merges: [],
    rows: rows.map((row, r) =>
      row.map((v, c): RawCell | undefined =>
        v === null ? undefined : { address: XLSX.utils.encode_cell({ r, c }), r, c, type: typeof v === 'number' ? 'number' : 'string', value: v, text: String(v) },
      ),
    ),
  };
}

describe('finance sheets', () => {
  const rows = [
    ["Amounts in £'000"],
    ['Description', 'Type', 'One-off/Recurring', 'Funding source', '2024/25', '2025/26'],
    ['New posts', 'Revenue', 'Recurring', 'Growth', 100, 200],
    ['Kit', 'Capital', 'One-off', 'Borrowing', 50, null],
    ['Income', 'Revenue', 'Recurring', 'Fees', '(30)', '(30)'],
    ['Total', null, null, null, 120, 999],
  ];

  it('stores pounds, reads brackets as negative and computes totals', () => {
    const { finance, diagnostics } = readFinance(sheet(rows), 'f.xlsx')!;
    expect(finance.unit).toBe('thousands');
    expect(finance.years).toEqual(['2024/25', '2025/26']);
    expect(finance.lines.map((l) => [l.description, l.kind, l.recurrence, l.amounts])).toEqual([
      ['New posts', 'revenue', 'recurring', { '2024/25': 100000, '2025/26': 200000 }],
      ['Kit', 'capital', 'one-off', { '2024/25': 50000 }],
      ['Income', 'revenue', 'recurring', { '2024/25': -30000, '2025/26': -30000 }],
    ]);
    expect(finance.totals).toEqual({ '2024/25': 120000, '2025/26': 170000 });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'finance-total-mismatch', sheet: 'Finance', cell: 'F6' })]);
  });

  it('reports text in an amount cell', () => {
    const bad = rows.map((r) => [...r]);
    bad[2]![4] = 'about 100';
    const { diagnostics } = readFinance(sheet(bad), 'f.xlsx')!;
    expect(diagnostics[0]).toMatchObject({ code: 'finance-amount-not-number', cell: 'E3' });
  });
});

describe('risk sheets', () => {
  it('computes ratings and warns about scores outside 1-5', () => {
    const { risks, diagnostics } = readRisks(sheet([['Risk', 'Likelihood', 'Impact', 'Mitigation'], ['A', 4, 5, 'M'], ['B', 'High', 7, 'N']], 'Risks'), 'r.xlsx')!;
    expect(risks.map((r) => [r.risk, r.likelihood, r.impact, r.rating])).toEqual([['A', 4, 5, 20], ['B', 4, undefined, undefined]]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'risk-score-out-of-range', cell: 'C3' })]);
  });
});
