import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../src/pipeline/build-report';
import { defaultConfig } from '../../src/config/load';
import { readPdf } from '../support/pdf';
import { readDocx } from '../support/docx';
import { hostileWorkbook, reportFile, tempDir } from './fixtures';

/** A report with no appendix printed inside it, of `sections` numbered sections of a few paragraphs each. */
async function build(sections: number, tocMinPages: number, length = 4, appendices = '[]') {
  const dir = tempDir();
  await hostileWorkbook(path.join(dir, 'plan.xlsx'));
  const para = (n: number) => 'The service has met every milestone in the plan this quarter and the board has reviewed the evidence with the inspectors. '.repeat(n);
  const body = Array.from({ length: sections }, (_, i) => `## Section ${i + 1}\n\n${para(length)}\n\n${para(length)}\n`).join('\n');
  const file = reportFile(dir, { appendices }, body);
  const config = defaultConfig();
  config.render.tocMinPages = tocMinPages;
  const r = await buildReport(file, { config, outDir: path.join(dir, 'out'), cwd: dir });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const pdf = await readPdf(fs.readFileSync(path.join(r.outputDir!, 'report.pdf')));
  const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'report.docx')));
  const hasContents = (text: string) => /^Contents\s*$/m.test(text);
  return { pages: pdf.pageCount, pdfContents: hasContents(pdf.text), docxContents: docx.paragraphs.some((p) => p.text === 'Contents') };
}

describe('render.tocMinPages', () => {
  it('gives a paper a contents list when it is at least that many pages, and none when shorter', async () => {
    // Laid out with no list at all, this paper is 3 pages (read from its PDF).
    const bare = await build(6, 99);
    expect(bare).toEqual({ pages: 3, pdfContents: false, docxContents: false });
    expect(await build(6, 3)).toMatchObject({ pdfContents: true, docxContents: true });
    expect(await build(6, 4)).toEqual({ pages: 3, pdfContents: false, docxContents: false });
  }, 60000);

  it('0 means always, when there are headings to list', async () => {
    // One section: a single page without the list (read from its PDF), so only 0 or 1 would list it.
    expect(await build(1, 2, 1)).toEqual({ pages: 1, pdfContents: false, docxContents: false });
    expect(await build(1, 0, 1)).toMatchObject({ pdfContents: true, docxContents: true });
  }, 60000);

  it('counts the pages of an appendix printed inside the report, which starts a section of its own', async () => {
    const inline = '[{ letter: A, title: Test plan, plan: plan }]';
    // The report alone is one page; its appendix adds landscape pages (both read from the PDF).
    const bare = await build(1, 99, 1, inline);
    expect(bare.pdfContents).toBe(false);
    expect(bare.pages).toBeGreaterThan(1);
    expect(await build(1, bare.pages, 1, inline)).toMatchObject({ pdfContents: true, docxContents: true });
    expect(await build(1, bare.pages + 1, 1, inline)).toEqual({ ...bare, pdfContents: false });
  }, 60000);
});
