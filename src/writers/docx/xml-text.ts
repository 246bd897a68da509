import type { LayoutDocument } from '../../render/layout';

/**
 * Characters XML 1.0 cannot carry at all: C0 controls other than tab, line feed and carriage return, the
 * non-characters U+FFFE and U+FFFF, and unpaired surrogates: one of them makes a part Word refuses to open.
 * The readers warn about such characters with their cell; this is the writer's own guarantee that none
 * reaches the XML (xml-write.ts then escapes only the markup characters).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

export const xmlSafeText = (s: string): string => s.replace(NOT_XML, '');

/**
 * The layout with every string made XML-safe, so no path into the DOCX (text, table summaries, headers,
 * document properties, numbering patterns) can be missed. Objects without such characters are returned
 * as they are, so the usual case copies nothing; image bytes are never touched.
 */
export function xmlSafeLayout(doc: LayoutDocument): LayoutDocument {
  return clean(doc) as LayoutDocument;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') {
    NOT_XML.lastIndex = 0;
    return NOT_XML.test(value) ? xmlSafeText(value) : value;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (isBlock(value)) {
    let safe = safeBlocks.get(value);
    if (safe === undefined) safeBlocks.set(value, (safe = cleanObject(value)));
    return safe;
  }
  return Array.isArray(value) ? cleanArray(value) : cleanObject(value);
}

// A block is plain data, never changed once laid out: one shared by two documents (an appendix printed in
// its report and as its own file) is made XML-safe once. Weak, so it goes with its layout.
const safeBlocks = new WeakMap<object, unknown>();
const isBlock = (value: object) => !Array.isArray(value) && typeof (value as { kind?: unknown }).kind === 'string';

function cleanArray(value: unknown[]): unknown {
  const cleaned = value.map(clean);
  return cleaned.some((v, i) => v !== value[i]) ? cleaned : value;
}

function cleanObject(value: object): unknown {
  const entries = Object.entries(value);
  const cleaned = entries.map(([k, v]) => [k, clean(v)] as const);
  return cleaned.some(([, v], i) => v !== entries[i]![1]) ? Object.fromEntries(cleaned) : value;
}
