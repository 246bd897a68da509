/**
 * The layout model: the one intermediate document that both writers consume (pandoc's pandoc-types).
 * Everything a writer needs is here as plain data, so DOCX and PDF cannot drift apart: numbering text,
 * status words and fills, header/footer wording, orientation and page breaks are all decided before a
 * writer runs. A writer only maps each node kind to its format (one function per kind, one switch).
 *
 * Rules both writers follow:
 * - Text is plain text. Writers never interpret markup in it (no Markdown, HTML or template syntax).
 * - Blocks appear in the output in exactly the order given, with the same words.
 * - Colours are #RRGGBB. Sizes are points.
 */

import type { TemplateLook } from '../readers/word-template/types';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** External URL or mailto: the text is shown, the link is attached. */
  link?: string;
}

/** Which numbering sequence a numbered paragraph belongs to, so DOCX can use real Word numbering. */
export interface NumberRef {
  /** The number exactly as printed, without trailing space: "1.1", "12.", "(a)", "2.1". */
  text: string;
  /** Key into LayoutDocument.numbering. */
  sequence: string;
  /** 0-based level within the sequence. */
  level: number;
}

export interface NumberingLevel {
  format: 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman';
  /** Word-style level text: "%1.", "%1.%2", "(%1)", "%1)". The rendered NumberRef.text always agrees. */
  pattern: string;
  start?: number;
}

export interface NumberingSequence {
  levels: NumberingLevel[];
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = document title level; sections are 2 under a level-1 title; never skip a level. */
  level: 1 | 2 | 3 | 4;
  text: string;
  /** Section number when numbered headings are used ("1." in per-section numbering). */
  number?: NumberRef;
  /** Stable anchor, unique in the document (bookmarks, TOC, page lookups): [a-z0-9-]+. */
  id: string;
  /** Include in the contents list and bookmarks (default true). */
  toc?: boolean;
  /** Start a new page before this heading. */
  pageBreakBefore?: boolean;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Inline[];
  number?: NumberRef;
  style?: 'body' | 'lead' | 'note' | 'label' | 'title' | 'subtitle';
  align?: 'left' | 'center' | 'right';
  /** Keep with the next block on the same page (labels above tables). */
  keepWithNext?: boolean;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** Each item is a list of paragraphs' runs; nested lists are flattened with a level. */
  items: { runs: Inline[]; level: number }[];
}

export interface TableCell {
  runs: Inline[];
  /** Background fill; when set, `textColour` is also set by the layout step for 4.5:1 contrast. */
  fill?: string;
  textColour?: string;
  align?: 'left' | 'center' | 'right';
}

export interface TableColumn {
  header: string;
  /** Relative width (the writer scales to the page width). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  kind: 'table';
  /** Short description for assistive technology (PDF alt/summary, DOCX tblDescription). */
  summary: string;
  columns: TableColumn[];
  /**
   * 'data': the column headers form a real header row, repeated on every page (DOCX w:tblHeader).
   * 'key-value': a front-sheet style table of label/value rows; the first cell of each row is its header
   * and there is no header row (columns[].header is still given, for width and accessibility).
   */
  role: 'data' | 'key-value';
  rows: TableCell[][];
  /** Rows are never split across pages (default true). */
  cantSplitRows?: boolean;
}

export interface ImageBlock {
  kind: 'image';
  format: 'png' | 'jpeg' | 'svg';
  /** The image file's bytes (for svg, UTF-8 SVG text). */
  data: Uint8Array;
  /** For svg: the same picture as PNG, for consumers that cannot draw SVG (older Word reads this one). */
  fallbackPng?: Uint8Array;
  /** Display size in points. */
  width: number;
  height: number;
  /** Alt text: what the image shows (a chart states its figures). Empty only for a figure whose author gave none, which is warned about. */
  alt: string;
  /** Printed under the image ("Figure 1: ..."); absent for a logo. */
  caption?: string;
}

export interface PageBreakBlock {
  kind: 'page-break';
}

/** A contents list. PDF writers compute it exactly; DOCX writes a TOC field pre-filled with `pages`. */
export interface TocBlock {
  kind: 'toc';
  title: string;
  /** Deepest heading level listed. */
  maxLevel: number;
  /** The headings this list covers, when it covers part of the document (a report inside an agenda pack). */
  headingIds?: string[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | ImageBlock
  | PageBreakBlock
  | TocBlock;

export interface RunningText {
  /** Left-hand header text, e.g. "Cabinet – 12 September 2023". */
  left?: string;
  /** Right-hand header text, e.g. "Agenda Item 7" or "Appendix A". */
  right?: string;
  /**
   * Exempt marking printed prominently on every page of the section, e.g. "NOT FOR PUBLICATION by virtue
   * of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972".
   */
  marking?: string;
  /** The council's logo, drawn at the left of the header (its size in points). */
  logo?: RunningLogo;
}

export interface RunningLogo {
  format: ImageBlock['format'];
  data: Uint8Array;
  fallbackPng?: Uint8Array;
  width: number;
  height: number;
  alt: string;
}

/** A run of pages sharing orientation and running header (a Word section). Each starts a new page. */
export interface LayoutSection {
  orientation: 'portrait' | 'landscape';
  header: RunningText;
  blocks: Block[];
}

export interface DocumentMeta {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** BCP 47: the paper's language, en-GB or cy (Welsh), on every document made from it. */
  language: string;
  /** ISO timestamp fixed from the data (meeting date) or SOURCE_DATE_EPOCH: never the clock. */
  created: string;
}

/** House style decided once in the layout step; both writers apply the same values. */
export interface LayoutStyle {
  font: string;
  /** A council's own font files (TTF/OTF); absent: Arimo, which has Arial's metrics. */
  fontFiles?: { regular: string; bold?: string | undefined; italic?: string | undefined; boldItalic?: string | undefined } | undefined;
  /** Body size in points (>= 12 for published PDFs). */
  fontSize: number;
  headingSizes: { 1: number; 2: number; 3: number; 4: number };
  /** Table text size in points. */
  tableFontSize: number;
  headingColour: string;
  tableHeaderFill: string;
  tableHeaderText: string;
  pageSize: 'A4' | 'A3' | 'Letter';
  /** Margins in points. */
  margins: { top: number; right: number; bottom: number; left: number };
  /**
   * A council's Word template (render.wordTemplate), read: pagination takes its paragraph formats, page
   * geometry and headers and footers from it, and the DOCX writer its style ids (see paginate/template-style.ts).
   */
  wordTemplate?: TemplateLook | undefined;
}

/**
 * The words around the page numbers, in the paper's language: before + X + between + Y + after
 * ("Page " 3 " of " 12; "Tudalen " 3 " o " 12). Absent: "Page X of Y".
 */
export interface PageNumberWords {
  before: string;
  between: string;
  after: string;
}

export interface LayoutDocument {
  meta: DocumentMeta;
  style: LayoutStyle;
  numbering: Record<string, NumberingSequence>;
  /** Footer on every page: "Page X of Y" where X and Y run across the whole document. */
  footer: { pageNumbers: true; left?: string; pageNumberWords?: PageNumberWords };
  sections: LayoutSection[];
}

/** What the PDF writer learnt while paginating; the DOCX writer uses it to pre-fill its TOC. */
export interface Pagination {
  pageCount: number;
  /** 1-based page on which each heading (by id) starts. */
  headingPages: Record<string, number>;
}
