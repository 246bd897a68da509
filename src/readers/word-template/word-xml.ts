/**
 * Small helpers for reading WordprocessingML with @xmldom/xmldom: elements by their w: local name (the
 * namespace, not the prefix, decides), attributes in the w: namespace, and Word's on/off values.
 * A1's package reader has already checked each part's size, depth and the absence of a DTD.
 */
import type { Document, Element } from '@xmldom/xmldom';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const WP_NS = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';

export function parsePart(bytes: Uint8Array, name: string): Document {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let problem: string | undefined;
  // Loaded here, not at the top: our own house style needs these helpers' ids but never parses XML.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DOMParser } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') problem ??= msg; } }).parseFromString(text, 'application/xml');
  if (problem || !doc.documentElement) throw new WordXmlError(name, 'is not well-formed XML');
  return doc;
}

/** A template part we cannot read; the caller names render.wordTemplate and the file. */
export class WordXmlError extends Error {
  constructor(readonly part: string, readonly reason: string) {
    super(`${part} ${reason}`);
  }
}

/** Direct children in the w: namespace with this local name. */
export function children(el: Element | undefined, local: string, ns = W_NS): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns) out.push(n as Element);
  }
  return out;
}

export const child = (el: Element | undefined, local: string, ns = W_NS): Element | undefined => children(el, local, ns)[0];

/** Every descendant in document order with this local name. */
export function descendants(el: Element | Document | undefined, local: string, ns = W_NS): Element[] {
  if (!el) return [];
  return Array.from(el.getElementsByTagNameNS(ns, local));
}

/** A w: attribute (Word writes them namespaced; a few producers leave the prefix off). */
export function attr(el: Element | undefined, local: string, ns = W_NS): string | undefined {
  if (!el) return undefined;
  return el.getAttributeNS(ns, local) ?? el.getAttribute(`w:${local}`) ?? undefined;
}

/** Twentieths of a point (twips), as WordprocessingML writes lengths, in points. */
export const pt = (twips: number | undefined): number | undefined => (twips === undefined ? undefined : twips / 20);

export function numAttr(el: Element | undefined, local: string): number | undefined {
  const v = attr(el, local);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** ST_OnOff: present means on unless w:val says 0, false or off; absent means "not said". */
export function onOff(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
