import { renderDocument } from '../../src/pipeline/render-document';
import type { Block } from '../../src/render/layout';
import { heading, layoutDocument, longTable } from '../support/layout-fixtures';

/**
 * The PDF writer marks each run of an element's lines as one marked-content sequence and writes each
 * structure element once its last line is drawn. Read back with pdf.js, as a screen reader's PDF engine
 * does: each paragraph is one piece of content holding all its words, a table cell split over two pages has
 * one piece on each, and a link's annotation is in the structure of the page the link is on.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  getDocument(src: { data: Uint8Array; verbosity?: number; isEvalSupported?: boolean }): { promise: Promise<PdfDoc> };
};
interface Node {
  role?: string;
  type?: 'content' | 'object' | 'annotation';
  id?: string;
  children?: Node[];
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{
    getStructTree(): Promise<Node | null>;
    getTextContent(o: { includeMarkedContent: boolean }): Promise<{ items: { type?: string; id?: string; str?: string }[] }>;
  }>;
  destroy(): Promise<void>;
}

const LONG = Array.from({ length: 60 }, (_, i) => `word${i + 1}`).join(' ');
const blocks: Block[] = [
  heading('Marked content', 'marked', 1),
  { kind: 'paragraph', runs: [{ text: LONG }] },
  { kind: 'paragraph', runs: [{ text: 'Read the ' }, { text: 'council guidance', link: 'https://example.org/guidance' }, { text: ' first.' }] },
  longTable(80),
];

interface PageRead {
  /** Elements with their kids: the text of each content kid, or '#annotation'. */
  elements: { role: string; kids: string[] }[];
}

async function readPages(bytes: Uint8Array): Promise<PageRead[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PageRead[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const text = new Map<string, string>();
    const open: (string | undefined)[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id);
      else if (item.type === 'endMarkedContent') open.pop();
      else {
        const id = open[open.length - 1];
        if (id) text.set(id, `${text.get(id) ?? ''}${item.str ?? ''}`);
      }
    }
    const elements: PageRead['elements'] = [];
    const walk = (n: Node) => {
      if (!n.role) return;
      const kids: string[] = [];
      for (const c of n.children ?? []) {
        if (c.type === 'content') kids.push(text.get(c.id!) ?? '');
        else if (c.type === 'annotation' || c.type === 'object') kids.push('#annotation');
        else walk(c);
      }
      elements.push({ role: n.role, kids });
    };
    const tree = await page.getStructTree();
    if (tree) for (const c of tree.children ?? []) walk(c);
    pages.push({ elements });
  }
  await doc.destroy();
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');
let pages: PageRead[];

beforeAll(async () => {
  const out = await renderDocument(layoutDocument([{ orientation: 'portrait', header: { left: 'Cabinet' }, blocks }]), ['pdf']);
  pages = await readPages(out.pdf!);
}, 60000);

describe('marked content of the PDF', () => {
  it('marks a paragraph of several lines as one piece of content with all its words in order', () => {
    const p = pages[0]!.elements.find((e) => e.role === 'P' && e.kids.some((k) => k.includes('word1')))!;
    expect(p.kids).toHaveLength(1);
    expect(squash(p.kids[0]!)).toBe(squash(LONG));
  });

  it("puts a link's annotation in the structure of the page the link is drawn on", () => {
    const link = pages[0]!.elements.find((e) => e.role === 'Link')!;
    expect(link.kids.map((k) => k.trim())).toEqual(['council guidance', '#annotation']);
  });

  it('gives each table cell at most one piece of content per page, and tags every row', () => {
    expect(pages.length).toBeGreaterThan(1);
    const rowsSeen = new Set<string>();
    for (const page of pages) {
      for (const cell of page.elements.filter((e) => e.role === 'TD')) {
        expect(cell.kids.length).toBeLessThanOrEqual(1);
        const ref = /^R\d+$/.exec(cell.kids[0] ?? '');
        if (ref) rowsSeen.add(ref[0]);
      }
    }
    // Every row's reference cell, R1 to R80, is tagged exactly once somewhere.
    expect(rowsSeen.size).toBe(80);
  });
});
