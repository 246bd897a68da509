import * as zlib from 'node:zlib';

/**
 * A zip written in one pass, entry by entry, with one fixed date: the DOCX package. Each entry is deflated
 * as it is added (a large body part in chunks, see PartSink), so what is held is compressed bytes, never the
 * whole uncompressed document. Entries are written in the order given; the caller fixes that order.
 */
export interface ZipEntry {
  name: string;
  /** Deflated bytes (raw deflate), in pieces. */
  data: Buffer[];
  compressedSize: number;
  size: number;
  crc: number;
}

const CHUNK = 256 * 1024;
const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 6 };
/** The final empty block that ends a stream of sync-flushed pieces. */
const END = zlib.deflateRawSync(Buffer.alloc(0));

const crc32: (data: Buffer, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (d: Buffer, v: number) => number }).crc32 : crc32Table;

let TABLE: Int32Array | undefined;
/** For Node before 20.15, which has no zlib.crc32. */
function crc32Table(data: Buffer, value: number): number {
  if (!TABLE) {
    TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * One part's text, written piece by piece and deflated every 256 KB: each piece is compressed on its own and
 * ended with a sync flush (not a final block), so the pieces concatenate into one valid deflate stream, and
 * the same text always gives the same bytes.
 */
export class PartSink {
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly data: Buffer[] = [];
  private compressed = 0;
  private size = 0;
  private crc = 0;

  constructor(readonly name: string) {}

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    this.add(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }

  private add(bytes: Buffer): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    const out = zlib.deflateRawSync(bytes, SYNC);
    this.data.push(out);
    this.compressed += out.length;
  }

  /** Binary content (an image, a template's part) in one piece. */
  bytes(bytes: Uint8Array): void {
    this.flush();
    this.add(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  close(): ZipEntry {
    this.flush();
    this.data.push(END);
    return { name: this.name, data: this.data, compressedSize: this.compressed + END.length, size: this.size, crc: this.crc };
  }
}

export function textEntry(name: string, text: string): ZipEntry {
  const sink = new PartSink(name);
  sink.write(text);
  return sink.close();
}

export function bytesEntry(name: string, bytes: Uint8Array): ZipEntry {
  const sink = new PartSink(name);
  sink.bytes(bytes);
  return sink.close();
}

/** MS-DOS date and time of a fixed instant, in UTC (as JSZip wrote them), so the zip never says when it was built. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The zip file: local headers and data, then the central directory. */
export function zipBytes(entries: ZipEntry[], date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // Bit 11: the name is UTF-8 (only set when it is not plain ASCII, as zip tools do).
    const flags = name.length === e.name.length ? 0 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    out.push(local, name, ...e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(day, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.compressedSize, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.compressedSize;
  }
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const all = Buffer.concat([...out, ...central, end]);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}
