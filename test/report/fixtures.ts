import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeWorkbook, type CellSpec } from '../../src/samples/xlsx-writer';

export const ROOT = path.resolve(__dirname, '..', '..');

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-test-'));
}

/** A small plan whose cells try to be markup and template code. */
export async function hostileWorkbook(file: string, status = 'Green'): Promise<void> {
  const rows: CellSpec[][] = [
    ['Test plan {{constructor}} <b>x</b> **x** 2023-24'],
    [],
    ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress'],
    ['1.1', '1. Theme {{#each this}}x{{/each}}', 'Publish {{constructor}} and <b>x</b> and **x**', 'August 2023', 'Officer – Ann Smith', status, '[click](javascript:alert(1)) done'],
    ['1.2', null, 'Second action', 'Q3 2023/24', null, 'Amber', 'Late'],
  ];
  fs.writeFileSync(file, await writeWorkbook([{ name: 'Plan', rows }], new Date('2024-01-01T00:00:00Z')));
}

export function reportFile(dir: string, front: Record<string, string>, body: string): string {
  const defaults: Record<string, string> = {
    committee: 'Cabinet',
    meeting: '{ date: 2023-09-12 }',
    agendaItem: '7',
    title: 'Test report',
    reportOf: 'Director of Testing',
    portfolioHolder: 'Councillor Test',
    author: '{ name: Ann Smith, jobTitle: Officer }',
    wards: 'All',
    keyDecision: '{ value: false }',
    workbooks: '{ plan: plan.xlsx }',
    appendices: '[{ letter: A, title: Test plan, plan: plan }]',
  };
  const yaml = Object.entries({ ...defaults, ...front }).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`).join('\n');
  const file = path.join(dir, 'report.md');
  fs.writeFileSync(file, `---\n${yaml}\n---\n${body}`);
  return file;
}
