import * as zlib from 'node:zlib';

/**
 * WOFF 1.0 to the plain TrueType/OpenType file it wraps (W3C WOFF: a header, a table directory, each table
 * zlib-compressed unless its stored length equals its original length). fontkit inflates WOFF tables with a
 * pure-JavaScript inflater on every parse, which was a second of CPU per build; Node's zlib does it once.
 * Bytes that are not WOFF are returned unchanged.
 */
export function sfntFromWoff(data: Buffer): Buffer {
  if (data.length < 44 || data.readUInt32BE(0) !== 0x774f4646) return data;
  const flavor = data.readUInt32BE(4);
  const numTables = data.readUInt16BE(12);
  const tables: { tag: number; checksum: number; body: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = data.readUInt32BE(at + 4);
    const compLength = data.readUInt32BE(at + 8);
    const origLength = data.readUInt32BE(at + 12);
    const stored = data.subarray(offset, offset + compLength);
    const body = compLength === origLength ? stored : zlib.inflateSync(stored);
    if (body.length !== origLength) throw new Error('WOFF table length does not match its directory');
    tables.push({ tag: data.readUInt32BE(at), checksum: data.readUInt32BE(at + 16), body });
  }
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(t.tag, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.body.length, at + 12);
    const padded = Buffer.alloc((t.body.length + 3) & ~3);
    t.body.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
