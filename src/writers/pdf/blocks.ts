import type { Block, HeadingBlock, ImageBlock, LayoutStyle, ListBlock, ParagraphBlock, TableBlock, TableCell } from '../../render/layout';
import { pdfRuns } from './inline';

/* pdfmake nodes are loosely typed objects; this is the one place we build them. */
export type PdfNode = Record<string, unknown>;

export interface BlockContext {
  style: LayoutStyle;
  width: number;
  /** Ids of the contents lists a heading appears in. */
  tocsFor: (heading: HeadingBlock) => string[];
  /** The pdfmake id of a contents list block. */
  tocId: (toc: Block) => string;
  /** Id of the last heading at each level, for nesting bookmarks. */
  outline: (string | undefined)[];
}

/** One function per layout node kind, dispatched here, as in the DOCX writer. */
export function pdfBlock(block: Block, ctx: BlockContext): PdfNode {
  switch (block.kind) {
    case 'heading':
      return heading(block, ctx);
    case 'paragraph':
      return paragraph(block, ctx);
    case 'list':
      return list(block);
    case 'table':
      return table(block, ctx);
    case 'image':
      return image(block);
    case 'page-break':
      return { text: '', pageBreak: 'after' };
    case 'toc':
      return { toc: { id: ctx.tocId(block), title: { text: block.title, style: 'h2' }, numberStyle: { bold: false } }, margin: [0, 0, 0, 12] };
  }
}

function heading(block: HeadingBlock, ctx: BlockContext): PdfNode {
  const text = block.number ? `${block.number.text} ${block.text}` : block.text;
  ctx.outline.length = block.level;
  const parent = ctx.outline.slice(0, block.level - 1).reverse().find(Boolean);
  ctx.outline[block.level - 1] = block.id;
  const listed = block.toc !== false;
  const node: PdfNode = { text, style: `h${block.level}`, id: block.id, headlineLevel: block.level };
  if (listed) Object.assign(node, { outline: true, outlineText: text, ...(parent ? { outlineParentId: parent } : {}) });
  const tocs = listed ? ctx.tocsFor(block) : [];
  if (tocs.length) node.tocItem = tocs;
  if (block.pageBreakBefore) node.pageBreak = 'before';
  return node;
}

const PARA_STYLE: Record<NonNullable<ParagraphBlock['style']>, string> = {
  body: 'body', lead: 'lead', note: 'note', label: 'label', title: 'title', subtitle: 'subtitle',
};

function paragraph(block: ParagraphBlock, _ctx: BlockContext): PdfNode {
  const style = PARA_STYLE[block.style ?? 'body'];
  const text = pdfRuns(block.runs);
  const node: PdfNode = block.number
    ? { columns: [{ width: 42, text: block.number.text }, { width: '*', text }], columnGap: 4, style }
    : { text, style };
  if (block.align) node.alignment = block.align;
  return node;
}

/**
 * Markers are printed as text before each item (not pdfmake's ol/ul), so they come before the words in
 * reading order and in extracted text. Formats match the DOCX list numbering: 1. then a. by level.
 */
function list(block: ListBlock): PdfNode {
  const counters: number[] = [];
  const items = block.items.map((item) => {
    counters.length = item.level + 1;
    counters[item.level] = (counters[item.level] ?? 0) + 1;
    const n = counters[item.level]!;
    const marker = block.ordered ? (item.level % 2 ? `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.` : `${n}.`) : item.level % 2 ? '–' : '•';
    return { columns: [{ width: 18, text: marker }, { width: '*', text: pdfRuns(item.runs) }], columnGap: 4, margin: [item.level * 18, 0, 0, 3] };
  });
  return { stack: items, style: 'body', margin: [0, 0, 0, 8] };
}

function cell(c: TableCell, bold = false): PdfNode {
  const node: PdfNode = { text: pdfRuns(c.runs, c.textColour) };
  if (c.fill) node.fillColor = c.fill;
  if (bold) node.bold = true;
  if (c.align) node.alignment = c.align;
  return node;
}

function table(block: TableBlock, ctx: BlockContext): PdfNode {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * (ctx.width - 5 * block.columns.length - 1));
  const body: PdfNode[][] = [];
  if (block.role === 'data')
    body.push(block.columns.map((c) => ({ text: c.header, bold: true, fillColor: ctx.style.tableHeaderFill, color: ctx.style.tableHeaderText })));
  for (const row of block.rows) body.push(row.map((c, i) => cell(c, block.role === 'key-value' && i === 0)));
  return {
    table: { headerRows: block.role === 'data' ? 1 : 0, dontBreakRows: block.cantSplitRows !== false, keepWithHeaderRows: 1, widths, body },
    layout: { hLineColor: () => '#808080', vLineColor: () => '#808080', hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    fontSize: ctx.style.tableFontSize,
    margin: [0, 2, 0, 10],
  };
}

function image(block: ImageBlock): PdfNode {
  return {
    stack: [
      { image: `data:image/png;base64,${Buffer.from(block.png).toString('base64')}`, width: block.width, height: block.height },
      { text: block.alt, style: 'note', margin: [0, 4, 0, 10] },
    ],
  };
}
