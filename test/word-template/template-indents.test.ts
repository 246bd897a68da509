/**
 * Alignment and indents from a council template's Normal style (w:jc, w:ind) in the PDF: Eastshire's
 * template (A4, 2.54cm = 72pt margins all round: text from 72pt to 523.3pt) with its Normal style edited
 * as a council would in Word. Positions are read from the PDF's drawn text (pdfjs), not from our layout.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { convertWithLibreOffice, itWithLibreOffice, soffice } from '../support/libreoffice';
import { heading, layoutDocument, para } from '../support/layout-fixtures';
import { openWordTemplate } from '../../src/readers/word-template/package';
import { readTemplateLook } from '../../src/readers/word-template/look';
import { withWordTemplate } from '../../src/render/paginate/template-style';
import { paginate } from '../../src/render/paginate/paginate';
import { drawPdf } from '../../src/writers/pdf/render-pdf';
import { patchedTemplate, withStyleProps } from './patched-template';
import { pdfRuns } from './pdf-runs';

const LEFT = 72;
const RIGHT = 595.3 - 72;
const LONG = 'The council agreed its improvement plan in March and reports on its progress to Cabinet every quarter, ' +
  'with each action given a lead officer, a date by which it is due and a status that says how far it has come; ' +
  'the board reads the same report before Cabinet does and may ask for an action to be looked at again.';

/** The body paragraph's lines (those of LONG), each with where its text starts and ends. */
async function bodyLines(normalPPr: string): Promise<{ start: number; end: number; words: number }[]> {
  const file = await patchedTemplate('eastshire', { 'word/styles.xml': withStyleProps('Normal', normalPPr) });
  const base = layoutDocument([{ orientation: 'portrait', header: {}, blocks: [heading('Progress', 'progress', 2), para(LONG)] }]);
  const doc = { ...base, style: withWordTemplate(base.style, readTemplateLook(openWordTemplate(file))) };
  const read = await pdfRuns(await drawPdf(doc, paginate(doc)));
  // Between the header (above the 72pt top margin) and the footer; the heading is the first line.
  const spans = read.pages[0]!.spans.filter((s) => s.top > LEFT && s.top < 700 && s.text !== 'Progress' && s.text.trim() !== '');
  const byTop = new Map<number, typeof spans>();
  for (const s of spans) byTop.set(s.top, [...(byTop.get(s.top) ?? []), s]);
  return [...byTop].sort((a, b) => a[0] - b[0]).map(([, ss]) => ({
    start: Math.min(...ss.map((s) => s.x)),
    end: Math.max(...ss.map((s) => s.x + s.width)),
    words: ss.reduce((n, s) => n + s.text.trim().split(/\s+/).length, 0),
  }));
}

describe('a template whose Normal style says', () => {
  it('justified, first line indented 36pt (w:jc both, w:ind firstLine 720): lines run margin to margin but the last', async () => {
    const lines = await bodyLines('<w:ind w:firstLine="720"/><w:jc w:val="both"/>');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]!.start).toBeCloseTo(LEFT + 36, 1);
    for (const l of lines.slice(1)) expect(l.start).toBeCloseTo(LEFT, 1);
    for (const l of lines.slice(0, -1)) expect(Math.abs(l.end - RIGHT)).toBeLessThan(0.2);
    expect(lines.at(-1)!.end).toBeLessThan(RIGHT - 20);
    expect(lines.reduce((n, l) => n + l.words, 0)).toBe(LONG.split(' ').length);
  });

  it('a hanging indent (w:ind left 720 hanging 360): the first line at 18pt, the others at 36pt, ragged right', async () => {
    const lines = await bodyLines('<w:ind w:left="720" w:hanging="360"/>');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]!.start).toBeCloseTo(LEFT + 18, 1);
    for (const l of lines.slice(1)) expect(l.start).toBeCloseTo(LEFT + 36, 1);
    expect(Math.min(...lines.map((l) => RIGHT - l.end))).toBeGreaterThan(0.5);
  });

  it('right aligned 72pt short of the margin (w:jc right, w:ind right 1440): every line ends at 451.3pt', async () => {
    const lines = await bodyLines('<w:ind w:right="1440"/><w:jc w:val="right"/>');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(Math.abs(l.end - (RIGHT - 72))).toBeLessThan(0.2);
  });

  it('centred (w:jc center): each line\'s middle is the page\'s middle between the margins', async () => {
    const lines = await bodyLines('<w:jc w:val="center"/>');
    for (const l of lines) expect(Math.abs((l.start + l.end) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(0.2);
  });
});

describe("Eastshire's report built from its template with Normal justified and first-line indented", () => {
  itWithLibreOffice()('breaks and indents its body lines as LibreOffice does the DOCX\'s', async () => {
    const file = await patchedTemplate('eastshire', { 'word/styles.xml': withStyleProps('Normal', '<w:ind w:firstLine="720"/><w:jc w:val="both"/>') });
    const dir = tempDir();
    const r = cabinet(['build', 'data/councils/eastshire/cabinet-2024-04-16-improvement-plan.md', '--config', 'data/councils/eastshire/cabinet.config.yaml', '--word-template', file, '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    const out = path.join(dir, fs.readdirSync(dir).find((d) => fs.statSync(path.join(dir, d)).isDirectory())!);
    const [lo] = convertWithLibreOffice(soffice()!, [path.join(out, 'report.docx')], tempDir());
    // Lines of body text of four words or more, at the margin, 36pt in (a first line) or 42.5pt in (numbered
    // paragraphs, whose numbering's indent is their own) (not table cells, whose widths
    // LibreOffice measures a fraction of a point apart, nor contents entries, whose dot leaders differ): the
    // same words, starting at the same place, as pdftotext reads each PDF's lines.
    const lines = (pdf: string) => [...execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).matchAll(/<line xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
      .map((m) => ({ x: Number(m[1]), text: [...m[2]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ') }))
      .filter((l) => l.text.split(' ').length >= 4 && !l.text.includes('...') && [0, 36, 42.5].some((d) => Math.abs(l.x - LEFT - d) < 0.3));
    const ours = lines(path.join(out, 'report.pdf'));
    const theirs = lines(lo!);
    expect(ours.length).toBeGreaterThan(10);
    expect(theirs.map((l) => l.text)).toEqual(ours.map((l) => l.text));
    ours.forEach((l, i) => expect(Math.abs(l.x - theirs[i]!.x)).toBeLessThan(1));
    // A body paragraph's (first) line is 36pt in; a numbered paragraph's lines are all where its numbering
    // puts them (42.5pt), the first-line indent giving way to the numbering's, in both.
    expect(ours.find((l) => l.text === 'Cabinet is recommended to:')!.x).toBeCloseTo(LEFT + 36, 1);
    const numbered = ours.findIndex((l) => l.text.startsWith('This report sets out progress'));
    expect([ours[numbered]!.x, ours[numbered + 1]!.x]).toEqual([LEFT + 42.5, LEFT + 42.5]);
  }, 180000);
});
