import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSource } from '../../src/pipeline/build-source';
import { defaultConfig } from '../../src/config/load';
import { prepareReport } from '../../src/pipeline/build-report';
import { checkAccessibility } from '../../src/checks/accessibility';
import { readPdf, type PdfRead } from '../support/pdf';
import { readDocx, type DocxRead } from '../support/docx';
import { reportFile, tempDir } from './fixtures';
import { writeWorkbook } from '../../src/samples/xlsx-writer';

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('a Welsh paper (front matter language: cy)', () => {
  let report: { pdf: PdfRead; docx: DocxRead };
  let appendix: { pdf: PdfRead; docx: DocxRead };
  let file: string;

  beforeAll(async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plan.xlsx'), await writeWorkbook([{ name: 'Plan', rows: [
      ['Test plan 2023-24'],
      [],
      ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress'],
      ['1.1', '1. Theme', 'First action', 'August 2023', 'Officer – Ann Smith', 'Green', 'Done'],
      ['1.2', null, 'Second action', 'Q3 2023/24', null, 'Amber', 'Late'],
      ['1.3', null, 'Third action', null, null, 'Green', null],
    ] }], new Date('2024-01-01T00:00:00Z')));
    fs.writeFileSync(path.join(dir, 'map.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#1F3864"/></svg>');
    file = reportFile(dir, { language: 'cy' }, '## Cefndir\n\nTestun.\n\n![Map o safleoedd](map.svg)\n');
    const config = defaultConfig();
    config.render.tocMinPages = 0;
    const r = await buildSource(file, { config, outDir: path.join(dir, 'out'), cwd: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const read = async (base: string) => ({
      pdf: await readPdf(fs.readFileSync(path.join(r.outputDir!, `${base}.pdf`))),
      docx: await readDocx(fs.readFileSync(path.join(r.outputDir!, `${base}.docx`))),
    });
    report = await read('report');
    appendix = await read('appendix-a-test-plan');
  }, 60000);

  it('tags the report and its appendix cy in both formats', () => {
    for (const { pdf, docx } of [report, appendix]) {
      expect(pdf.lang).toBe('cy');
      expect(docx.stylesXml).toMatch(/<w:lang w:val="cy"/);
    }
  });

  it('prints its front sheet, dates, contents and page numbers in Welsh', () => {
    expect(report.docx.tables[0]).toEqual(expect.arrayContaining([
      ['Teitl yr Adroddiad', 'Test report'],
      ['Dyddiad y Cyfarfod', '12 Medi 2023'],
      ['Penderfyniad allweddol', 'Nac ydy'],
      ['Wardiau yr Effeithir Arnynt', 'Pob ward'],
      ['Diben', 'Er penderfyniad'],
      ['Atodiadau (os oes rhai)', 'Atodiad A – Test plan'],
    ]));
    expect(report.docx.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(['Cynnwys', 'Atodiadau', 'Papurau cefndir', 'Ffigur 1: Map o safleoedd']));
    expect(report.pdf.pages[0]).toMatch(/Tudalen 1 o \d+/);
    expect(report.docx.footers.join('')).toMatch(/Tudalen <\/w:t>[\s\S]*PAGE[\s\S]* o <\/w:t>[\s\S]*NUMPAGES/);
  });

  it('prints the plan appendix in Welsh: heading, key, table headers and the words for what is missing', () => {
    const text = squash(appendix.pdf.text);
    expect(text).toContain('Atodiad A: Test plan');
    expect(text).toContain('Allwedd statws');
    expect(appendix.docx.tables[1]![0]).toEqual(['Cyf.', 'Cam gweithredu', 'Erbyn pryd', 'Arweinydd', 'Statws', 'Cynnydd']);
    // Action 1.2 has no lead in the workbook.
    // Action 1.3 has no due date and no progress in the workbook.
    expect(appendix.docx.tables[1]![3]).toEqual(['1.3', 'Third action', 'Heb ei nodi', 'Officer – Ann Smith', 'Green', 'Dim diweddariad']);
    expect(appendix.pdf.pages[0]).toMatch(/Tudalen 1 o 1/);
  });

  it('is not warned about its language', () => {
    const laid = prepareReport(file, { config: defaultConfig(), cwd: path.dirname(file) });
    expect(laid.doc!.meta.language).toBe('cy');
    expect(checkAccessibility(laid.doc!, { file }).filter((d) => d.code === 'a11y-language')).toEqual([]);
    expect(checkAccessibility({ ...laid.doc!, meta: { ...laid.doc!.meta, language: 'fr' } }, { file }).map((d) => d.message)).toContain('document language is "fr", expected en-GB or cy');
  });

  it('has none of the English words our templates hold', () => {
    for (const { pdf } of [report, appendix])
      for (const english of ['Status key', 'Not given', 'Not applicable', 'Page 1 of', 'Contents', 'Appendix A', 'Report Title', 'September', 'By when', 'Figure'])
        expect({ english, found: squash(pdf.text).includes(english) }).toEqual({ english, found: false });
  });
});

describe('a Welsh decision record', () => {
  it('has its labels, dates, call-in wording and language in Welsh', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'penderfyniad.md');
    fs.writeFileSync(file, `---\ntype: decision\nlanguage: cy\ndecisionMaker: Cabinet\nmeeting: { date: 2023-06-15 }\ntitle: Arolygiad\nresolved: [Nodi.]\nreasons: Rheswm.\npublished: 2023-06-19\n---\nTestun.\n`);
    const r = await buildSource(file, { config: defaultConfig(), outDir: path.join(dir, 'out'), cwd: dir });
    expect(r.diagnostics).toEqual([]);
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'decision.docx')));
    const pdf = await readPdf(fs.readFileSync(path.join(r.outputDir!, 'decision.pdf')));
    expect(pdf.lang).toBe('cy');
    expect(docx.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(['Penderfyniad Cabinet', 'Dydd Iau 15 Mehefin 2023', 'PENDERFYNWYD:-', 'Manylion y penderfyniad']));
    // Call-in: 5 working days after publication on Monday 19 June 2023 ends at midnight on Monday 26 June.
    expect(docx.tables[1]).toEqual(expect.arrayContaining([
      ['Dyddiad Cyhoeddi', 'Dydd Llun 19 Mehefin 2023'],
      ['Penderfyniad allweddol', 'Nac ydy'],
    ]));
    const callIn = docx.tables[1]!.find((row) => row[0] === "Dyddiad ac Amser erbyn pryd y mae'n rhaid Galw i Mewn");
    expect(callIn?.[1]).toMatch(/^Hanner nos ar \d+ Mehefin 2023$/);
    expect(pdf.pages[0]).toMatch(/Tudalen 1 o 1/);
  }, 30000);
});
