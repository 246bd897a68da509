/**
 * Layout blocks to items: lines broken at the width the section gives, each item hung in the structure tree
 * under the element it belongs to. Knows nothing of pages.
 */
import type { Block, HeadingBlock, ImageBlock, Inline, LayoutDocument, ListBlock, ParagraphBlock, TableBlock, TocBlock } from '../layout';
import type { Missing } from './break-lines';
import { lineBox } from './line-metrics';
import { BORDER, CELL_MARGIN, LIST_HANG, LIST_STEP, NUMBER_INDENT, type FormatName, type ParaFormat } from './formats';
import { columnTwips, pt, twips } from './page-size';
import type { StructNode } from './page-model';
import type { Item, ParaItem, RowItem, TableItem } from './items';
import { brokenLines } from './line-cache';
import { measuredItems } from './item-cache';
import { structNode as node } from './struct';
import type { FontBook } from './font-book';

/** Room kept at the right of a contents entry for its page number. */
const TOC_NUMBER_ROOM = 30;

export interface ItemContext {
  doc: LayoutDocument;
  formats: Record<FormatName, ParaFormat>;
  fonts: FontBook;
  /** The document element every block's element hangs under. */
  root: StructNode;
  /** Collects characters no font could draw. */
  missing: Missing[];
}

/**
 * A section's blocks as items, each table followed by the empty tableGap paragraph the DOCX writer writes
 * after it (formats.ts): room above what follows, and two tables in a row kept two. It is in no element.
 */
export function sectionItems(blocks: readonly Block[], width: number, cx: ItemContext): Item[] {
  return blocks.flatMap((b) => {
    const items = measuredItems(b, width, cx, () => itemsOf(b, width, cx));
    if (b.kind === 'table') items.push(para(cx, [], cx.formats.tableGap, width, node('P')));
    return items;
  });
}

/** A block as the items pagination places, its lines broken to `width` points. */
export function itemsOf(block: Block, width: number, cx: ItemContext): Item[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block, width, cx)];
    case 'paragraph':
      return [paragraph(block, width, cx)];
    case 'list':
      return list(block, width, cx);
    case 'table':
      return [table(block, width, cx)];
    case 'image':
      return image(block, width, cx);
    case 'page-break':
      return [{ kind: 'break', keepNext: false, pageBreakBefore: false }];
    case 'toc':
      return toc(block, width, cx);
  }
}

function para(cx: ItemContext, runs: Inline[], fmt: ParaFormat, width: number, n: StructNode, extra: Partial<ParaItem> = {}): ParaItem {
  const indent = extra.indent ?? fmt.indent;
  const fonts = cx.fonts.fontsFor(fmt);
  // A first-line or hanging indent (a template's style) moves only the first line; never past the margin.
  const first = extra.label ? 0 : Math.max(fmt.firstLine ?? 0, -indent);
  const lines = brokenLines(runs, fmt.face, fmt.size, width - indent - fmt.indentRight, fonts, (m) => cx.missing.push(m), first);
  const linkNodes = runs.map((r) => (r.link ? { role: 'Link' as const, children: [], link: { url: r.link, contents: `${r.text} (${r.link})` } } : undefined));
  return {
    kind: 'para', fmt, fonts, box: lineBox(fonts, fmt.size, fmt.line, fmt.lineRule), lines, runs, indent, width, align: fmt.align ?? 'left', colour: fmt.colour,
    node: n, linkNodes, keepNext: fmt.keepNext, pageBreakBefore: fmt.pageBreakBefore, ...(first ? { firstLine: first } : {}), ...extra,
  };
}

function heading(block: HeadingBlock, width: number, cx: ItemContext): ParaItem {
  const fmt = cx.formats[`h${block.level}`];
  const n = node(`H${block.level}`, cx.root);
  const title = block.number ? `${block.number.text} ${block.text}` : block.text;
  const listed = block.toc !== false;
  const extra: Partial<ParaItem> = { pageBreakBefore: Boolean(block.pageBreakBefore) || fmt.pageBreakBefore, heading: { id: block.id, title, level: block.level, listed } };
  if (block.number) Object.assign(extra, { indent: NUMBER_INDENT, label: { text: block.number.text, x: 0, node: n } });
  return para(cx, [{ text: block.text }], fmt, width, n, extra);
}

function paragraph(block: ParagraphBlock, width: number, cx: ItemContext): ParaItem {
  const fmt = cx.formats[block.style ?? 'body'];
  const n = node('P', cx.root);
  const extra: Partial<ParaItem> = { align: block.align ?? fmt.align ?? 'left', keepNext: Boolean(block.keepWithNext) || fmt.keepNext };
  if (block.number) Object.assign(extra, { indent: NUMBER_INDENT, label: { text: block.number.text, x: 0, node: n } });
  return para(cx, block.runs, fmt, width, n, extra);
}

function listMarker(ordered: boolean, level: number, n: number): string {
  if (!ordered) return level % 2 ? '\u2013' : '\u2022';
  return level % 2 ? `${String.fromCharCode(97 + ((n - 1) % 26))}.` : `${n}.`;
}

function list(block: ListBlock, width: number, cx: ItemContext): ParaItem[] {
  const l = node('L', cx.root);
  const counters: number[] = [];
  return block.items.map((item) => {
    counters.length = item.level + 1;
    counters[item.level] = (counters[item.level] ?? 0) + 1;
    const n = counters[item.level]!;
    const marker = listMarker(block.ordered, item.level, n);
    const li = node('LI', l);
    const lbl = node('Lbl', li);
    const body = node('LBody', li);
    const indent = LIST_STEP * (item.level + 1);
    return para(cx, item.runs, cx.formats.listItem, width, body, { indent, label: { text: marker, x: indent - LIST_HANG, node: lbl } });
  });
}

interface CellSpec {
  runs: Inline[];
  fill?: string | undefined;
  colour: string;
  bold: boolean;
  align?: 'left' | 'center' | 'right' | undefined;
  role: 'TH' | 'TD';
  scope?: 'Column' | 'Row';
}

function table(block: TableBlock, width: number, cx: ItemContext): TableItem {
  const t = node('Table', cx.root);
  const widths = columnTwips(block.columns.map((c) => c.width), twips(width)).map(pt);
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const fmt = cx.formats.tableText;
  const row = (cells: CellSpec[], tr: StructNode): RowItem => {
    const items = cells.map((c, i) => {
      const cellNode = node(c.role, tr);
      if (c.scope) cellNode.scope = c.scope;
      const cellFmt = c.bold ? { ...fmt, face: 'bold' as const } : fmt;
      const p = para(cx, c.runs, cellFmt, widths[i]! - 2 * CELL_MARGIN, cellNode, { indent: 0, colour: c.colour, align: c.align ?? 'left' });
      return { x: xs[i]!, width: widths[i]!, fill: c.fill, para: p };
    });
    const height = Math.max(...items.map((c) => c.para.lines.length * c.para.box.height)) + BORDER;
    return { height, cells: items };
  };
  let header: RowItem | undefined;
  if (block.role === 'data') {
    const head = node('THead', t);
    const style = cx.doc.style;
    header = row(block.columns.map((c) => ({ runs: [{ text: c.header }], fill: style.tableHeaderFill, colour: style.tableHeaderText, bold: true, role: 'TH' as const, scope: 'Column' as const })), node('TR', head));
  }
  const body = node('TBody', t);
  const rows = block.rows.map((r) =>
    row(
      r.map((c, i) => {
        const rowHeader = block.role === 'key-value' && i === 0;
        return { runs: c.runs, fill: c.fill, colour: c.textColour ?? '#000000', bold: rowHeader, align: c.align, role: rowHeader ? ('TH' as const) : ('TD' as const), ...(rowHeader ? { scope: 'Row' as const } : {}) };
      }),
      node('TR', body),
    ),
  );
  return { kind: 'table', ...(header ? { header } : {}), rows, cantSplit: block.cantSplitRows !== false, keepNext: false, pageBreakBefore: false, width };
}

function image(block: ImageBlock, width: number, cx: ItemContext): Item[] {
  const figure = node('Figure', cx.root);
  figure.alt = block.alt;
  const items: Item[] = [{ kind: 'image', block, node: figure, keepNext: Boolean(block.caption), pageBreakBefore: false, after: cx.formats.body.after }];
  if (block.caption) items.push(para(cx, [{ text: block.caption }], cx.formats.caption, width, node('Caption', figure)));
  return items;
}

function toc(block: TocBlock, width: number, cx: ItemContext): Item[] {
  const t = node('TOC', cx.root);
  const title = para(cx, [{ text: block.title }], cx.formats.tocTitle, width, node('P', t), { keepNext: true });
  // Headings after the contents list are not known yet: entries are made from every heading in the document.
  const entries = cx.doc.sections.flatMap((s) => s.blocks.filter((b): b is HeadingBlock => b.kind === 'heading'))
    .filter((h) => h.toc !== false && h.level <= block.maxLevel && (!block.headingIds || block.headingIds.includes(h.id)));
  const items = entries.map((h) => {
    const text = h.number ? `${h.number.text} ${h.text}` : h.text;
    const fmt = cx.formats[`toc${Math.min(h.level, 4) as 1 | 2 | 3 | 4}`];
    const tocI = node('TOCI', t);
    const link = node('Link', tocI);
    link.link = { dest: h.id, contents: `Go to ${text}` };
    // Broken short of the number's room, but as wide as the page, so the number is set flush right.
    return para(cx, [{ text }], fmt, width - TOC_NUMBER_ROOM, link, { tocFor: h.id, width, linkNodes: [undefined] });
  });
  return [title, ...items];
}
