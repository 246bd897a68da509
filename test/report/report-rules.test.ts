import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../src/pipeline/build-report';
import { defaultConfig } from '../../src/config/load';
import { readPdf } from '../support/pdf';
import { readDocx } from '../support/docx';
import { cabinet } from '../support/cli';
import { hostileWorkbook, reportFile, tempDir } from './fixtures';
import type { Manifest } from '../../src/model/manifest';

const config = defaultConfig();
const squash = (s: string) => s.replace(/\s+/g, '');

async function build(front: Record<string, string>, body: string, status?: string) {
  const dir = tempDir();
  await hostileWorkbook(path.join(dir, 'plan.xlsx'), status);
  const file = reportFile(dir, front, body);
  const r = await buildReport(file, { config, outDir: path.join(dir, 'out'), cwd: dir });
  return { dir, file, r };
}

const read = async (dir: string | undefined, name: string) => ({
  pdf: await readPdf(fs.readFileSync(path.join(dir!, `${name}.pdf`))),
  docx: await readDocx(fs.readFileSync(path.join(dir!, `${name}.docx`))),
});

describe('continuous numbering with Part A and Part B (seed 003)', () => {
  it('numbers paragraphs 1..n across parts, headings unnumbered, recommendations in their own style', async () => {
    const body = '# PART A\n\n## Purpose of the Report\n\nFirst.\n\nSecond.\n\n## Recommendations\n\n- Approve the growth bid.\n- Note the plan.\n\n# PART B\n\n## Background\n\nThird.\n';
    const { r } = await build({ settings: '{ paragraphNumbering: continuous, recommendationNumbering: "(a)" }', appendices: '[]' }, body);
    const { pdf, docx } = await read(r.outputDir, 'report');
    expect(pdf.text).toMatch(/PART A\s+Purpose of the Report\s+1\. First\.\s+2\. Second\.\s+Recommendations\s+\(a\) Approve the growth bid\.\s+\(b\) Note the plan\.\s+PART B\s+Background\s+3\. Third\./);
    expect(docx.numberingXml).toContain('w:val="(%1)"');
    expect(docx.numberingXml).toContain('w:val="lowerLetter"');
    expect(docx.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(expect.arrayContaining(['PART A', 'Purpose of the Report', 'PART B']));
  }, 30000);
});

describe('spreadsheet text is data, never markup or template code', () => {
  it('prints {{constructor}}, <b>x</b>, **x** and a javascript: link literally in the report and appendix', async () => {
    const { r } = await build({}, '## Summary\n\nThe plan is called {{plan.title}}.\n\n{{action-table}}\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = await read(r.outputDir, 'report');
    const appendix = await read(r.outputDir, 'appendix-a-test-plan');
    for (const text of [report.pdf.text, appendix.pdf.text]) {
      expect(squash(text)).toContain(squash('Publish {{constructor}} and <b>x</b> and **x**'));
      expect(squash(text)).toContain(squash('[click](javascript:alert(1)) done'));
    }
    expect(squash(report.pdf.text)).toContain(squash('The plan is called Test plan {{constructor}} <b>x</b> **x** 2023-24.'));
    expect(report.docx.text).toContain('The plan is called Test plan {{constructor}} <b>x</b> **x** 2023-24.');
    expect(appendix.docx.text).toContain('Theme {{#each this}}x{{/each}}');
    expect(report.docx.documentXml).not.toContain('<b>x</b>');
    // The text is there, literally; what must not exist is a link.
    expect(report.docx.documentXml).not.toContain('<w:hyperlink r:id=');
  }, 30000);
});

describe('a failing build', () => {
  it('stops on a data error and leaves the previous outputs untouched', async () => {
    const { dir, file, r } = await build({}, '## Summary\n\nText.\n');
    const before = Object.fromEntries(fs.readdirSync(r.outputDir!).map((f) => [f, fs.readFileSync(path.join(r.outputDir!, f))]));
    await hostileWorkbook(path.join(dir, 'plan.xlsx'), 'Purple');
    fs.appendFileSync(file, '\nMore text.\n');
    const again = await buildReport(file, { config, outDir: path.join(dir, 'out'), cwd: dir });
    expect(again.outputDir).toBeUndefined();
    expect(again.diagnostics.map((d) => `${d.code} ${d.sheet}!${d.cell}`)).toContain('unknown-status Plan!F4');
    for (const [f, bytes] of Object.entries(before)) expect(fs.readFileSync(path.join(r.outputDir!, f)).equals(bytes)).toBe(true);
    expect(fs.readdirSync(r.outputDir!).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 30000);

  it('reports front matter problems with the file and line', async () => {
    const dir = tempDir();
    const file = reportFile(dir, { meeting: '{ date: 12/09/2023 }', author: '' }, 'Body');
    const r = await buildReport(file, { config, cwd: dir });
    expect(r.outputDir).toBeUndefined();
    expect(r.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'front-matter-invalid', file, line: 3, message: expect.stringContaining('meeting.date') }),
        expect.objectContaining({ code: 'front-matter-missing-field', file, message: 'missing front-sheet field "author"' }),
      ]),
    );
  });

  it('reports a template error in the body with its line', async () => {
    const { r, file } = await build({}, '## Summary\n\nText {{plan.nosuchfield}}.\n');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'template-error', file, message: expect.stringContaining('nosuchfield') })]);
  }, 30000);

  it('reports every template problem at once, at the line in the file, saying what was expected', async () => {
    const body = '## Summary\n\nThe {{plan.titel}} plan.\n\nMet on {{meetingDat}}.\n\n{{status-sumary}}\n';
    const { r, file } = await build({}, body);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const errors = r.diagnostics.filter((d) => d.code === 'template-error');
    expect(errors.map((d) => d.line)).toEqual([lineOf('plan.titel'), lineOf('meetingDat'), lineOf('status-sumary')]);
    expect(errors[0]!.message).toContain('did you mean "plan.title"?');
    expect(errors[1]!.message).toContain('did you mean "meetingDate"?');
    expect(errors[2]!.message).toContain('did you mean "status-summary"?');
  }, 30000);

  it('points an unclosed block at the line that opened it', async () => {
    const { r, file } = await build({}, '## Summary\n\n{{#if plan.title}}\nText.\n\nMore text.\n');
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('{{#if')) + 1;
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'template-error', line, message: expect.stringContaining('{{#if}} is never closed') })]);
  }, 30000);
});

describe('exempt appendices', () => {
  it('are listed in the public report but built only on their own, marked on every page', async () => {
    const { r } = await build({ appendices: '[{ letter: A, title: Test plan, plan: plan, exempt: true, exemptParagraphs: [3] }]' }, '## Summary\n\nText.\n');
    const report = await read(r.outputDir, 'report');
    expect(report.pdf.text).toContain('Appendix A – Test plan (exempt – not for publication)');
    expect(squash(report.pdf.text)).not.toContain(squash('Publish {{constructor}}'));
    expect(report.docx.text).not.toContain('Publish {{constructor}}');
    const appendix = await read(r.outputDir, 'appendix-a-test-plan');
    appendix.pdf.pages.forEach((p) => expect(p).toContain('NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972'));
    const manifest = JSON.parse(fs.readFileSync(path.join(r.outputDir!, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.documents.filter((d) => d.kind === 'appendix').map((d) => [d.classification, d.exemptParagraphs])).toEqual([['exempt', [3]], ['exempt', [3]]]);
  }, 30000);
});

describe('cabinet build', () => {
  it('exits 0 and writes the outputs, 1 on data errors, 2 on usage errors', async () => {
    const { dir, file } = await build({}, '## Summary\n\nText.\n');
    const ok = cabinet(['build', '--quiet', '--format', 'pdf', '--out', path.join(dir, 'cli'), file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('built 1 of 1 reports');
    expect(fs.readdirSync(path.join(dir, 'cli', '2023-09-12-test-report')).sort()).toEqual(['appendix-a-test-plan.pdf', 'manifest.json', 'report.pdf']);
    await hostileWorkbook(path.join(dir, 'plan.xlsx'), 'Purple');
    const bad = cabinet(['build', '--quiet', '--out', path.join(dir, 'cli2'), file]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('error[unknown-status]');
    expect(cabinet(['build', '--format', 'odt', file]).code).toBe(2);
  }, 60000);
});
