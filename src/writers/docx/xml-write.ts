/**
 * The one escaping rule for every part the DOCX writer serialises. Text has already passed xmlSafeLayout
 * (no characters XML cannot carry), so the five markup characters remain to escape, and line breaks and
 * tabs, which an XML parser turns into spaces in an attribute (an alt text's lines) unless written as
 * character references. Attribute values and element text use the same function, so a value can never
 * close its quotes or open a tag.
 */
const MARKUP = /[&<>"'\n\r\t]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

export function esc(value: string | number): string {
  const s = String(value);
  MARKUP.lastIndex = 0;
  return MARKUP.test(s) ? s.replace(MARKUP, (c) => ENTITY[c]!) : s;
}

/** An empty element with attributes in the order given (the schema does not order attributes, tests read them). */
export function empty(name: string, attrs: Record<string, string | number | undefined> = {}): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${esc(v)}"`;
  return `${out}/>`;
}

/** `<w:name w:val="..."/>`, the commonest element of WordprocessingML. */
export const val = (name: string, value: string | number): string => `<${name} w:val="${esc(value)}"/>`;

const TEXT_MARKUP = /[&<>]/g;

/** Element text keeps its tabs as they are; only what could open markup is escaped. */
const escText = (s: string) => (/[&<>]/.test(s) ? s.replace(TEXT_MARKUP, (c) => ENTITY[c]!) : s);

/** Element text: xml:space="preserve" only where Word would otherwise drop leading or trailing spaces. */
export function wText(text: string): string {
  return /^\s|\s$/.test(text) ? `<w:t xml:space="preserve">${escText(text)}</w:t>` : `<w:t>${escText(text)}</w:t>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  asvg: 'http://schemas.microsoft.com/office/drawing/2016/SVG/main',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

/** The namespace declarations of a WordprocessingML part's root: only those our markup uses. */
export const W_ROOT_NS = `xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:pic="${NS.pic}"`;
