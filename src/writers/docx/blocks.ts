import {
  AlignmentType, BookmarkEnd, BookmarkStart, HeadingLevel, Paragraph, ShadingType, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { numberDrawings, type DocumentIds } from './document-ids';
import { defined } from './defined';
import type { Block, HeadingBlock, ImageBlock, LayoutStyle, ListBlock, ParagraphBlock, TableBlock, TocBlock } from '../../render/layout';
import { docxRuns, textWithBreaks } from './inline';
import { DescribedTable } from './described-table';
import { BULLET_LIST } from './numbering';
import { docxImageRun } from './image-run';

export interface DocxBlockContext {
  style: LayoutStyle;
  /** Usable page width in twentieths of a point (twips). */
  widthTwips: number;
  /** The contents list, with its entries and pages (toc.ts). */
  toc: (block: TocBlock) => FileChild[];
  /** Word bookmark name of each heading (bookmarks.ts). */
  bookmarks: ReadonlyMap<HeadingBlock, string>;
  /** Bookmark, link and drawing ids, counted in this document. */
  ids: DocumentIds;
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** One function per layout node kind, dispatched here, as in the PDF writer. */
export function docxBlock(block: Block, ctx: DocxBlockContext): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block, ctx)];
    case 'paragraph':
      return [paragraph(block, ctx)];
    case 'list':
      return list(block, ctx);
    case 'table':
      return [table(block, ctx)];
    case 'image':
      return image(block).map((p) => numberDrawings(p, ctx.ids));
    case 'page-break':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'toc':
      return ctx.toc(block);
  }
}

function heading(block: HeadingBlock, ctx: DocxBlockContext): Paragraph {
  // With Word numbering on the paragraph, Word prints the number: the text must not repeat it.
  const text = block.text;
  const id = ctx.ids.nextBookmark();
  // BookmarkStart and BookmarkEnd with this document's own id: docx's Bookmark takes its id from a
  // process-wide counter. Paragraph writes them like any child; its type lists only Bookmark.
  const bookmark = (child: BookmarkStart | BookmarkEnd) => child as unknown as ParagraphChild;
  return new Paragraph(defined({
    heading: HEADING[block.level],
    pageBreakBefore: block.pageBreakBefore,
    children: [bookmark(new BookmarkStart(ctx.bookmarks.get(block) ?? `_Toc${id}`, id)), new TextRun(text), bookmark(new BookmarkEnd(id))],
    ...(block.number ? numbering(block.number.sequence, block.number.level) : {}),
  }));
}

/**
 * Numbered paragraphs use real Word numbering (a numPr on the paragraph); the level texts are declared in
 * numbering.ts from the same patterns the layout used, so Word shows exactly the layout's numbers.
 */
function numbering(sequence: string, level: number) {
  return { numbering: { reference: sequence, level } };
}

const PARA_STYLE: Record<NonNullable<ParagraphBlock['style']>, string | undefined> = {
  body: undefined, lead: 'Lead', note: 'Note', label: 'Label', title: 'Title', subtitle: 'Subtitle',
};

function paragraph(block: ParagraphBlock, ctx: DocxBlockContext): Paragraph {
  return new Paragraph(defined({
    style: PARA_STYLE[block.style ?? 'body'],
    alignment: block.align ? ALIGN[block.align] : undefined,
    keepNext: block.keepWithNext,
    children: docxRuns(block.runs, ctx.ids),
    ...(block.number ? numbering(block.number.sequence, block.number.level) : {}),
  }));
}

function list(block: ListBlock, ctx: DocxBlockContext): Paragraph[] {
  return block.items.map((item) =>
    new Paragraph({
      children: docxRuns(item.runs, ctx.ids),
      numbering: { reference: block.ordered ? 'list-ordered' : BULLET_LIST, level: item.level },
    }),
  );
}

function table(block: TableBlock, ctx: DocxBlockContext): DescribedTable {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * ctx.widthTwips));
  const cantSplit = block.cantSplitRows !== false;
  const rows: TableRow[] = [];
  if (block.role === 'data') {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit,
        children: block.columns.map((c, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: ctx.style.tableHeaderFill.slice(1) },
            children: [new Paragraph({ style: 'TableText', children: textWithBreaks(c.header, { bold: true, colour: ctx.style.tableHeaderText }) })],
          }),
        ),
      }),
    );
  }
  for (const row of block.rows)
    rows.push(
      new TableRow({
        cantSplit,
        children: row.map((cell, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            ...(cell.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill.slice(1) } } : {}),
            children: [
              new Paragraph(defined({
                style: 'TableText',
                alignment: cell.align ? ALIGN[cell.align] : undefined,
                children: block.role === 'key-value' && i === 0 ? cell.runs.flatMap((r) => textWithBreaks(r.text, { bold: true })) : docxRuns(cell.runs, ctx.ids, cell.textColour),
              })),
            ],
          }),
        ),
      }),
    );
  return new DescribedTable({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } }, block.summary);
}

function image(block: ImageBlock): Paragraph[] {
  const picture = new Paragraph({ keepNext: Boolean(block.caption), children: [docxImageRun(block, block.caption ? 'Figure' : 'Image')] });
  // The caption is printed text; the alt text stays in the drawing's description, not repeated on the page.
  return block.caption ? [picture, new Paragraph({ style: 'Note', children: [new TextRun(block.caption)] })] : [picture];
}
