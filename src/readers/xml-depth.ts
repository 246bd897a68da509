/**
 * How deep an XML part nests, found by a linear scan for tags (no parser: the point is to look before any
 * parser recurses). Returns undefined when within `maxDepth`, 'dtd' for a <!DOCTYPE> (workbook parts never
 * have one, and a DTD is how entity-expansion bombs work), or the depth reached when it goes past the limit.
 * Comments, CDATA and processing instructions are skipped whole; a '>' inside an attribute value can
 * only make the count err upwards, which matters only for hostile files.
 */
export function xmlNestingProblem(xml: Uint8Array, maxDepth: number): number | 'dtd' | undefined {
  const scan = new XmlDepthScan(maxDepth);
  scan.scan(Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength), 0, true);
  return scan.problem;
}

/**
 * The same scan over a part that arrives in pieces (a worksheet inflated a chunk at a time): each call
 * scans what is complete and says where the first unfinished tag, comment or CDATA begins, for the caller
 * to hand over again with the next piece. Its answers are those of one scan over the whole part.
 */
export class XmlDepthScan {
  private depth = 0;
  problem: number | 'dtd' | undefined;

  constructor(private readonly maxDepth: number) {}

  /**
   * Scans buf from `from`; returns where scanning must resume (buf.length when all was read). `last` says
   * no more bytes follow: an unfinished construct then ends the scan, as it always has.
   */
  scan(buf: Buffer, from: number, last: boolean): number {
    let i = buf.indexOf(0x3c, from); // '<'
    while (i >= 0 && this.problem === undefined) {
      if (i + 1 >= buf.length) return last ? buf.length : i;
      const next = buf[i + 1];
      let end: number;
      if (next === 0x2f) {
        // '</name>'
        end = buf.indexOf(0x3e, i);
        if (end < 0 && !last) return i;
        this.depth--;
      } else if (next === 0x3f) {
        end = buf.indexOf('?>', i + 2);
      } else if (next === 0x21) {
        if (i + 9 > buf.length && !last) return i;
        const head = buf.toString('latin1', i, i + 9);
        if (head.startsWith('<!--')) end = skipPast(buf, '-->', i + 4);
        else if (head === '<![CDATA[') end = skipPast(buf, ']]>', i + 9);
        else if (/^<!doctype/i.test(head)) {
          this.problem = 'dtd';
          return buf.length;
        } else end = buf.indexOf(0x3e, i);
      } else {
        end = buf.indexOf(0x3e, i);
        if (end >= 0 && buf[end - 1] !== 0x2f) {
          this.depth++;
          if (this.depth > this.maxDepth) this.problem = this.depth;
        }
      }
      if (end < 0) return last ? buf.length : i;
      i = buf.indexOf(0x3c, end + 1);
    }
    return buf.length;
  }
}

/** Index of the last character of `marker` after `from`, or -1. */
function skipPast(buf: Buffer, marker: string, from: number): number {
  const at = buf.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length - 1;
}
