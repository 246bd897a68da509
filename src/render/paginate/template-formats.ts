/**
 * Paragraph formats from a council's Word template: each of our paragraph kinds in the template's style for
 * it (found by built-in style), its formats resolved through docDefaults and basedOn. A kind the template
 * has no style for keeps our format at the template's body size, font and heading colour: the DOCX writer
 * adds that style from these same formats, so both formats still agree.
 */
import type { LayoutStyle } from '../layout';
import type { BuiltInStyle, TemplateLook, WordStyle } from '../../readers/word-template/types';
import type { FaceStyle } from '../fonts/font-set';
import { houseFormats, tableGap, type FormatName, type ParaFormat } from './formats';

/** The built-in style each paragraph kind is written in (the DOCX writer's style ids map to the same). */
export const FORMAT_STYLES: Partial<Record<FormatName, BuiltInStyle>> = {
  body: 'Normal', title: 'Title', subtitle: 'Subtitle', caption: 'Caption',
  h1: 'Heading1', h2: 'Heading2', h3: 'Heading3', h4: 'Heading4',
  listItem: 'ListParagraph', tocTitle: 'TOCHeading', toc1: 'TOC1', toc2: 'TOC2', toc3: 'TOC3', toc4: 'TOC4',
  header: 'Header', footer: 'Footer',
};

/** Word's own defaults when neither the style nor docDefaults says: 10pt Times New Roman, single spacing. */
const WORD_SIZE = 10;
const WORD_FONT = 'Times New Roman';

export function faceOf(bold: boolean | undefined, italic: boolean | undefined): FaceStyle {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** A resolved Word style as the format pagination sets it in. */
export function wordFormat(style: Pick<WordStyle, 'para' | 'run'>): ParaFormat {
  const { para, run } = style;
  const align = para.align === 'center' || para.align === 'right' ? para.align : undefined;
  return {
    font: run.font ?? WORD_FONT,
    size: run.size ?? WORD_SIZE,
    face: faceOf(run.bold, run.italic),
    colour: run.colour ?? '#000000',
    before: para.before ?? 0,
    after: para.after ?? 0,
    line: para.line?.value ?? 1,
    lineRule: para.line?.rule ?? 'auto',
    indent: Math.max(0, para.indentLeft ?? 0),
    indentRight: Math.max(0, para.indentRight ?? 0),
    ...(align ? { align } : {}),
    ...(para.align === 'both' ? { justify: true } : {}),
    ...(para.firstLine ? { firstLine: para.firstLine } : {}),
    keepNext: para.keepNext ?? false,
    pageBreakBefore: para.pageBreakBefore ?? false,
    widowControl: para.widowControl ?? false,
  };
}

/**
 * A style in one of the template's lists (numbered headings) is indented as its list level says, over the
 * style's own indents, as Word does (a paragraph's own, then its numbering's, then its style's).
 */
function withListIndent(fmt: ParaFormat, look: TemplateLook, style: WordStyle): ParaFormat {
  const n = style.para.numbering;
  const level = n ? look.numbering?.nums[n.numId]?.levels[n.level] : undefined;
  if (!level || (level.indentLeft === undefined && level.hanging === undefined)) return fmt;
  const { firstLine: _style, ...rest } = fmt;
  const indent = Math.max(0, level.indentLeft ?? fmt.indent);
  const firstLine = level.hanging !== undefined ? -level.hanging : fmt.firstLine;
  return { ...rest, indent, ...(firstLine ? { firstLine } : {}) };
}

export function templateFormats(look: TemplateLook, s: LayoutStyle): Record<FormatName, ParaFormat> {
  const styleFor = (b: BuiltInStyle) => {
    const id = look.styles.builtIn[b];
    return id ? look.styles.byId[id] : undefined;
  };
  const normal = wordFormat(styleFor('Normal') ?? look.styles.defaults);
  const h1 = styleFor('Heading1');
  const ours = houseFormats({
    ...s, font: normal.font, fontSize: normal.size, tableFontSize: normal.size, headingColour: h1?.run.colour ?? s.headingColour,
    headingSizes: { 1: normal.size + 8, 2: normal.size + 4, 3: normal.size + 2, 4: normal.size },
  });
  // The styles the DOCX adds from ours are based on the template's Normal and do not say their alignment
  // or first-line indent, so Word gives them Normal's: so does the PDF.
  const inherited: Partial<ParaFormat> = { ...(normal.justify ? { justify: true } : {}), ...(normal.firstLine ? { firstLine: normal.firstLine } : {}) };
  const out = Object.fromEntries(Object.entries(ours).map(([k, f]) => [k, { ...f, ...inherited }])) as Record<FormatName, ParaFormat>;
  for (const [name, builtIn] of Object.entries(FORMAT_STYLES) as [FormatName, BuiltInStyle][]) {
    const style = styleFor(builtIn);
    if (style) out[name] = withListIndent(wordFormat(style), look, style);
  }
  out.tableGap = tableGap(out.body);
  return out;
}
