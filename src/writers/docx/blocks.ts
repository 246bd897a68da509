import {
  AlignmentType, Bookmark, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
} from 'docx';
import { defined } from './defined';
import type { Block, HeadingBlock, ImageBlock, LayoutStyle, ListBlock, ParagraphBlock, TableBlock } from '../../render/layout';
import { docxRuns, textWithBreaks } from './inline';

export interface DocxBlockContext {
  style: LayoutStyle;
  /** Usable page width in twentieths of a point (twips). */
  widthTwips: number;
  /** Marker paragraphs for contents lists, filled in after packing (see toc.ts). */
  tocMarker: (title: string, maxLevel: number, headingIds?: string[]) => Paragraph;
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** One function per layout node kind, dispatched here, as in the PDF writer. */
export function docxBlock(block: Block, ctx: DocxBlockContext): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block)];
    case 'paragraph':
      return [paragraph(block)];
    case 'list':
      return list(block);
    case 'table':
      return [table(block, ctx)];
    case 'image':
      return image(block);
    case 'page-break':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'toc':
      return [ctx.tocMarker(block.title, block.maxLevel, block.headingIds)];
  }
}

function heading(block: HeadingBlock): Paragraph {
  // With Word numbering on the paragraph, Word prints the number: the text must not repeat it.
  const text = block.text;
  return new Paragraph(defined({
    heading: HEADING[block.level],
    pageBreakBefore: block.pageBreakBefore,
    children: [new Bookmark({ id: block.id, children: [new TextRun(text)] })],
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

function paragraph(block: ParagraphBlock): Paragraph {
  return new Paragraph(defined({
    style: PARA_STYLE[block.style ?? 'body'],
    alignment: block.align ? ALIGN[block.align] : undefined,
    keepNext: block.keepWithNext,
    children: docxRuns(block.runs),
    ...(block.number ? numbering(block.number.sequence, block.number.level) : {}),
  }));
}

function list(block: ListBlock): Paragraph[] {
  return block.items.map((item) =>
    new Paragraph({
      children: docxRuns(item.runs),
      ...(block.ordered ? { numbering: { reference: 'list-ordered', level: item.level } } : { bullet: { level: item.level } }),
    }),
  );
}

function table(block: TableBlock, ctx: DocxBlockContext): Table {
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
                children: block.role === 'key-value' && i === 0 ? cell.runs.flatMap((r) => textWithBreaks(r.text, { bold: true })) : docxRuns(cell.runs, cell.textColour),
              })),
            ],
          }),
        ),
      }),
    );
  return new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } });
}

function image(block: ImageBlock): Paragraph[] {
  // Points to pixels at 96 dpi, the unit docx's transformation expects.
  const px = (pt: number) => Math.round((pt * 96) / 72);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: Buffer.from(block.png),
          transformation: { width: px(block.width), height: px(block.height) },
          altText: { name: 'Chart', title: 'Chart', description: block.alt },
        }),
      ],
    }),
    new Paragraph({ style: 'Note', children: [new TextRun(block.alt)] }),
  ];
}
