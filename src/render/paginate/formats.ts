/**
 * Paragraph formats: every size, spacing and indent of the house style, decided once. Pagination lays pages
 * out with these values and the DOCX writer declares the same values as Word styles, so Word, LibreOffice and
 * our PDF break lines and pages in the same places.
 */
import type { LayoutStyle } from '../layout';
import type { FaceStyle } from '../fonts/font-set';
import { templateFormats } from './template-formats';

export interface ParaFormat {
  /** The font family as Word names it ("Arial", a template's "Calibri"); pagination sets it in its metric twin. */
  font: string;
  /** Font size in points. */
  size: number;
  face: FaceStyle;
  colour: string;
  /** Space before and after in points (Word w:spacing before/after). */
  before: number;
  after: number;
  /**
   * Line spacing: with lineRule 'auto' a multiple of the font's single line (Word w:line / 240); with 'exact'
   * or 'atLeast' a height in points (a council template's styles may say so).
   */
  line: number;
  lineRule: 'auto' | 'exact' | 'atLeast';
  /** Left indent of every line, in points. */
  indent: number;
  /** Right indent, in points. */
  indentRight: number;
  /** The paragraph's own alignment (a template's style); absent: left, unless the layout says otherwise. */
  align?: 'left' | 'center' | 'right';
  /** Justified (a template's w:jc "both"): every line but a paragraph's last is set full width. */
  justify?: boolean;
  /** The first line's offset from `indent` (a template's w:ind firstLine; negative for a hanging indent). */
  firstLine?: number;
  keepNext: boolean;
  pageBreakBefore: boolean;
  /** Two lines at least at a page's foot and head (w:widowControl); off, a paragraph may split anywhere. */
  widowControl: boolean;
}

export type FormatName =
  | 'body' | 'lead' | 'note' | 'label' | 'title' | 'subtitle' | 'caption'
  | 'h1' | 'h2' | 'h3' | 'h4'
  | 'tableText' | 'listItem' | 'tocTitle' | 'toc1' | 'toc2' | 'toc3' | 'toc4' | 'header' | 'footer' | 'tableGap';

/** Word's default 1.15 line spacing (w:line="276"). */
export const LINE = 1.15;
/** A numbered paragraph's text starts here; its number sits in the hanging indent (DOCX: left 850, hanging 850). */
export const NUMBER_INDENT = 42.5;
/** List levels: text at 36pt per level, marker 18pt to its left (DOCX: left 720 x level, hanging 360). */
export const LIST_STEP = 36;
export const LIST_HANG = 18;
/** Table cells: Word's default left and right cell margins (108 twips) and the 0.5pt single borders. */
export const CELL_MARGIN = 5.4;
export const BORDER = 0.5;
/** Header and footer distance from the page edge (DOCX w:pgMar header/footer 480 twips). */
export const RUNNING_DISTANCE = 24;

/**
 * The formats every paragraph kind is set in: a council Word template's styles when the layout carries one
 * (template-formats.ts), else our house style. The DOCX writer declares the same formats for the styles it adds.
 */
export function paragraphFormats(s: LayoutStyle): Record<FormatName, ParaFormat> {
  // Asked for by every table's column fitting and DOCX gap, thousands of times in a long appendix, and a
  // template's formats are resolved through its styles: made once per style object (read-only after).
  let formats = made.get(s);
  if (!formats) {
    formats = s.wordTemplate ? templateFormats(s.wordTemplate, s) : houseFormats(s);
    made.set(s, formats);
  }
  return formats;
}

const made = new WeakMap<LayoutStyle, Record<FormatName, ParaFormat>>();

export function houseFormats(s: LayoutStyle): Record<FormatName, ParaFormat> {
  const base: ParaFormat = {
    font: s.font, size: s.fontSize, face: 'regular', colour: '#000000', before: 0, after: 8, line: LINE, lineRule: 'auto', indent: 0, indentRight: 0,
    keepNext: false, pageBreakBefore: false, widowControl: true,
  };
  const heading = (level: 1 | 2 | 3 | 4, before: number): ParaFormat => ({ ...base, size: s.headingSizes[level], face: 'bold', colour: s.headingColour, before, after: 6, keepNext: true });
  const note = { ...base, size: Math.max(s.fontSize - 1, 11), colour: '#404040' };
  const toc = (level: number): ParaFormat => ({ ...base, after: 3, indent: 12 * (level - 1) });
  return {
    body: base,
    lead: { ...base, face: 'bold' },
    note,
    caption: note,
    label: { ...base, face: 'bold', before: 6, after: 4, keepNext: true },
    title: { ...base, size: s.headingSizes[1], face: 'bold', colour: s.headingColour, after: 10 },
    subtitle: { ...base, size: s.headingSizes[3], colour: s.headingColour },
    h1: heading(1, 0),
    h2: heading(2, 14),
    h3: heading(3, 12),
    h4: heading(4, 10),
    tableText: { ...base, size: s.tableFontSize, after: 0 },
    listItem: base,
    tocTitle: { ...base, size: s.headingSizes[2], face: 'bold', colour: s.headingColour },
    toc1: toc(1),
    toc2: toc(2),
    toc3: toc(3),
    toc4: toc(4),
    header: { ...base, size: 10, colour: '#404040', after: 0, line: 1 },
    footer: { ...base, size: 10, colour: '#404040', after: 0, line: 1 },
    tableGap: tableGap(base),
  };
}

/**
 * The empty paragraph after every table, in both writers: Word has no space after a table (what follows
 * would touch it) and joins two tables in a row into one. A 1pt line with the body's space after (at least
 * 6pt), which collapses with the next paragraph's space before as any paragraph's does.
 */
export function tableGap(body: ParaFormat): ParaFormat {
  return { ...body, size: 1, face: 'regular', before: 0, after: Math.max(body.after, 6), line: 1, lineRule: 'auto', indent: 0, indentRight: 0, keepNext: false, pageBreakBefore: false };
}
