/**
 * What pagination places: each layout block as items already measured for the width they will be set at
 * (lines broken, line heights known), so placing them on pages is arithmetic only.
 */
import type { ImageBlock, Inline } from '../layout';
import type { FontSet } from '../fonts/font-set';
import type { Line } from './break-lines';
import type { LineBox } from './line-metrics';
import type { ParaFormat } from './formats';
import type { StructNode } from './page-model';

export interface ParaItem {
  kind: 'para';
  fmt: ParaFormat;
  /** The fonts its lines were measured in (the format's family). */
  fonts: FontSet;
  box: LineBox;
  lines: Line[];
  runs: Inline[];
  /** Text offset from the content box's left edge. */
  indent: number;
  /** The first line's further offset from `indent` (a first-line or, negative, hanging indent). */
  firstLine?: number;
  width: number;
  align: 'left' | 'center' | 'right';
  colour: string;
  node: StructNode;
  linkNodes: (StructNode | undefined)[];
  /** Number or list marker on the first line, with its own element (Lbl) when it has one. */
  label?: { text: string; x: number; node: StructNode };
  keepNext: boolean;
  pageBreakBefore: boolean;
  heading?: { id: string; title: string; level: number; listed: boolean };
  /** A contents entry: the heading whose page number is printed at the right. */
  tocFor?: string;
}

export interface CellItem {
  x: number;
  width: number;
  fill?: string | undefined;
  para: ParaItem;
}

export interface RowItem {
  height: number;
  cells: CellItem[];
}

export interface TableItem {
  kind: 'table';
  header?: RowItem;
  rows: RowItem[];
  cantSplit: boolean;
  keepNext: false;
  pageBreakBefore: false;
  width: number;
}

export interface ImageItem {
  kind: 'image';
  block: ImageBlock;
  node: StructNode;
  keepNext: boolean;
  pageBreakBefore: false;
  /** Space after the picture (a body paragraph's, as the DOCX's picture paragraph has). */
  after: number;
}

export interface BreakItem {
  kind: 'break';
  keepNext: false;
  pageBreakBefore: false;
}

export type Item = ParaItem | TableItem | ImageItem | BreakItem;

/** The space between two consecutive items: the larger of the one's space after and the other's before. */
export function gapBetween(a: Item, b: Item): number {
  const after = a.kind === 'para' ? a.fmt.after : 0;
  return Math.max(after, b.kind === 'para' ? b.fmt.before : 0);
}
