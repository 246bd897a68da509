import * as fs from 'node:fs';
import { openWordTemplate } from '../../src/readers/word-template/package';
import { readTemplateLook } from '../../src/readers/word-template/look';
import { withWordTemplate } from '../../src/render/paginate/template-style';
import { paginate } from '../../src/render/paginate/paginate';
import { drawPdf } from '../../src/writers/pdf/render-pdf';
import type { LayoutDocument } from '../../src/render/layout';
import type { TextBox } from '../../src/render/paginate/page-model';
import { heading, layoutDocument, longTable, para } from '../support/layout-fixtures';
import { COUNCILS, templateFile } from './councils';
import { pdfRuns } from './pdf-runs';

const BODY = 'The council agreed its improvement plan in March and reports on it each quarter.';

function sample(council: string): LayoutDocument {
  const doc = layoutDocument([
    {
      orientation: 'portrait',
      header: { left: 'Cabinet – 16 April 2024', right: 'Agenda Item 7' },
      blocks: [heading('Improvement plan progress', 'title', 1), para(BODY), heading('Background', 'background', 2), longTable(100), para('After the table.')],
    },
  ]);
  return { ...doc, style: withWordTemplate(doc.style, readTemplateLook(openWordTemplate(templateFile(council)))) };
}

describe.each(COUNCILS)('a PDF set in the $council Word template', (c) => {
  let read: Awaited<ReturnType<typeof pdfRuns>>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const doc = sample(c.council);
    bytes = await drawPdf(doc, paginate(doc));
    read = await pdfRuns(bytes);
  });

  it(`embeds the template's font in its metric twin (${c.font} -> ${c.pdfFont})`, () => {
    const body = read.runs.filter((r) => r.text.startsWith('The council agreed'));
    expect(body.map((r) => r.font)).toEqual([`${c.pdfFont}-Regular`]);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${c.pdfFont}-Regular`));
    expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${c.pdfFont}-Bold`));
    expect(raw).toContain('/FontFile2');
    // Nothing in the document is set in the house font.
    expect(read.runs.filter((r) => !r.font.startsWith(c.pdfFont))).toEqual([]);
  });

  it('sets body text and headings in the sizes and colours of the template\'s styles', () => {
    const run = (text: string) => read.runs.find((r) => r.text === text)!;
    expect(run(BODY)).toMatchObject({ size: c.body, colour: '#000000' });
    expect(run('Improvement plan progress')).toMatchObject({ size: c.h1, colour: c.colour, font: `${c.pdfFont}-Bold` });
    expect(run('Background')).toMatchObject({ size: c.h2, colour: c.colour, font: `${c.pdfFont}-Bold` });
  });

  it('keeps the body inside the template\'s margins', () => {
    expect(Math.abs(read.runs.find((r) => r.text === BODY)!.x - c.margins.left)).toBeLessThan(0.1);
    read.pages.forEach((page) => {
      const body = page.lines.filter((l) => !l.text.includes(c.marking) && !l.text.startsWith(c.footer));
      expect(body[0]!.top).toBeGreaterThan(c.margins.top);
      expect(body.at(-1)!.top).toBeLessThan(page.height - c.margins.bottom);
    });
    for (const r of read.runs) expect(r.x).toBeGreaterThanOrEqual(c.margins.left - 0.1);
  });

  it('prints the template\'s headers and footers: the logo header on the first page, the other on the rest, PAGE and NUMPAGES filled', () => {
    const n = read.pages.length;
    expect(n).toBeGreaterThanOrEqual(3);
    read.pages.forEach((page, i) => {
      const first = page.lines[0]!;
      // The header sits between the header distance and the top margin.
      expect(first.top).toBeGreaterThan(c.header);
      expect(first.top).toBeLessThan(c.margins.top);
      expect(first.text).toBe(i === 0 ? c.marking : `${c.name} ${c.marking}`);
      expect(page.images).toBe(i === 0 ? 1 : 0);
      const foot = page.lines.at(-1)!;
      expect(foot.text).toBe(`${c.footer} Page ${i + 1} of ${n}`);
      expect(foot.top).toBeLessThan(page.height - c.footerDistance);
      expect(foot.top).toBeGreaterThan(page.height - c.margins.bottom);
    });
    // Our own running words give way to the template's.
    expect(read.pages.some((p) => p.lines.some((l) => l.text.includes('Agenda Item 7')))).toBe(false);
    // The marking is bold in the template's heading colour.
    expect(read.runs.find((r) => r.text === c.marking)).toMatchObject({ font: `${c.pdfFont}-Bold`, colour: c.colour });
  });
});

it('draws the same bytes twice from the same template', async () => {
  const a = sample('eastshire');
  const b = sample('eastshire');
  expect(Buffer.from(await drawPdf(a, paginate(a))).equals(Buffer.from(await drawPdf(b, paginate(b))))).toBe(true);
  expect(fs.existsSync(templateFile('eastshire'))).toBe(true);
});

it('moves the text down on a page whose template header is taller than the room above the top margin, as Word does', async () => {
  // Lowfield's first-page logo is in the header's line (Eastshire's floats, taking no room).
  const look = readTemplateLook(openWordTemplate(templateFile('lowfield')));
  const logo = look.running.headers.first!.paragraphs[0]!.pieces[0]!;
  if (logo.kind !== 'image' || logo.anchor) throw new Error('expected the logo first, in the line');
  // A 100pt-high logo from the 28.35pt header distance: the header ends at 128.35pt or lower, past the 62.36pt margin.
  logo.height = 100;
  const doc = layoutDocument([{ orientation: 'portrait', header: {}, blocks: [para(BODY), { kind: 'page-break' }, para('Second page.')] }]);
  const styled = { ...doc, style: withWordTemplate(doc.style, look) };
  const [first, second] = paginate(styled).pages;
  const baseline = (page: typeof first, text: string) => page!.boxes.find((b): b is TextBox => b.kind === 'text' && b.segments.map((s) => s.text).join('') === text)!.baseline;
  // 11pt Arimo at 1.15: the baseline is 11pt or so below the line's top, which is where the header ends.
  const firstTop = baseline(first, BODY);
  expect(firstTop).toBeGreaterThan(128.35 + 9);
  expect(firstTop).toBeLessThan(128.35 + 9 + 20);
  // The other pages' header is one line of text that ends above the margin: their text starts at the margin.
  const secondTop = baseline(second, 'Second page.');
  expect(secondTop).toBeGreaterThan(62.36 + 9);
  expect(secondTop).toBeLessThan(62.36 + 14);
});
