import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { readPlan } from '../../src/model/read-plan';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';
import { planActions } from '../../src/model/plan';
import { writeWorkbook } from '../../src/samples/xlsx-writer';

const broken = (f: string) => path.join(__dirname, '..', '..', 'data', 'broken', f);
const codes = (f: string) => readPlan(broken(f)).diagnostics.map((d) => [d.severity, d.code, `${d.sheet}!${d.cell}`]);

describe('diagnostics name the sheet and cell, and never throw on bad data', () => {
  it.each([
    ['unknown-status.xlsx', 'error', 'unknown-status', 'Actions!F5'],
    ['duplicate-action-id.xlsx', 'error', 'duplicate-action-id', 'Actions!A6'],
    ['action-id-without-text.xlsx', 'error', 'action-id-without-text', 'Actions!C5'],
    ['date-not-understood.xlsx', 'warning', 'date-not-understood', 'Actions!D4'],
    ['lead-repeats-action.xlsx', 'warning', 'lead-repeats-action', 'Actions!E4'],
    ['due-outside-plan-period.xlsx', 'warning', 'due-outside-plan-period', 'Actions!D6'],
    ['empty-theme.xlsx', 'warning', 'empty-theme', 'Actions!B7'],
  ])('%s', (file, severity, code, place) => {
    expect(codes(file)).toEqual([[severity, code, place]]);
  });

  it('lists the legend in an unknown-status message', () => {
    const [d] = readPlan(broken('unknown-status.xlsx')).diagnostics;
    expect(d!.message).toBe('"Purple" is not in this plan\'s legend (Grey, Blue, Green, Amber, Red)');
  });

  it('reports each formula error value in a used cell', () => {
    expect(codes('formula-error.xlsx')).toEqual([
      ['error', 'formula-error', 'Actions!D4'],
      ['error', 'formula-error', 'Actions!E6'],
    ]);
  });

  it('says which headers it found when there is no plan table', () => {
    const { plan, diagnostics } = readPlan(broken('no-plan-table.xlsx'));
    expect(plan).toBeUndefined();
    expect(diagnostics[0]!.code).toBe('no-plan-table');
    expect(diagnostics[0]!.message).toContain('found instead: Name, Address, Phone (Actions row 1)');
  });

  it.each([
    ['not-a-spreadsheet.xlsx', /not a spreadsheet \(expected an \.xlsx workbook/],
    ['empty.xlsx', /the workbook is empty/],
    ['encrypted.xlsx', /password-protected/],
    ['no-such-file.xlsx', /file not found/],
  ])('%s cannot be read: one clear reason', (file, reason) => {
    expect(() => readPlan(broken(file))).toThrow(UnreadableInputError);
    expect(() => readPlan(broken(file))).toThrow(reason);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const file = path.join(__dirname, '..', '..', 'data', 'wf-improvement-plan-2023-24.xlsx');
    expect(() => readPlan(file, { maxBytes: 1000 })).toThrow(/over the limit of 1,000 bytes/);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});

describe('what councils do to cells', () => {
  const sheet = async (rows: (string | null | { v: string; fill: string })[][], merges: XLSX.Range[] = []) =>
    readPlan(await writeWorkbook([{ name: 'Plan', rows, merges }], new Date('2024-01-01T00:00:00Z')), { fileName: 'mem.xlsx' });

  it('reads a status cell that is only a fill colour', async () => {
    const { plan } = await sheet([
      ['Ref', 'Action', 'Due', 'Lead', 'RAG'],
      ['D1', 'Do it', 'TBC', 'Ann Smith', { v: ' ', fill: '#C00000' }],
    ]);
    expect([...planActions(plan!)][0]!.action.status).toMatchObject({ label: 'Red', text: 'fill #C00000' });
  });

  it('skips header rows repeated mid-table and reads section bands given as "Section B:"', async () => {
    const { plan, diagnostics } = await sheet(
      [
        ['Section A: Leadership'],
        ['Ref', 'Action', 'Target date', 'Owner', 'Status'],
        ['ORG.1.01', 'First', 'Q3 2023/24', 'Ann Smith', 'G'],
        ['Section B: Practice'],
        ['Ref', 'Action', 'Target date', 'Owner', 'Status'],
        ['ORG.2.01', 'Second', '2024/25', 'Bob Jones', 'A'],
      ],
      [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }, { s: { r: 3, c: 0 }, e: { r: 3, c: 4 } }],
    );
    expect(diagnostics).toEqual([]);
    expect(plan!.sections.map((s) => [s.code, s.title, s.themes[0]!.actions.map((a) => a.id)])).toEqual([
      ['A', 'Leadership', ['ORG.1.01']],
      ['B', 'Practice', ['ORG.2.01']],
    ]);
    expect(plan!.legend.origin).toBe('standard');
  });
});
