import type { LayoutStyle } from '../../render/layout';
import { paragraphFormats, type ParaFormat } from '../../render/paginate/formats';
import { LINK_COLOUR } from './inline';
import { esc, val, W_ROOT_NS, XML_DECLARATION } from './xml-write';

const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
const hex = (c: string) => c.replace('#', '');

const fonts = (font: string) => `<w:rFonts w:ascii="${esc(font)}" w:hAnsi="${esc(font)}" w:eastAsia="${esc(font)}" w:cs="${esc(font)}"/>`;

/**
 * A paragraph format as Word paragraph properties (CT_PPrBase order: keepNext, spacing, ind, outlineLvl).
 * w:line always comes with w:lineRule="auto" (a multiple of the font's own line): without it LibreOffice
 * reads 276 as an exact 13.8pt and overprints.
 */
function pPr(f: ParaFormat, outline?: number): string {
  return (
    '<w:pPr>' +
    (f.keepNext ? '<w:keepNext/>' : '') +
    `<w:spacing w:before="${twips(f.before)}" w:after="${twips(f.after)}" w:line="${Math.round(f.line * 240)}" w:lineRule="auto"/>` +
    (f.indent ? `<w:ind w:left="${twips(f.indent)}"/>` : '') +
    (outline === undefined ? '' : val('w:outlineLvl', outline)) +
    '</w:pPr>'
  );
}

function rPr(f: ParaFormat, font: string): string {
  const bold = f.face === 'bold' || f.face === 'boldItalic';
  const italic = f.face === 'italic' || f.face === 'boldItalic';
  const onOff = (name: string, on: boolean) => (on ? `<w:${name}/>` : `<w:${name} w:val="0"/>`);
  return `<w:rPr>${fonts(font)}${onOff('b', bold)}${onOff('bCs', bold)}${onOff('i', italic)}${onOff('iCs', italic)}${val('w:color', hex(f.colour))}${val('w:sz', half(f.size))}${val('w:szCs', half(f.size))}</w:rPr>`;
}

interface ParagraphStyle {
  id: string;
  name: string;
  format: ParaFormat;
  next?: string;
  outline?: number;
  /** Word's order in its style gallery: headings 9, contents 39. */
  priority?: number;
  quick?: boolean;
}

function paragraphStyle(s: ParagraphStyle, font: string): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${esc(s.name)}"/><w:basedOn w:val="Normal"/>${s.next ? val('w:next', s.next) : ''}` +
    `${s.priority === undefined ? '' : val('w:uiPriority', s.priority)}${s.quick ? '<w:qFormat/>' : ''}${pPr(s.format, s.outline)}${rPr(s.format, font)}</w:style>`
  );
}

/**
 * Our Word styles, by style id, declaring exactly the sizes and spacing pagination used
 * (src/render/paginate/formats.ts), so Word and LibreOffice break pages where our PDF does and the
 * pre-filled contents numbers stay true. Real Heading 1-6 with outline levels, so the navigation pane, a
 * refreshed TOC and tagged export find them. Names are Word's built-in names where Word has the style, so
 * a council's template finds and restyles them.
 */
export function ourStyles(s: LayoutStyle): Map<string, string> {
  const f = paragraphFormats(s);
  const styles = new Map<string, string>();
  styles.set('Normal', '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>');
  styles.set('DefaultParagraphFont', '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>');
  styles.set(
    'TableNormal',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  );
  styles.set('NoList', '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>');
  const heading = (level: 1 | 2 | 3 | 4 | 5 | 6): ParagraphStyle => ({
    id: `Heading${level}`, name: `heading ${level}`, format: f[`h${Math.min(level, 4) as 1 | 2 | 3 | 4}`], next: 'Normal', outline: level - 1, priority: 9, quick: true,
  });
  const list: ParagraphStyle[] = [
    { id: 'Title', name: 'Title', format: f.title, next: 'Normal', priority: 10, quick: true },
    { id: 'Subtitle', name: 'Subtitle', format: f.subtitle, next: 'Normal', priority: 11, quick: true },
    heading(1), heading(2), heading(3), heading(4), heading(5), heading(6),
    { id: 'Lead', name: 'Lead', format: f.lead, quick: true },
    { id: 'Note', name: 'Note', format: f.note, quick: true },
    { id: 'Label', name: 'Label', format: f.label, next: 'Normal', quick: true },
    { id: 'Caption', name: 'caption', format: f.caption, next: 'Normal', priority: 35, quick: true },
    { id: 'ListParagraph', name: 'List Paragraph', format: f.listItem, priority: 34, quick: true },
    { id: 'TableText', name: 'Table Text', format: f.tableText },
    { id: 'TOCHeading', name: 'TOC Heading', format: f.tocTitle, next: 'Normal', priority: 39 },
    { id: 'TOC1', name: 'toc 1', format: f.toc1, next: 'Normal', priority: 39 },
    { id: 'TOC2', name: 'toc 2', format: f.toc2, next: 'Normal', priority: 39 },
    { id: 'TOC3', name: 'toc 3', format: f.toc3, next: 'Normal', priority: 39 },
    { id: 'TOC4', name: 'toc 4', format: f.toc4, next: 'Normal', priority: 39 },
    { id: 'Header', name: 'header', format: f.header },
    { id: 'Footer', name: 'footer', format: f.footer },
  ];
  for (const p of list) styles.set(p.id, paragraphStyle(p, s.font));
  // Carries a section break after a table: one line of 1pt type, so it takes next to no room pagination did not give it.
  styles.set(
    'SectionEnd',
    '<w:style w:type="paragraph" w:styleId="SectionEnd"><w:name w:val="Section End"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:style>',
  );
  styles.set('Hyperlink', `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>${val('w:color', hex(LINK_COLOUR))}<w:u w:val="single"/></w:rPr></w:style>`);
  return styles;
}

/**
 * Document defaults: the house font and size, the language, widow and orphan control (pagination keeps two
 * lines at a page's foot and head; without it Word would break paragraphs elsewhere) and body spacing.
 */
export function docDefaults(s: LayoutStyle, language: string): string {
  const body = paragraphFormats(s).body;
  return (
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(s.font)}${val('w:sz', half(s.fontSize))}${val('w:szCs', half(s.fontSize))}${val('w:lang', language)}</w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="${twips(body.before)}" w:after="${twips(body.after)}" w:line="${Math.round(body.line * 240)}" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`
  );
}

export function stylesXml(s: LayoutStyle, language = 'en-GB'): string {
  return `${XML_DECLARATION}<w:styles ${W_ROOT_NS}>${docDefaults(s, language)}${[...ourStyles(s).values()].join('')}</w:styles>`;
}
