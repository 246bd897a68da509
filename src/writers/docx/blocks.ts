import type { Block, HeadingBlock, ImageBlock, LayoutStyle, ListBlock, NumberRef, ParagraphBlock, TableBlock, TocBlock } from '../../render/layout';
import { columnTwips } from '../../render/paginate/page-size';
import { paragraphFormats } from '../../render/paginate/formats';
import { TEMPLATE_HEADING_SEQUENCE } from '../../render/paginate/template-numbering';
import type { BodyOut } from './body-out';
import { drawingRun } from './drawing';
import { runs, textRun } from './inline';
import type { DocxNumbering } from './numbering';
import type { PartContext } from './part-context';
import { esc, val } from './xml-write';

export interface DocxBlockContext {
  style: LayoutStyle;
  /** Usable page width in twentieths of a point (twips). */
  widthTwips: number;
  /** The contents list, written into the body (toc.ts). */
  toc: (block: TocBlock, out: BodyOut) => void;
  /** Word bookmark name of each heading (bookmarks.ts). */
  bookmarks: ReadonlyMap<HeadingBlock, string>;
  part: PartContext;
  numbering: DocxNumbering;
}

const pStyle = (id: string) => val('w:pStyle', id);
const numPr = (level: number, numId: number) => `<w:numPr>${val('w:ilvl', level)}${val('w:numId', numId)}</w:numPr>`;
const jc = (align: 'left' | 'center' | 'right' | undefined) => (align && align !== 'left' ? val('w:jc', align) : '');

/** One function per layout node kind, dispatched here, as in the PDF writer. */
export function docxBlock(block: Block, ctx: DocxBlockContext, out: BodyOut): void {
  switch (block.kind) {
    case 'heading':
      return heading(block, ctx, out);
    case 'paragraph':
      return paragraph(block, ctx, out);
    case 'list':
      return list(block, ctx, out);
    case 'table':
      return table(block, ctx, out);
    case 'image':
      return image(block, ctx, out);
    case 'page-break':
      return out.paragraph('<w:pageBreakBefore/>', '');
    case 'toc':
      return ctx.toc(block, out);
  }
}

/** Numbered paragraphs use real Word numbering, declared from the layout's patterns, so Word shows the layout's numbers. */
function numbered(ref: NumberRef | undefined, ctx: DocxBlockContext): string {
  // A heading numbered by the council template's own list: its style's w:numPr numbers it in Word.
  if (ref?.sequence === TEMPLATE_HEADING_SEQUENCE) return '';
  return ref ? numPr(ref.level, ctx.numbering.sequence(ref.sequence)) : '';
}

function heading(block: HeadingBlock, ctx: DocxBlockContext, out: BodyOut): void {
  const id = ctx.part.ids.nextBookmark();
  const name = ctx.bookmarks.get(block) ?? `_Toc${id}`;
  // With Word numbering on the paragraph, Word prints the number: the text must not repeat it.
  const pPr = pStyle(ctx.part.styles.heading[block.level]) + (block.pageBreakBefore ? '<w:pageBreakBefore/>' : '') + numbered(block.number, ctx);
  out.paragraph(pPr, `<w:bookmarkStart w:name="${esc(name)}" w:id="${id}"/>${textRun(block.text)}<w:bookmarkEnd w:id="${id}"/>`);
}

function paragraphStyle(block: ParagraphBlock, ctx: DocxBlockContext): string | undefined {
  const s = ctx.part.styles;
  switch (block.style ?? 'body') {
    case 'lead': return s.lead;
    case 'note': return s.note;
    case 'label': return s.label;
    case 'title': return s.title;
    case 'subtitle': return s.subtitle;
    // A numbered body paragraph is a list paragraph, as Word makes one.
    case 'body': return block.number ? s.listParagraph : undefined;
  }
}

function paragraph(block: ParagraphBlock, ctx: DocxBlockContext, out: BodyOut): void {
  const style = paragraphStyle(block, ctx);
  const pPr = (style ? pStyle(style) : '') + (block.keepWithNext ? '<w:keepNext/>' : '') + numbered(block.number, ctx) + jc(block.align);
  out.paragraph(pPr, runs(block.runs, ctx.part));
}

function list(block: ListBlock, ctx: DocxBlockContext, out: BodyOut): void {
  const numId = block.ordered ? ctx.numbering.orderedList() : ctx.numbering.bulletList();
  for (const item of block.items) out.paragraph(pStyle(ctx.part.styles.listParagraph) + numPr(item.level, numId), runs(item.runs, ctx.part));
}

const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join('')}</w:tblBorders>`;

function cell(width: number, fill: string | undefined, paragraph: string): string {
  const shd = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill.slice(1)}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${shd}</w:tcPr>${paragraph}</w:tc>`;
}

/** Rows are written one by one: a 5,000-row appendix is never one string. */
function table(block: TableBlock, ctx: DocxBlockContext, out: BodyOut): void {
  const widths = columnTwips(block.columns.map((c) => c.width), ctx.widthTwips);
  const total = widths.reduce((a, b) => a + b, 0);
  const cantSplit = block.cantSplitRows !== false ? '<w:cantSplit/>' : '';
  const textStyle = pStyle(ctx.part.styles.tableText);
  const summary = esc(block.summary);
  out.raw(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${BORDERS}` +
      `<w:tblCaption w:val="${summary}"/><w:tblDescription w:val="${summary}"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  );
  if (block.role === 'data') {
    const header = block.columns.map((c, i) => cell(widths[i]!, ctx.style.tableHeaderFill, `<w:p><w:pPr>${textStyle}</w:pPr>${textRun(c.header, { bold: true, colour: ctx.style.tableHeaderText })}</w:p>`));
    out.raw(`<w:tr><w:trPr>${cantSplit}<w:tblHeader/></w:trPr>${header.join('')}</w:tr>`);
  }
  for (const row of block.rows) {
    let xml = `<w:tr>${cantSplit ? `<w:trPr>${cantSplit}</w:trPr>` : ''}`;
    row.forEach((c, i) => {
      const content = block.role === 'key-value' && i === 0 ? c.runs.map((r) => textRun(r.text, { bold: true })).join('') : runs(c.runs, ctx.part, c.textColour);
      xml += cell(widths[i]!, c.fill, `<w:p><w:pPr>${textStyle}${jc(c.align)}</w:pPr>${content}</w:p>`);
    });
    out.raw(`${xml}</w:tr>`);
  }
  out.raw('</w:tbl>');
  // The empty 1pt paragraph pagination puts after every table (paginate/formats.ts tableGap): room above what
  // follows, and two tables in a row kept two (Word joins adjacent tables).
  const gap = paragraphFormats(ctx.style).tableGap;
  out.paragraph(`<w:spacing w:before="0" w:after="${Math.round(gap.after * 20)}" w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="${Math.round(gap.size * 2)}"/><w:szCs w:val="${Math.round(gap.size * 2)}"/></w:rPr>`, '');
}

function image(block: ImageBlock, ctx: DocxBlockContext, out: BodyOut): void {
  out.paragraph(block.caption ? '<w:keepNext/>' : '', drawingRun(block, block.caption ? 'Figure' : 'Image', ctx.part));
  // The caption is printed text; the alt text stays in the drawing's description, not repeated on the page.
  if (block.caption) out.paragraph(pStyle(ctx.part.styles.note), textRun(block.caption));
}
