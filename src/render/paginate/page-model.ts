/**
 * What pagination produces: pages of positioned boxes, each still knowing the document element it came from
 * (after krilla/Typst). The PDF writer draws these boxes and tags each inside its element or as an artifact;
 * the DOCX contents list reads the same pages, so there is one answer to "where did this heading land".
 */
import type { ImageBlock, Pagination } from '../layout';
import type { Missing, Segment } from './break-lines';

export type StructRole =
  | 'Document' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption' | 'Link' | 'TOC' | 'TOCI';

/** An element of the document's logical structure (the PDF structure tree). */
export interface StructNode {
  role: StructRole;
  children: StructNode[];
  /** Figure alternative text. */
  alt?: string;
  /** Header cells: which cells they head. */
  scope?: 'Column' | 'Row';
  /** Link target: a URL, or a heading id inside the document; `contents` describes it. */
  link?: { url?: string; dest?: string; contents: string };
}

export interface TextBox {
  kind: 'text';
  /** Left edge and baseline, from the page's top-left corner, in points. */
  x: number;
  baseline: number;
  size: number;
  colour: string;
  segments: Segment[];
  underline?: boolean;
  /** Owning element; null for artifacts (running heads, page numbers, repeated header rows). */
  node: StructNode | null;
}

export interface RectBox {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
  lineWidth?: number;
}

export interface ImageBox {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  image: ImageBlock;
  node: StructNode | null;
}

export type Box = TextBox | RectBox | ImageBox;

export interface OutlineEntry {
  id: string;
  title: string;
  level: number;
  /** Top of the heading on its page, for the destination. */
  y: number;
  /** In the bookmarks (headings marked toc: false are link targets only). */
  listed: boolean;
}

export interface Page {
  width: number;
  height: number;
  /** Index of the layout section the page belongs to. */
  section: number;
  boxes: Box[];
  /** Headings that start on this page: bookmarks and link destinations. */
  outline: OutlineEntry[];
}

export interface Paginated {
  pages: Page[];
  root: StructNode;
  pagination: Pagination;
  /** Characters no font could draw, with the text they were in. */
  missing: Missing[];
}
