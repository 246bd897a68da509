import * as zlib from 'node:zlib';
import type { Inflate as PakoInflate } from 'pako';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { changeWith, megabytes, sizeText, ZIP_RATIO_FLOOR, type ReadLimits } from '../io/read-limits';
import { XmlDepthScan, xmlNestingProblem } from './xml-depth';

/**
 * Checks a zip workbook (.xlsx, .xlsm, .ods) before SheetJS sees it. SheetJS trusts the archive: a
 * truncated file makes it loop for ever, and a zip bomb (a sharedStrings part that inflates to gigabytes)
 * is inflated in full. Here the central directory is read first (entry count, declared sizes and ratios),
 * then every entry is inflated with its declared size as a hard cap, so no entry can expand beyond what
 * was checked, and every XML part is scanned for nesting depth and DTDs.
 */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  crc: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export interface ZipWorkbookFacts {
  entries: ZipEntryInfo[];
  /**
   * Whether cell styles must be read: an .xlsx whose styles part has a solid fill or whose sheets hide rows
   * (or an .ods, whose styles live elsewhere). Without one, the parser is spared its per-cell style work, which is most of its time
   * (and, with no styles part at all, an exception per cell).
   */
  needsStyles: boolean;
  /**
   * The inflated bytes of an Excel workbook's small parts (the fast reader uses them; no second inflate).
   * Its worksheets are not among them: each is inflated and checked when it is read (`inflateEntry`), one
   * at a time, so a big workbook's sheets are never all in memory together.
   */
  contents?: Map<string, Buffer>;
  /** The entries left to be checked when read (the worksheets of an Excel workbook). */
  deferred?: Set<string>;
}

/**
 * A worksheet or the shared strings of an Excel workbook: the big parts, read by the fast reader itself a
 * piece at a time (streamEntry), never held whole.
 */
export const isWorksheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === 'xl/sharedStrings.xml';

export function checkZipWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits): ZipWorkbookFacts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf, file, limits);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > limits.zipMaxUncompressedBytes)
      throw new UnreadableInputError(file, `the workbook expands to more than ${megabytes(limits.zipMaxUncompressedBytes)} (zip entries' declared sizes add up past the limit) ${changeWith('zipMaxUncompressedBytes')}`);
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > ZIP_RATIO_FLOOR && ratio > limits.zipMaxRatio)
      throw new UnreadableInputError(file, `zip entry ${e.name} expands ${Math.round(ratio)} times (${sizeText(e.compressedSize)} to ${sizeText(e.size)}), over the ratio limit of ${limits.zipMaxRatio}: this looks like a zip bomb ${changeWith('zipMaxRatio')}`);
  }
  const excel = entries.some((e) => e.name === 'xl/workbook.xml');
  let needsStyles = !excel;
  const keep = excel ? new Map<string, Buffer>() : undefined;
  const deferred = new Set<string>();
  for (const e of entries) {
    if (excel && isWorksheetPart(e.name)) {
      deferred.add(e.name);
      continue;
    }
    const content = checkEntryContent(buf, e, file, limits);
    keep?.set(e.name, content);
    if (e.name === 'xl/styles.xml' && content.includes('"solid"')) needsStyles = true;
  }
  return { entries, needsStyles, ...(keep ? { contents: keep, deferred } : {}) };
}

/** One entry's bytes, inflated and checked as every entry is (declared size as a hard cap, depth, no DTD). */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo, file: string, limits: ReadLimits): Buffer {
  return checkEntryContent(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), entry, file, limits);
}

/**
 * Checks the entries left for later before another parser (SheetJS) sees the whole archive, and says
 * whether it must read styles: the parser reports hidden rows and columns only when it does.
 */
export function checkDeferred(bytes: Uint8Array, facts: ZipWorkbookFacts, file: string, limits: ReadLimits): void {
  for (const e of facts.entries) {
    if (!facts.deferred?.has(e.name)) continue;
    const content = inflateEntry(bytes, e, file, limits);
    if (content.includes('hidden="') && /<(row|col) [^>]*hidden="(1|true)"/.test(content.toString('latin1'))) facts.needsStyles = true;
  }
  facts.deferred?.clear();
}

function fail(file: string, what: string): never {
  throw new UnreadableInputError(file, `not a readable workbook: the zip archive is truncated or damaged (${what})`);
}

function centralDirectory(buf: Buffer, file: string, limits: ReadLimits): ZipEntryInfo[] {
  const eocd = findEocd(buf);
  if (eocd < 0) fail(file, 'no central directory at its end; the file may have been cut short');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== SIG_EOCD64_LOCATOR) fail(file, 'zip64 directory locator missing');
    const at = Number(buf.readBigUInt64LE(locator + 8));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== SIG_EOCD64) fail(file, 'zip64 directory missing');
    count = Number(buf.readBigUInt64LE(at + 32));
    cdSize = Number(buf.readBigUInt64LE(at + 40));
    cdOffset = Number(buf.readBigUInt64LE(at + 48));
  }
  if (count > limits.zipMaxEntries)
    throw new UnreadableInputError(file, `the zip archive has ${count} entries, over the limit of ${limits.zipMaxEntries} ${changeWith('zipMaxEntries')}`);
  if (cdOffset + cdSize > buf.length) fail(file, 'central directory lies past the end of the file');
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) fail(file, `directory entry ${i + 1} of ${count} is missing`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen > buf.length) fail(file, `directory entry ${i + 1} runs past the end`);
    const entry: ZipEntryInfo = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      crc: buf.readUInt32LE(p + 16),
    };
    applyZip64Extra(entry, buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The end-of-central-directory record: in the last 22 bytes, or before a comment of up to 65,535 bytes. */
function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p--) if (buf.readUInt32LE(p) === SIG_EOCD) return p;
  return -1;
}

/** Sizes and offsets of 0xFFFFFFFF live in the zip64 extra field (id 1), in this order. */
function applyZip64Extra(entry: ZipEntryInfo, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        const v = q + 8 <= p + 4 + len && q + 8 <= extra.length ? Number(extra.readBigUInt64LE(q)) : undefined;
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
      return;
    }
    p += 4 + len;
  }
}

/**
 * The pieces streamEntry works in: compressed bytes inflated per step, the most XML handed on at once, and
 * the step through a stored (uncompressed) entry. Tests make them tiny, to cut the XML at every place.
 * An entry of at most `native` bytes is inflated whole by Node's zlib (every workbook a council keeps by
 * hand): faster than a JavaScript inflater, and pako is not even loaded. Only a bigger one is inflated a
 * piece at a time, as Node's own zlib cannot do synchronously.
 */
export const streamPieces = { compressed: 64 * 1024, inflated: 1024 * 1024, stored: 1024 * 1024, native: 8 * 1024 * 1024 };

/**
 * One entry inflated a piece at a time, each piece handed to `onPiece` as it comes, with every check
 * inflateEntry makes (declared size as a hard cap, nesting depth, no DTD). The checks win over whatever
 * the reader makes of the pieces: when the reader throws, or a check fails part-way, the rest is still
 * inflated and checked, and the archive's fault is the one reported, as when the entry was read whole.
 */
export function streamEntry(bytes: Uint8Array, e: ZipEntryInfo, file: string, limits: ReadLimits, onPiece: (piece: Buffer, last: boolean) => void): void {
  const data = entryData(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), e, file);
  const depth = /\.(xml|rels|vml)$/i.test(e.name) ? new XmlDepthScan(limits.xmlMaxDepth) : undefined;
  const inflatedPiece = streamPieces.inflated;
  let unscanned: Buffer[] = [];
  let unscannedBytes = 0;
  let total = 0;
  let failure: { error: unknown } | undefined;
  const deliver = (piece: Buffer, last: boolean) => {
    total += piece.length;
    if (total > e.size) tooBig(file, e);
    // A long unfinished construct (a comment) is joined to the next piece only when that piece can end it.
    if (depth && depth.problem === undefined && !last && unscannedBytes > inflatedPiece && !piece.includes(0x3e)) {
      unscanned.push(piece);
      unscannedBytes += piece.length;
    } else if (depth && depth.problem === undefined) {
      const scanned = unscanned.length ? Buffer.concat([...unscanned, piece]) : piece;
      const stop = depth.scan(scanned, 0, last);
      // A copy: the few bytes of an unfinished tag must not keep the whole piece alive.
      unscanned = stop < scanned.length ? [Buffer.from(scanned.subarray(stop))] : [];
      unscannedBytes = scanned.length - stop;
    }
    if (failure || depth?.problem !== undefined) return;
    try {
      onPiece(piece, last);
    } catch (error) {
      failure = { error };
    }
  };
  const { compressed, inflated, stored } = streamPieces;
  if (e.method === 0) for (let at = 0; at < data.length || at === 0; at += stored) deliver(data.subarray(at, at + stored), at + stored >= data.length);
  else if (e.method !== 8) throw new UnreadableInputError(file, `not a readable workbook: zip entry ${e.name} uses compression method ${e.method}, which Excel and LibreOffice do not write`);
  else if (e.size <= streamPieces.native) {
    const content = inflateRaw(data, e, file);
    for (let at = 0; at < content.length; at += inflated) deliver(content.subarray(at, at + inflated), false);
    deliver(Buffer.alloc(0), true);
  } else {
    // pako: zlib's own streams are asynchronous, and every read here is synchronous.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for an entry too big to inflate whole
    const { Inflate } = require('pako') as { Inflate: typeof PakoInflate };
    const inflater = new Inflate({ raw: true, chunkSize: inflated });
    inflater.onData = (piece: Uint8Array) => deliver(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), false);
    // Never pushed as the last piece: pako ends the stream only on reaching its end mark, so a cut-short
    // entry is told from a whole one (zlib's "unexpected end of file").
    for (let at = 0; at < data.length && !inflater.ended; at += compressed) inflater.push(data.subarray(at, at + compressed), false);
    if (inflater.err || !inflater.ended) fail(file, `entry ${e.name} does not inflate: its compressed data is damaged`);
    deliver(Buffer.alloc(0), true);
  }
  if (total !== e.size) fail(file, `entry ${e.name} holds ${total} bytes where its directory declares ${e.size}`);
  if (depth) nestingCheck(depth.problem, e, file, limits);
  if (failure) throw failure.error;
}

function tooBig(file: string, e: ZipEntryInfo): never {
  throw new UnreadableInputError(file, `zip entry ${e.name} expands beyond the ${sizeText(e.size)} its directory declares: the archive is forged or damaged`);
}

function nestingCheck(problem: number | 'dtd' | undefined, e: ZipEntryInfo, file: string, limits: ReadLimits): void {
  if (problem === 'dtd') throw new UnreadableInputError(file, `zip entry ${e.name} declares a DTD (<!DOCTYPE>), which workbooks never contain; refused so entity expansion cannot run`);
  if (problem !== undefined)
    throw new UnreadableInputError(file, `zip entry ${e.name} nests XML elements ${problem} deep, over the limit of ${limits.xmlMaxDepth} ${changeWith('xmlMaxDepth')}`);
}

/** An entry's stored bytes, after its local header. */
function entryData(buf: Buffer, e: ZipEntryInfo, file: string): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== SIG_LOCAL) fail(file, `entry ${e.name} is missing`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) fail(file, `entry ${e.name} runs past the end of the file`);
  return buf.subarray(start, start + e.compressedSize);
}

function inflateRaw(data: Buffer, e: ZipEntryInfo, file: string): Buffer {
  try {
    // maxOutputLength stops zlib the moment the output passes the declared size.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') tooBig(file, e);
    fail(file, `entry ${e.name} does not inflate: its compressed data is damaged`);
  }
}

/** Inflates one entry capped at its declared size (a lying directory cannot smuggle a bomb past the checks). */
function checkEntryContent(buf: Buffer, e: ZipEntryInfo, file: string, limits: ReadLimits): Buffer {
  const data = entryData(buf, e, file);
  let content: Buffer;
  if (e.method === 0) content = data;
  else if (e.method === 8) content = inflateRaw(data, e, file);
  else throw new UnreadableInputError(file, `not a readable workbook: zip entry ${e.name} uses compression method ${e.method}, which Excel and LibreOffice do not write`);
  if (content.length !== e.size) fail(file, `entry ${e.name} holds ${content.length} bytes where its directory declares ${e.size}`);
  if (/\.(xml|rels|vml)$/i.test(e.name)) nestingCheck(xmlNestingProblem(content, limits.xmlMaxDepth), e, file, limits);
  return content;
}
