import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../src/pipeline/build-report';
import { defaultConfig } from '../../src/config/load';
import { readPlan } from '../../src/model/read-plan';
import { planActions } from '../../src/model/plan';
import { readPdf, type PdfRead } from '../support/pdf';
import { readDocx, type DocxRead } from '../support/docx';
import { ROOT, tempDir } from './fixtures';
import type { Manifest } from '../../src/model/manifest';

const config = defaultConfig();
let out: string;
let dir: string;
let pdf: PdfRead;
let docx: DocxRead;
let appendixPdf: PdfRead;
let appendixDocx: DocxRead;

beforeAll(async () => {
  out = tempDir();
  const r = await buildReport(path.join(ROOT, 'data/reports/wf-cabinet-2023-09-12.md'), { config, outDir: out, cwd: ROOT });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  dir = r.outputDir!;
  pdf = await readPdf(fs.readFileSync(path.join(dir, 'report.pdf')));
  docx = await readDocx(fs.readFileSync(path.join(dir, 'report.docx')));
  const base = 'appendix-a-childrens-social-care-improvement-and-development-plan-2023';
  appendixPdf = await readPdf(fs.readFileSync(path.join(dir, `${base}.pdf`)));
  appendixDocx = await readDocx(fs.readFileSync(path.join(dir, `${base}.docx`)));
}, 60000);

describe('the W&F cabinet report (seed 000) with Appendix A (seed 001)', () => {
  it('writes the report, the appendix on its own, and a manifest, into a folder named by date and title', () => {
    expect(path.basename(dir)).toBe('2023-09-12-childrens-social-care-improvement-and-development-plan-2023');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.documents.map((d: { file: string; kind: string; classification: string }) => `${d.kind} ${d.classification} ${d.file}`)).toEqual([
      'report public report.pdf',
      'report public report.docx',
      'appendix public appendix-a-childrens-social-care-improvement-and-development-plan-2023.pdf',
      'appendix public appendix-a-childrens-social-care-improvement-and-development-plan-2023.docx',
    ]);
  });

  it('has the front sheet values in both formats', () => {
    const front = docx.tables[0]!;
    expect(front).toEqual(expect.arrayContaining([
      ['Report Title', "Children's Social Care Improvement and Development Plan 2023-24"],
      ['Date of Meeting', '12 September 2023'],
      ['Report Author', 'Jonathan Taylor, AD Children and Families'],
      ['Director', "Milorad Vasic, Director of Children's Services"],
      ['Lead Cabinet Member', "Councillor Sue Sanderson – Children's Services, Education & Skills"],
      ['Wards Affected', 'All'],
      ['Identify exempt information and exemption category', 'Not applicable'],
    ]));
    for (const text of ['Date of Meeting 12 September 2023', 'Wards Affected All', 'Lead Cabinet Member Councillor Sue Sanderson'])
      expect(pdf.pages[0]).toContain(text);
  });

  it('numbers paragraphs per section (1.1, 2.1) as seed 000 does', () => {
    expect(pdf.text).toMatch(/1\.1 This paper sets out, at Appendix A/);
    expect(pdf.text).toMatch(/1\.2 This plan incorporates actions/);
    expect(pdf.text).toMatch(/For the reasons set out in this report, Cabinet is recommended to:\s*2\.1 Approve/);
    expect(pdf.text).toMatch(/7\.4 The Council is required to meet its statutory legal duties/);
    expect(docx.numberingXml).toContain('w:val="%1.%2"');
  });

  it('fills template counts from the plan', () => {
    const { plan } = readPlan(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'));
    expect(pdf.text).toContain(`The plan has ${[...planActions(plan!)].length} actions across 4 sections`);
  });

  it('prints every action id of the plan in the appendix, in order, with its status word', async () => {
    const { plan } = readPlan(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'));
    const expected = [...planActions(plan!)].filter((x) => x.action.id).map((x) => `${x.action.id} ${x.action.status!.label}`);
    const rows = appendixDocx.tables.flat().filter((r) => r.length === 6 && r[0] !== 'Ref' && r[0] !== 'No ref').map((r) => `${r[0]} ${r[4]}`);
    expect(rows).toEqual(expected);
    const text = appendixPdf.text;
    let at = 0;
    for (const id of expected.map((e) => e.split(' ')[0]!)) {
      const found = text.indexOf(`\n${id} `, at);
      expect({ id, found: found >= 0 }).toEqual({ id, found: true });
      at = found;
    }
  });

  it('repeats table header rows and turns the appendix landscape in the DOCX', () => {
    expect((appendixDocx.documentXml.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThan(20);
    expect(appendixDocx.documentXml).toContain('w:orient="landscape"');
    expect(docx.documentXml).toMatch(/w:orient="portrait"[\s\S]*w:orient="landscape"/);
  });

  it('puts Page X of Y on every page and shows title, language and bookmarks', () => {
    pdf.pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pdf.pageCount}`));
    expect(pdf.info.Title).toBe("Children's Social Care Improvement and Development Plan 2023-24");
    expect(pdf.lang).toBe('en-GB');
    expect(pdf.displayDocTitle).toBe(true);
    expect(pdf.outline.map((o) => o.title)).toEqual(expect.arrayContaining(['1. Executive Summary', '2. Recommendations', 'A. Impact of leaders on social work practice', '18. Legal pathways and planning']));
  });

  it('shows page numbers in the contents of both formats, and they agree', () => {
    // The PDF's entry may have dot leaders before its number, as the DOCX's TOC field does.
    const pdfEntry = pdf.text.match(/Appendix A: Children's Social Care Improvement and Development Plan 2023 - 24 (?:\.+ )?(\d+)/);
    expect(pdfEntry).not.toBeNull();
    const docxEntry = docx.paragraphs.find((p) => p.style === 'TOC2' && p.text.startsWith('Appendix A'));
    expect(docxEntry!.text).toBe(`Appendix A: Children's Social Care Improvement and Development Plan 2023 - 24\t${pdfEntry![1]}`);
    const appendixPage = pdf.pages.findIndex((p) => p.includes('Status key')) + 1;
    expect(Number(pdfEntry![1])).toBe(appendixPage);
  });

  it('gives byte-identical files when built again', async () => {
    const again = tempDir();
    const r = await buildReport(path.join(ROOT, 'data/reports/wf-cabinet-2023-09-12.md'), { config, outDir: again, cwd: ROOT });
    for (const f of fs.readdirSync(dir)) expect({ f, same: fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(r.outputDir!, f))) }).toEqual({ f, same: true });
  }, 60000);
});
