import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkAccessibility } from '../../src/checks/accessibility';
import { layoutDocument, heading, para } from '../support/layout-fixtures';
import { cabinet } from '../support/cli';
import { hostileWorkbook, reportFile, tempDir } from '../report/fixtures';
import { writeWorkbook } from '../../src/samples/xlsx-writer';

describe('accessibility checks on the layout', () => {
  const place = { file: 'r.md' };
  it('finds skipped heading levels, tables without headers, colour without a word, poor contrast and missing alt text', () => {
    const doc = layoutDocument([{
      orientation: 'portrait',
      header: {},
      blocks: [
        heading('Title', 't', 1),
        heading('Too deep', 'd', 3),
        para('text'),
        { kind: 'table', role: 'data', summary: 'Statuses', columns: [{ header: '', width: 1 }], rows: [[{ runs: [{ text: '' }], fill: '#C00000' }], [{ runs: [{ text: 'Amber' }], fill: '#FFC000', textColour: '#FFFFFF' }]] },
        { kind: 'image', format: 'png', data: new Uint8Array([1]), width: 10, height: 10, alt: ' ' },
      ],
    }]);
    expect(checkAccessibility(doc, place).map((d) => d.code)).toEqual([
      'a11y-heading-skipped', 'a11y-table-without-header', 'a11y-colour-without-word', 'a11y-contrast', 'a11y-image-without-alt',
    ]);
  });
});

describe('cabinet check on reports and decision records', () => {
  it('passes the sample reports and decision record', () => {
    const r = cabinet(['check', 'data/reports/wf-cabinet-2023-09-12.md', 'data/reports/leicestershire-cabinet-2017-09-15.md', 'data/decisions/cabinet-2023-06-15-ilacs.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors, \d+ warnings in 3 files/);
  });

  it('flags a key decision without a forward plan reference, with its line', async () => {
    const dir = tempDir();
    await hostileWorkbook(path.join(dir, 'plan.xlsx'));
    const file = reportFile(dir, { keyDecision: '{ value: true }' }, '## Summary\n\nText.\n');
    const r = cabinet(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: line 10: error[key-decision-without-forward-plan]`);
  });

  it('warns when the finance total reaches the key decision threshold on a report not marked key', async () => {
    const dir = tempDir();
    const rows = [['Ref', 'Action', 'By when', 'Lead', 'RAG'], ['1.1', 'Do it', 'TBC', 'Ann Smith', 'Green']];
    const finance = [['Description', 'Type', '2024/25'], ['Build', 'Capital', 750000]];
    fs.writeFileSync(path.join(dir, 'plan.xlsx'), await writeWorkbook([{ name: 'Plan', rows }, { name: 'Finance', rows: finance }], new Date('2024-01-01T00:00:00Z')));
    const file = reportFile(dir, {}, '## Summary\n\nText.\n');
    const r = cabinet(['check', file]);
    expect(r.stdout).toContain('warning[finance-above-key-threshold]: workbook "plan" has a finance total of £750,000, at or above the key decision threshold of £500,000');
    expect(cabinet(['check', '--strict', file]).code).toBe(1);
  });

  it('warns when a decision is published on a day that is not a working day', () => {
    const dir = tempDir();
    const file = path.join(dir, 'd.md');
    fs.writeFileSync(file, '---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-01 }\ntitle: T\nresolved: [A]\nreasons: R\npublished: 2026-04-06\n---\n');
    expect(cabinet(['check', file]).stdout).toContain(`${file}: line 8: warning[not-a-working-day]: publication date Monday 6 April 2026 is not a working day`);
  });
});
