/**
 * How deep an XML part nests, found by a linear scan for tags (no parser: the point is to look before any
 * parser recurses). Returns undefined when within `maxDepth`, 'dtd' for a <!DOCTYPE> (workbook parts never
 * have one, and a DTD is how entity-expansion bombs work), or the depth reached when it goes past the limit.
 * Comments, CDATA and processing instructions are skipped whole; a '>' inside an attribute value can
 * only make the count err upwards, which matters only for hostile files.
 */
export function xmlNestingProblem(xml: Uint8Array, maxDepth: number): number | 'dtd' | undefined {
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  let depth = 0;
  let i = buf.indexOf(0x3c); // '<'
  while (i >= 0 && i + 1 < buf.length) {
    const next = buf[i + 1];
    let end: number;
    if (next === 0x2f) {
      // '</name>'
      depth--;
      end = buf.indexOf(0x3e, i);
    } else if (next === 0x3f) {
      end = buf.indexOf('?>', i + 2);
    } else if (next === 0x21) {
      const head = buf.toString('latin1', i, i + 9);
      if (head.startsWith('<!--')) end = skipPast(buf, '-->', i + 4);
      else if (head === '<![CDATA[') end = skipPast(buf, ']]>', i + 9);
      else if (/^<!doctype/i.test(head)) return 'dtd';
      else end = buf.indexOf(0x3e, i);
    } else {
      end = buf.indexOf(0x3e, i);
      if (end < 0) break;
      if (buf[end - 1] !== 0x2f) {
        depth++;
        if (depth > maxDepth) return depth;
      }
    }
    if (end < 0) break;
    i = buf.indexOf(0x3c, end + 1);
  }
  return undefined;
}

/** Index of the last character of `marker` after `from`, or -1. */
function skipPast(buf: Buffer, marker: string, from: number): number {
  const at = buf.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length - 1;
}
