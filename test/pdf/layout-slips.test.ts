import { paginate } from '../../src/render/paginate/paginate';
import type { Block, TableBlock } from '../../src/render/layout';
import type { Page, RectBox, TextBox } from '../../src/render/paginate/page-model';
import { drawPdf } from '../../src/writers/pdf/render-pdf';
import { heading, layoutDocument, para } from '../support/layout-fixtures';
import { readPdf } from '../support/pdf';

/**
 * Issue 18 item 7: what follows a table has room above it, two tables in a row are two, and the PDF's
 * contents list has dot leaders as the DOCX's has. Distances are read from the laid-out boxes: the table's
 * bottom rule and the next line's top (its baseline less the distance from a line's top to its baseline).
 * Arimo (2048 units a em: ascent 1854, descent 434, line gap 67), Word's rounding to twips: at 12pt the
 * ascent is 217 twips and a single line 217 + 51 + 8 = 276; at 1.15 the line is 317 twips and the baseline
 * 217 + round(41 / 4) = 227 twips (11.35pt) below its top. At 16pt: 290 + 68 + 10 = 368, 423, 290 + 14 = 304 (15.2pt).
 */
const small = (label: string, role: TableBlock['role'] = 'data'): TableBlock => ({
  kind: 'table', summary: label, role,
  columns: [{ header: 'Status', width: 2 }, { header: 'Meaning', width: 5 }],
  rows: [[{ runs: [{ text: `${label} row` }] }, { runs: [{ text: 'One line' }] }]],
});

const doc = (blocks: Block[]) => layoutDocument([{ orientation: 'portrait', header: {}, blocks }]);
const rules = (page: Page) => page.boxes.filter((b): b is RectBox => b.kind === 'rect' && b.height === 0 && b.width > 100);
const textBox = (page: Page, text: string) => page.boxes.find((b): b is TextBox => b.kind === 'text' && b.segments.map((s) => s.text).join('') === text)!;
/** Top of a 12pt line. */
const lineTop = (b: TextBox) => b.baseline - 11.35;

describe('after a table', () => {
  it('a paragraph has the empty 1pt paragraph (1.15pt) and its 8pt space after above it, not nothing', () => {
    const [page] = paginate(doc([small('Key'), para('After the key.')])).pages;
    const bottom = Math.max(...rules(page!).map((r) => r.y));
    // The rule's centre is 0.25pt below the border's top; the border is 0.5pt.
    // The gap paragraph's 1pt line: Arimo at 1pt is 18 + 4 + 1 = 23 twips (1.15pt); then the body's 8pt after.
    expect(lineTop(textBox(page!, 'After the key.')) - (bottom + 0.25)).toBeCloseTo(1.15 + 8, 5);
  });

  it('a heading gets its own space before when that is larger (Heading 2: 14pt)', () => {
    const [page] = paginate(doc([small('Key'), heading('Next section', 'next')])).pages;
    const bottom = Math.max(...rules(page!).map((r) => r.y));
    const h = textBox(page!, 'Next section');
    // 16pt Heading 2 at 1.15: its baseline is 15.4pt below its top (Arimo ascent 1854/2048 x 16 = 14.5pt + share of the extra).
    expect(h.baseline - (bottom + 0.25)).toBeGreaterThan(14 + 14);
  });

  it('the contents heading does not touch the front-sheet table above it', () => {
    const [page] = paginate(doc([small('Front sheet', 'key-value'), { kind: 'toc', title: 'Contents', maxLevel: 2 }, heading('Background', 'background')])).pages;
    const bottom = Math.max(...rules(page!).map((r) => r.y).filter((y) => y < textBox(page!, 'Contents').baseline));
    // The contents title (16pt) has no space before of its own: the gap paragraph's 1.15pt line and 8pt after.
    expect(textBox(page!, 'Contents').baseline - 15.2 - (bottom + 0.25)).toBeCloseTo(1.15 + 8, 5);
  });

  it('two tables in a row are separated, not drawn as one (Hillbrook\'s status key and summary)', () => {
    const [page] = paginate(doc([small('Key'), small('Summary')])).pages;
    const firstBottomRule = textBox(page!, 'Key row').baseline + 10;
    const secondTop = Math.min(...rules(page!).map((r) => r.y).filter((y) => y > firstBottomRule));
    const firstBottom = Math.max(...rules(page!).map((r) => r.y).filter((y) => y < firstBottomRule));
    // 8pt of space after the first table, then the 1pt empty paragraph Word needs between two tables (1.15pt line).
    expect(secondTop - firstBottom).toBeGreaterThanOrEqual(9);
    expect(secondTop - firstBottom).toBeLessThan(10);
  });
});

describe('the contents list in the PDF', () => {
  const blocks: Block[] = [{ kind: 'toc', title: 'Contents', maxLevel: 2 }, heading('Background', 'background'), para('Text.'), { kind: 'page-break' }, heading('Recommendations', 'recommendations')];

  it('has dot leaders from each entry to its page number', async () => {
    const d = doc(blocks);
    const pdf = await readPdf(await drawPdf(d, paginate(d)));
    expect(pdf.pages[0]).toMatch(/Background \.{20,} 1/);
    expect(pdf.pages[0]).toMatch(/Recommendations \.{20,} 2/);
  });

  it('keeps the dots out of the structure (artifacts) and ends them before the number', () => {
    const [page] = paginate(doc(blocks)).pages;
    const number = page!.boxes.find((b): b is TextBox => b.kind === 'text' && b.segments[0]?.text === '2')!;
    const dots = page!.boxes.filter((b): b is TextBox => b.kind === 'text' && /^\.+$/.test(b.segments[0]?.text ?? ''));
    expect(dots).toHaveLength(2);
    for (const d of dots) expect(d.node).toBeNull();
    const last = dots[1]!;
    expect(number.x - (last.x + last.segments[0]!.width)).toBeCloseTo(3, 5);
    // Both leaders end at the same place: the numbers are one digit each.
    expect(dots[0]!.x + dots[0]!.segments[0]!.width).toBeCloseTo(last.x + last.segments[0]!.width, 5);
  });
});
