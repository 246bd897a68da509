/**
 * PDF writer: the layout model to pdfmake. Accessibility settings are on by default (title shown in the
 * viewer, language, marked content, bookmarks that follow the headings, embedded fonts) because published
 * papers must meet the public-sector accessibility rules.
 */
import type { Block, HeadingBlock, LayoutDocument, Pagination, TocBlock } from '../render/layout';
import { pdfBlock, type BlockContext, type PdfNode } from './pdf/blocks';
import { PDF_FONTS, FONT_DIR, pdfFontFor } from './pdf/fonts';
import { footer, sectionHeader } from './pdf/running';
import { contentWidth } from './pdf/page';

export interface PdfResult {
  bytes: Uint8Array;
  pagination: Pagination;
}

interface PdfMake {
  addFonts(fonts: object): void;
  setUrlAccessPolicy(fn: (url: string) => boolean): void;
  setLocalAccessPolicy(fn: (path: string) => boolean): void;
  createPdf(def: object): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | undefined;
function pdfmake(): PdfMake {
  if (engine) return engine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine = require('pdfmake') as PdfMake;
  engine.addFonts(PDF_FONTS);
  // Documents never fetch anything: no URLs, and local files only from our font folder.
  engine.setUrlAccessPolicy(() => false);
  engine.setLocalAccessPolicy((p: string) => p.startsWith(FONT_DIR));
  return engine;
}

export async function renderPdf(doc: LayoutDocument): Promise<PdfResult> {
  const headingPages: Record<string, number> = {};
  let pageCount = 0;
  const def = definition(doc, headingPages, (n) => (pageCount = Math.max(pageCount, n)));
  const bytes = await pdfmake().createPdf(def).getBuffer();
  return { bytes: new Uint8Array(bytes), pagination: { pageCount, headingPages } };
}

function definition(doc: LayoutDocument, headingPages: Record<string, number>, seePage: (n: number) => void): object {
  const s = doc.style;
  const tocs = doc.sections.flatMap((sec) => sec.blocks.filter((b): b is TocBlock => b.kind === 'toc'));
  const tocsFor = (h: HeadingBlock) => tocs.filter((t) => (t.headingIds ? t.headingIds.includes(h.id) : h.level <= t.maxLevel)).map((t) => `toc-${tocs.indexOf(t)}`);
  const tocId = (t: Block) => `toc-${tocs.indexOf(t as TocBlock)}`;
  const ctx = (orientation: 'portrait' | 'landscape'): BlockContext => ({ style: s, width: contentWidth(s, orientation), tocsFor, tocId, outline: [] });
  const outline: (string | undefined)[] = [];
  const created = new Date(doc.meta.created);
  return {
    info: { title: doc.meta.title, author: doc.meta.author, subject: doc.meta.subject, keywords: doc.meta.keywords?.join(', '), creator: 'cabinet-reports', producer: 'cabinet-reports', creationDate: created, modDate: created },
    language: doc.meta.language,
    displayTitle: true,
    tagged: true,
    pageSize: s.pageSize,
    pageMargins: [s.margins.left, s.margins.top, s.margins.right, s.margins.bottom],
    defaultStyle: { font: pdfFontFor(s.font), fontSize: s.fontSize, lineHeight: 1.15 },
    styles: styles(doc),
    footer: footer(doc),
    content: doc.sections.map((section) => {
      const c = ctx(section.orientation);
      c.outline = outline;
      return { section: section.blocks.map((b) => pdfBlock(b, c)), pageOrientation: section.orientation, header: sectionHeader(section, doc) };
    }),
    // pdfmake calls this for every node after layout; the last call for a heading holds its final page.
    pageBreakBefore: (node: { id?: string; headlineLevel?: number; startPosition?: { pageNumber: number }; pageNumbers?: number[] }) => {
      if (node.id && node.headlineLevel && node.startPosition) headingPages[node.id] = node.startPosition.pageNumber;
      for (const p of node.pageNumbers ?? []) seePage(p);
      return false;
    },
  };
}

function styles(doc: LayoutDocument): Record<string, PdfNode> {
  const s = doc.style;
  const h = (level: 1 | 2 | 3 | 4, top: number) => ({ fontSize: s.headingSizes[level], bold: true, color: s.headingColour, margin: [0, top, 0, 6] });
  return {
    h1: h(1, 0), h2: h(2, 14), h3: h(3, 12), h4: h(4, 10),
    body: { margin: [0, 0, 0, 8] },
    lead: { margin: [0, 0, 0, 8], bold: true },
    note: { fontSize: Math.max(s.fontSize - 1, 11), color: '#404040', margin: [0, 0, 0, 8] },
    label: { bold: true, margin: [0, 6, 0, 4] },
    title: { fontSize: s.headingSizes[1], bold: true, color: s.headingColour, margin: [0, 0, 0, 10] },
    subtitle: { fontSize: s.headingSizes[3], color: s.headingColour, margin: [0, 0, 0, 8] },
  };
}
