import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../src/pipeline/build-report';
import { defaultConfig } from '../../src/config/load';
import { readPdf } from '../support/pdf';
import { readDocx } from '../support/docx';
import { ROOT, tempDir } from './fixtures';

const squash = (s: string) => s.replace(/\s+/g, '');

async function build(report: string) {
  const r = await buildReport(path.join(ROOT, 'data/reports', report), { config: defaultConfig(), outDir: tempDir(), cwd: ROOT, formats: ['pdf', 'docx'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return {
    pdf: await readPdf(fs.readFileSync(path.join(r.outputDir!, 'report.pdf'))),
    docx: await readDocx(fs.readFileSync(path.join(r.outputDir!, 'report.docx'))),
  };
}

describe('the Leicestershire report (seed 003)', () => {
  let out: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => (out = await build('leicestershire-cabinet-2017-09-15.md')), 60000);

  it('numbers paragraphs continuously across PART A and PART B', () => {
    const numbers = [...out.pdf.text.matchAll(/^(\d+)\. [A-Z]/gm)].map((m) => Number(m[1]));
    expect(numbers.slice(0, 3)).toEqual([1, 2, 3]);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(out.pdf.text).toMatch(/PART A[\s\S]*3\. The Cabinet is recommended to approve the growth bid[\s\S]*PART B/);
  });

  it("prints the growth bid in £'000 with brackets for the saving and computed totals", () => {
    const table = out.docx.tables.find((t) => t[0]![0] === 'Description')!;
    expect(table[0]).toEqual(['Description', 'Revenue / capital', 'One-off / recurring', 'Funding', "2017/18 (£'000)", "2018/19 (£'000)", "2019/20 (£'000)"]);
    expect(table.find((r) => r[0] === 'Vacancy factor')!.slice(4)).toEqual(['0', '(100)', '(100)']);
    expect(table[table.length - 1]).toEqual(['Total', '–', '–', '–', '800', '2,500', '2,500']);
    // The text ({{plan.finance}}) states the same figures in the same unit as the table (render.money: thousands).
    expect(squash(out.pdf.text)).toContain(squash('£800k in 2017/18, £2,500k in 2018/19, £2,500k in 2019/20'));
    expect(out.docx.text).toContain('£800k in 2017/18, £2,500k in 2018/19, £2,500k in 2019/20');
  });

  it('prints money in whole pounds in the table and the text alike when render.money is pounds', async () => {
    const config = defaultConfig();
    config.render.money = 'pounds';
    const r = await buildReport(path.join(ROOT, 'data/reports/leicestershire-cabinet-2017-09-15.md'), { config, outDir: tempDir(), cwd: ROOT, formats: ['docx'] });
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'report.docx')));
    const table = docx.tables.find((t) => t[0]![0] === 'Description')!;
    expect(table[0]!.slice(4)).toEqual(['2017/18 (£)', '2018/19 (£)', '2019/20 (£)']);
    expect(table.find((row) => row[0] === 'Vacancy factor')!.slice(4)).toEqual(['£0', '(£100,000)', '(£100,000)']);
    expect(table[table.length - 1]).toEqual(['Total', '–', '–', '–', '£800,000', '£2,500,000', '£2,500,000']);
    expect(docx.text).toContain('£800,000 in 2017/18, £2,500,000 in 2018/19, £2,500,000 in 2019/20');
  }, 60000);
});

describe('the Shropshire report (seed 002)', () => {
  let out: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => (out = await build('shropshire-cabinet-2024-03-13.md')), 60000);

  it('has the risk table from the Risks sheet with computed ratings', () => {
    const risks = out.docx.tables.find((t) => t[0]![0] === 'Risk')!;
    expect(risks[0]).toEqual(['Risk', 'Likelihood', 'Impact', 'Rating', 'Mitigation', 'Owner']);
    expect(risks[1]).toEqual(['Failure to recruit permanent experienced social workers', '4', '5', '20', 'Project in place to develop an effective recruitment strategy.', 'Executive Director of People']);
    expect(risks).toHaveLength(4);
  });

  it('summarises the RAG rating of the seven sections in its own legend', () => {
    const summary = out.docx.tables.find((t) => t[0]![0] === 'Section')!;
    expect(summary[0]).toEqual(['Section', 'Red', 'Amber', 'Green', 'Complete', 'Total']);
    expect(summary.slice(1, -1).map((r) => r[0])).toEqual([
      'Quality of Practice and Quality Assurance', 'Capacity, Caseloads & Demand Management', 'Management Oversight',
      'Recruitment & Retention', 'Decision Making', 'Public Law Outline', 'Resources',
    ]);
    expect(summary[summary.length - 1]).toEqual(['All sections', '1 (8%)', '4 (31%)', '5 (38%)', '3 (23%)', '13']);
  });

  it('lists appendices published separately', () => {
    expect(squash(out.pdf.text)).toContain(squash('Appendix B – Children’s Improvement Board Terms of Reference (published separately)'));
  });
});
