/**
 * Headings numbered by the council template's own list (a Heading style with w:numPr): Lowfield's template
 * numbers Heading 2 "1." and Heading 3 "1.1" (its .fodt's outline numbering). Word numbers our headings
 * itself, so our PDF prints the same numbers, the DOCX writes none of its own, and the report's own section
 * numbers give way to the template's. Expected numbers are counted by hand from the report's headings.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { convertWithLibreOffice, itWithLibreOffice, soffice } from '../support/libreoffice';
import { heading, layoutDocument, para } from '../support/layout-fixtures';
import { openWordTemplate } from '../../src/readers/word-template/package';
import { readTemplateLook } from '../../src/readers/word-template/look';
import { withWordTemplate } from '../../src/render/paginate/template-style';
import { finishLayout } from '../../src/render/house-style';
import { paginate } from '../../src/render/paginate/paginate';
import { drawPdf } from '../../src/writers/pdf/render-pdf';
import { patchedTemplate } from './patched-template';
import { pdfRuns } from './pdf-runs';

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
/** Lines that start with a number such as "1.", "5.1" or "2.1" and a word. */
const numbered = (lines: string[]) => lines.filter((l) => /^\d+(\.\d+)*\.? [A-Z]/.test(l));

// Lowfield's report: four numbered sections and the appendix heading (Heading 2), the appendix's table
// heading (Heading 3, "5.1" under the fifth Heading 2), and one numbered paragraph in each section.
const EXPECTED = [
  '1. Purpose of the Report', '1.1 To report the March 2024 position', '2. Recommendations', '2.1 Note the March 2024 position at Appendix A.',
  '3. Appendices', '3.1 Appendix A – SEND Improvement Tracker', '4. Background papers', '4.1 None',
  '5. Appendix A: SEND Improvement Tracker', '5.1 Lowfield City Council – SEND Improvement Tracker',
];

describe("Lowfield's report, whose template numbers its headings", () => {
  let out: string;
  let docx: JSZip;
  beforeAll(async () => {
    const dir = tempDir();
    const r = cabinet(['build', 'data/councils/lowfield/cabinet-2024-04-23-send-improvement.md', '--config', 'data/councils/lowfield/cabinet.config.yaml', '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    out = path.join(dir, fs.readdirSync(dir).find((d) => fs.statSync(path.join(dir, d)).isDirectory())!);
    docx = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'report.docx')));
  }, 60000);

  it('prints the template\'s heading numbers in the PDF, and the paragraph numbers after them', () => {
    const lines = numbered(text(path.join(out, 'report.pdf')));
    expect(lines.map((l) => EXPECTED.find((e) => l.startsWith(e)) ?? l)).toEqual(EXPECTED);
  });

  it('leaves heading numbers to the template\'s style in the DOCX: no w:numPr and no number in the text', async () => {
    const xml = await docx.file('word/document.xml')!.async('string');
    const headings = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading([23])"\/>(.*?)<\/w:p>/g)];
    expect(headings.length).toBe(6);
    for (const [, , body] of headings) {
      expect(body).not.toContain('<w:numPr>');
      const words = [...body!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(words).toMatch(/^[A-Z]/);
    }
    // The template's style still carries its list, which Word numbers the headings with.
    const styles = await docx.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="Heading2">(?:(?!<\/w:style>).)*<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="1"\/><\/w:numPr>/);
    // "2.1" is Word numbering whose level text leads with the heading's number.
    const p = /<w:p><w:pPr><w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr><\/w:pPr><w:r><w:t[^>]*>Note the March/.exec(xml);
    expect(p).not.toBeNull();
    const numbering = await docx.file('word/numbering.xml')!.async('string');
    const abstract = new RegExp(`<w:num w:numId="${p![1]}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    expect(numbering).toMatch(new RegExp(`<w:abstractNum w:abstractNumId="${abstract}">(?:(?!</w:abstractNum>).)*<w:lvlText w:val="2.%1"/>`));
  });

  itWithLibreOffice()('shows the same numbers when LibreOffice lays out the DOCX', () => {
    const [pdf] = convertWithLibreOffice(soffice()!, [path.join(out, 'report.docx')], tempDir());
    const lines = numbered(text(pdf!));
    expect(lines.map((l) => EXPECTED.find((e) => l.startsWith(e)) ?? l)).toEqual(EXPECTED);
  }, 180000);
});

describe('a template whose heading list is a Word list style (w:numStyleLink)', () => {
  it('numbers the headings from the list style\'s levels, as Word does', async () => {
    // Word's "Define New List Style": the num's abstract list holds only the link; the levels are in the
    // abstract list whose w:styleLink names the style (here with Lowfield's levels moved into it).
    const file = await patchedTemplate('lowfield', {
      'word/numbering.xml': (xml) =>
        xml
          .replace('<w:abstractNum w:abstractNumId="1">', '<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="CouncilHeadings"/>')
          .replace('<w:num w:numId="1">', '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="CouncilHeadings"/></w:abstractNum><w:num w:numId="1">'),
    });
    const base = layoutDocument([{
      orientation: 'portrait', header: {},
      blocks: [heading('Report title', 'title', 1), heading('Summary', 'summary', 2, '1.'), heading('Detail', 'detail', 3), heading('Options', 'options', 2, '2.')],
    }]);
    const doc = finishLayout({ ...base, style: withWordTemplate(base.style, readTemplateLook(openWordTemplate(file))) }, {});
    const read = await pdfRuns(await drawPdf(doc, paginate(doc)));
    const lines = read.pages.flatMap((p) => p.lines.map((l) => l.text)).filter((l) => /^\d/.test(l));
    expect(lines).toEqual(['1. Summary', '1.1 Detail', '2. Options']);
  });
});

describe('a template numbering headings in upper Roman from III, and sub-headings in letters', () => {
  it('counts as Word does: on at each heading, restarting the letters under each new Roman number', async () => {
    const file = await patchedTemplate('lowfield', {
      'word/numbering.xml': (xml) =>
        xml
          .replace(/(<w:lvl w:ilvl="1">(?:(?!<\/w:lvl>).)*?)<w:start w:val="1"\/>((?:(?!<\/w:lvl>).)*?)<w:numFmt w:val="decimal"\/>/s, '$1<w:start w:val="3"/>$2<w:numFmt w:val="upperRoman"/>')
          .replace(/(<w:lvl w:ilvl="2">(?:(?!<\/w:lvl>).)*?)<w:numFmt w:val="decimal"\/><w:lvlText w:val="%2.%3"\/>/s, '$1<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2.%3)"/>'),
    });
    const base = layoutDocument([{
      orientation: 'portrait', header: {},
      blocks: [
        heading('Report title', 'title', 1), heading('Summary', 'summary', 2, '1.'), para('First point.', '1.1'),
        heading('Options', 'options', 2, '2.'), heading('Option one', 'one', 3), heading('Option two', 'two', 3), para('Second point.', '2.1'),
        heading('Risks', 'risks', 2, '3.'), heading('Money', 'money', 3),
      ],
    }]);
    const doc = finishLayout({ ...base, style: withWordTemplate(base.style, readTemplateLook(openWordTemplate(file))) }, {});
    const read = await pdfRuns(await drawPdf(doc, paginate(doc)));
    const lines = read.pages.flatMap((p) => p.lines.map((l) => l.text)).filter((l) => /^[IVX]/.test(l));
    expect(lines).toEqual(['III. Summary', 'III.1 First point.', 'IV. Options', 'IV.a) Option one', 'IV.b) Option two', 'IV.1 Second point.', 'V. Risks', 'V.a) Money']);
    // The title's level prints nothing (numFmt none), so it stays unnumbered.
    expect(read.pages[0]!.lines.some((l) => l.text === 'Report title')).toBe(true);
  });
});
