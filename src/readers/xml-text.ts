const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities and Excel's _xHHHH_ escapes (how it stores characters XML cannot carry). */
export function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The text between two offsets of an XML part, unescaped. Decoded from the bytes on its own, so the string
 * holds only itself (a substring of a row's text would keep the whole row alive as long as the value).
 */
export function decodeXml(xml: Buffer, start: number, end: number): string {
  return unescapeXml(xml.toString('utf8', start, end));
}
