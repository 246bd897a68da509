/**
 * DOCX fidelity: what Word and LibreOffice need to lay the file out as we do and to navigate it. Every part
 * is checked with a strict XML parser first, then read as a DOM; expectations are counted by hand from the
 * fixtures in test/support/layout-fixtures.ts.
 */
import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import { renderDocx } from '../../src/writers/docx';
import { PNG } from 'pngjs';
import type { Block, LayoutDocument, Pagination } from '../../src/render/layout';
import { heading, layoutDocument, longTable, para, sampleDocument } from '../support/layout-fixtures';
import { W, assertWellFormed, dom, xmlParts } from '../support/xml';

// The pages the shared pagination gives the sample's headings (test/writers checks the PDF agrees).
const PAGES: Pagination = { pageCount: 4, headingPages: { title: 1, 'executive-summary': 1, recommendations: 1, 'appendix-a': 2 } };

const all = (d: XmlDocument | Element, name: string): Element[] => Array.from(d.getElementsByTagNameNS(W, name));
const wval = (el: Element | undefined, attr = 'val') => el?.getAttributeNS(W, attr) ?? undefined;
const textOf = (el: Element) => all(el, 't').map((t) => t.textContent).join('');

let parts: Map<string, string>;
let body: XmlDocument;
let styles: XmlDocument;
let numbering: XmlDocument;

beforeAll(async () => {
  parts = await xmlParts(await renderDocx(sampleDocument(), PAGES));
  body = dom('word/document.xml', parts.get('word/document.xml')!);
  styles = dom('word/styles.xml', parts.get('word/styles.xml')!);
  numbering = dom('word/numbering.xml', parts.get('word/numbering.xml')!);
});

describe('DOCX fidelity', () => {
  it('writes every part as well-formed XML', () => {
    expect(parts.size).toBeGreaterThan(10);
    for (const [name, xml] of parts) expect(() => assertWellFormed(name, xml)).not.toThrow();
  });

  it('gives Heading 1-6 outline levels 0-5', () => {
    const levels = Object.fromEntries(
      all(styles, 'style')
        .filter((s) => /^Heading[1-6]$/.test(s.getAttributeNS(W, 'styleId') ?? ''))
        .map((s) => [s.getAttributeNS(W, 'styleId') ?? '', wval(all(s, 'outlineLvl')[0])] as const),
    );
    expect(levels).toEqual({ Heading1: '0', Heading2: '1', Heading3: '2', Heading4: '3', Heading5: '4', Heading6: '5' });
  });

  it('says how to read every line spacing: w:lineRule="auto" wherever w:line is set', () => {
    const spacings = [styles, body, numbering].flatMap((d) => all(d, 'spacing')).filter((s) => s.hasAttributeNS(W, 'line'));
    expect(spacings.length).toBeGreaterThan(0);
    for (const s of spacings) expect(wval(s, 'lineRule')).toBe('auto');
  });

  it('names bookmarks as Word keeps them and points every contents entry at its heading', () => {
    const starts = all(body, 'bookmarkStart');
    const names = starts.map((b) => wval(b, 'name')!);
    expect(names).toEqual(['_Toc1_title', '_Toc2_executive_summary', '_Toc3_recommendations', '_Toc4_appendix_a']);
    // Numbered from 1 in this document, start and end paired.
    expect(starts.map((b) => wval(b, 'id'))).toEqual(['1', '2', '3', '4']);
    expect(all(body, 'bookmarkEnd').map((b) => wval(b, 'id'))).toEqual(['1', '2', '3', '4']);
    // Each contents entry links to the bookmark inside the heading with the same words.
    const entries = all(body, 'hyperlink').filter((h) => h.hasAttributeNS(W, 'anchor'));
    expect(entries.map((h) => [textOf(h), wval(h, 'anchor')])).toEqual([
      ['Test report1', '_Toc1_title'],
      ['1. Executive Summary1', '_Toc2_executive_summary'],
      ['2. Recommendations1', '_Toc3_recommendations'],
      ['Appendix A: Action plan2', '_Toc4_appendix_a'],
    ]);
    const headingOf = (name: string) => textOf(starts.find((b) => wval(b, 'name') === name)!.parentNode as Element);
    expect(headingOf('_Toc4_appendix_a')).toBe('Appendix A: Action plan');
  });

  it('keeps long heading ids apart within 40 characters of [A-Za-z0-9_]', async () => {
    const long = 'appendix-a-childrens-social-care-improvement-and-development-plan';
    const doc = layoutDocument([
      { orientation: 'portrait', header: {}, blocks: [{ kind: 'toc', title: 'Contents', maxLevel: 2 }, heading('2023 plan', `${long}-2023`), heading('2024 plan', `${long}-2024`)] },
    ]);
    const d = dom('document.xml', (await xmlParts(await renderDocx(doc))).get('word/document.xml')!);
    const names = all(d, 'bookmarkStart').map((b) => wval(b, 'name')!);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_]{1,40}$/);
    expect(names[0]).toBe('_Toc1_appendix_a_childrens_social_care_i');
    const anchors = all(d, 'hyperlink').map((h) => wval(h, 'anchor'));
    expect(anchors).toEqual(names);
  });

  it('gives two headings that share an id (two reports in one pack) a bookmark each', async () => {
    const doc = layoutDocument([
      { orientation: 'portrait', header: {}, blocks: [{ kind: 'toc', title: 'Contents', maxLevel: 2 }, heading('Recommendations', 'recommendations'), heading('Recommendations', 'recommendations')] },
    ]);
    const d = dom('document.xml', (await xmlParts(await renderDocx(doc))).get('word/document.xml')!);
    expect(all(d, 'bookmarkStart').map((b) => wval(b, 'name'))).toEqual(['_Toc1_recommendations', '_Toc2_recommendations']);
    expect(all(d, 'hyperlink').map((h) => wval(h, 'anchor'))).toEqual(['_Toc1_recommendations', '_Toc2_recommendations']);
  });

  it('names the fonts it uses in the font table', () => {
    const fonts = dom('word/fontTable.xml', parts.get('word/fontTable.xml')!);
    const arial = all(fonts, 'font').find((f) => wval(f, 'name') === 'Arial')!;
    expect(arial).toBeDefined();
    expect(wval(all(arial, 'panose1')[0])).toBe('020B0604020202020204');
    expect(wval(all(arial, 'family')[0])).toBe('swiss');
    // Every font named in the styles, numbering or body is in the table (the body names none today).
    const named = new Set([styles, numbering, body].flatMap((d) => all(d, 'rFonts')).flatMap((f) => ['ascii', 'hAnsi', 'cs'].map((a) => wval(f, a))).filter(Boolean));
    expect([...named].every((n) => all(fonts, 'font').some((f) => wval(f, 'name') === n))).toBe(true);
  });

  it('draws bullets with • and – in the house font, as the PDF does', () => {
    // The sample has one bullet list: "First bullet" at level 0, "Nested bullet" at level 1.
    const items = all(body, 'p').filter((p) => ['First bullet', 'Nested bullet'].includes(textOf(p)));
    expect(items).toHaveLength(2);
    const markers = items.map((p) => {
      const numId = wval(all(p, 'numId')[0]);
      const ilvl = wval(all(p, 'ilvl')[0]);
      const num = all(numbering, 'num').find((n) => wval(n, 'numId') === numId)!;
      const abstractId = wval(all(num, 'abstractNumId')[0]);
      const abstract = all(numbering, 'abstractNum').find((a) => wval(a, 'abstractNumId') === abstractId)!;
      const lvl = all(abstract, 'lvl').find((l) => wval(l, 'ilvl') === ilvl)!;
      return [wval(all(lvl, 'numFmt')[0]), wval(all(lvl, 'lvlText')[0]), wval(all(lvl, 'rFonts')[0], 'ascii')];
    });
    expect(markers).toEqual([
      ['bullet', '\u2022', 'Arial'],
      ['bullet', '\u2013', 'Arial'],
    ]);
  });

  it('describes each table with its own summary, escaped by the serialiser', async () => {
    const first = { ...longTable(2), summary: 'Risks "high" & <low>' };
    const second = { ...longTable(1), summary: 'Finance lines' };
    const doc = layoutDocument([{ orientation: 'portrait', header: {}, blocks: [first, para('Between'), second] }]);
    const xml = (await xmlParts(await renderDocx(doc))).get('word/document.xml')!;
    const d = dom('document.xml', xml);
    const described = all(d, 'tbl').map((t) => [wval(all(t, 'tblCaption')[0]), wval(all(t, 'tblDescription')[0]), all(t, 'tr').length]);
    // Header row + rows: 3 and 2.
    expect(described).toEqual([
      ['Risks "high" & <low>', 'Risks "high" & <low>', 3],
      ['Finance lines', 'Finance lines', 2],
    ]);
    expect(xml).toContain('w:val="Risks &quot;high&quot; &amp; &lt;low&gt;"');
  });

  it('never lets characters XML cannot carry into any part', async () => {
    const bad = 'A\u0001B\u000BC\uFFFED\uFFFFE\uD800F';
    const doc = layoutDocument(
      [
        {
          orientation: 'portrait',
          header: { left: `Header ${bad}`, right: 'Item 1' },
          blocks: [heading(`Heading ${bad}`, 'h'), para(`Text ${bad}`), { ...longTable(1), summary: `Summary ${bad}` }, { kind: 'toc', title: `Contents ${bad}`, maxLevel: 2 }],
        },
      ],
      `Title ${bad}`,
    );
    const out = await xmlParts(await renderDocx(doc));
    for (const [name, xml] of out) expect(() => assertWellFormed(name, xml)).not.toThrow();
    const d = dom('document.xml', out.get('word/document.xml')!);
    const texts = all(d, 'p').map(textOf);
    expect(texts).toContain('Text ABCDEF');
    expect(texts).toContain('Heading ABCDEF');
    expect(wval(all(d, 'tblCaption')[0])).toBe('Summary ABCDEF');
    expect(out.get('docProps/core.xml')).toContain('<dc:title>Title ABCDEF</dc:title>');
    expect([...out.entries()].filter(([n]) => n.startsWith('word/header')).some(([, x]) => x.includes('Header ABCDEF'))).toBe(true);
  });

  it('gives the same bytes for the same layout whatever the process built before', async () => {
    // Bookmarks, a link and two pictures: the ids docx would take from process-wide counters or at random.
    const png = PNG.sync.write(new PNG({ width: 2, height: 2 }));
    const picture = (alt: string): Block => ({ kind: 'image', format: 'png', data: png, width: 20, height: 20, alt, caption: alt });
    const withIds = () => {
      const doc = sampleDocument();
      doc.sections[0]!.blocks.push(picture('First chart'), { kind: 'paragraph', runs: [{ text: 'link', link: 'https://example.gov.uk/#part' }] }, picture('Second chart'));
      for (const section of doc.sections) section.header.logo = { format: 'png', data: png, width: 30, height: 10, alt: 'Council logo' };
      return doc;
    };
    const first = await renderDocx(withIds(), PAGES);
    await renderDocx(layoutDocument([{ orientation: 'portrait', header: {}, blocks: [heading('Other', 'other'), picture('Other'), { kind: 'paragraph', runs: [{ text: 'x', link: 'https://x.example/' }] }] }]));
    const second = await renderDocx(withIds(), PAGES);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    const out = await xmlParts(first);
    const d = dom('document.xml', out.get('word/document.xml')!);
    const drawingIds = (x: XmlDocument) => Array.from(x.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'docPr')).map((e) => e.getAttribute('id'));
    // Two charts in the body, then the logo in each of the two sections' headers.
    expect(drawingIds(d)).toEqual(['1', '2']);
    expect(['word/header1.xml', 'word/header2.xml'].flatMap((h) => drawingIds(dom(h, out.get(h)!)))).toEqual(['3', '4']);
    expect(all(d, 'bookmarkStart').map((b) => wval(b, 'id'))).toEqual(['1', '2', '3', '4']);
  });

  it('keeps the hyperlink relationship ids stable and matching', async () => {
    const doc: LayoutDocument = layoutDocument([
      { orientation: 'portrait', header: {}, blocks: [{ kind: 'paragraph', runs: [{ text: 'See ' }, { text: 'the plan', link: 'https://example.gov.uk/plan?a=1&b=2' }] }] },
    ]);
    const out = await xmlParts(await renderDocx(doc));
    const rels = dom('rels', out.get('word/_rels/document.xml.rels')!);
    const link = Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('TargetMode') === 'External')!;
    expect(link.getAttribute('Id')).toBe('rIdLink1');
    expect(link.getAttribute('Target')).toBe('https://example.gov.uk/plan?a=1&b=2');
    const d = dom('document.xml', out.get('word/document.xml')!);
    const h = all(d, 'hyperlink').find((x) => !x.hasAttributeNS(W, 'anchor'))!;
    expect(h.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id')).toBe('rIdLink1');
  });
});
