import * as XLSX from 'xlsx';
import { readPlan } from '../../src/model/read-plan';
import { planActions } from '../../src/model/plan';
import { leadingId } from '../../src/model/normalise/band-text';

const rows = [
  ['Plan 2023-24'],
  ['Ref', 'Action', 'By when', 'Lead', 'RAG'],
  ['18.3a', 'Engage with the regional group', 'Q3 2023/24', 'Senior Manager – Stefan Chapleo', 'A'],
  ['D1', 'Second', '31/01/2024', 'Jane Fallon', 'G'],
];

describe('every spreadsheet format councils send', () => {
  it.each([
    ['xlsx', 'plan.xlsx'],
    ['xlsm', 'plan.xlsm'],
    ['biff8', 'plan.xls'],
    ['ods', 'plan.ods'],
  ] as const)('reads %s', (bookType, fileName) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Plan');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
    const { plan, diagnostics } = readPlan(bytes, { fileName });
    expect(diagnostics).toEqual([]);
    expect([...planActions(plan!)].map(({ action: a }) => [a.id, a.status?.label, a.due.date])).toEqual([
      ['18.3a', 'Amber', '2023-12-31'],
      ['D1', 'Green', '2024-01-31'],
    ]);
  });
});

describe('ids at the start of the action text', () => {
  it.each([
    ['1.1 Develop a framework', '1.1'],
    ['18.3a Engage with the group', '18.3a'],
    ['ORG.1.01 Launch the framework', 'ORG.1.01'],
    ['D1 Review', 'D1'],
  ])('%s', (text, id) => expect(leadingId(text)?.id).toBe(id));

  it('leaves text that only mentions numbers alone', () => {
    expect(leadingId('Review impact of 5.1 and 5.2 at December 2023')).toBeUndefined();
    expect(leadingId('2024 review of the offer')).toBeUndefined();
  });
});
