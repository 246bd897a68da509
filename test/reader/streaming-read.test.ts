/**
 * Worksheets and shared strings are inflated and read a piece at a time (zip-guard.ts streamEntry,
 * xlsx-fast.ts), never held whole (issue 17). Cut into pieces of a few bytes, so every tag, value and
 * multi-byte character is split somewhere, a workbook must read exactly as it does in big pieces, and a
 * damaged entry must be refused with the words the whole-entry check used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readWorkbook } from '../../src/readers/read-workbook';
import { checkZipWorkbook, inflateEntry, streamEntry, streamPieces } from '../../src/readers/zip-guard';
import { XmlDepthScan, xmlNestingProblem } from '../../src/readers/xml-depth';
import { DEFAULT_READ_LIMITS } from '../../src/io/read-limits';
import { bigPlan } from '../../src/bench/hostile-inputs';
import { planWorkbook } from '../../src/bench/read-plan.bench';
import { writeWorkbook } from '../../src/samples/xlsx-writer';
import type { RawWorkbook } from '../../src/readers/raw';

const ROOT = path.resolve(__dirname, '..', '..');
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const samples = walk(path.join(ROOT, 'data'))
  .filter((f) => f.endsWith('.xlsx') && !/encrypted|not-a-spreadsheet|empty\.xlsx/.test(f))
  .map((f) => path.relative(ROOT, f));

const DEFAULT_PIECES = { ...streamPieces };
afterEach(() => Object.assign(streamPieces, DEFAULT_PIECES));

function plain(wb: RawWorkbook): string {
  return JSON.stringify({ sheets: wb.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges })), notes: wb.notes ?? [] });
}

// native 0: every entry goes through the piece-at-a-time inflater, however small.
function inTinyPieces<T>(read: () => T, pieces = { compressed: 7, inflated: 13, stored: 5, native: 0 }): T {
  Object.assign(streamPieces, pieces);
  try {
    return read();
  } finally {
    Object.assign(streamPieces, DEFAULT_PIECES);
  }
}

/** The error text a read throws, or "" when it reads. */
function failure(read: () => unknown): string {
  try {
    read();
    return '';
  } catch (e) {
    return String((e as Error).message);
  }
}

describe('reading a worksheet a piece at a time', () => {
  it('has sample workbooks to read', () => expect(samples.length).toBeGreaterThanOrEqual(10));

  it.each(samples)('%s reads the same in pieces of a few bytes', (file) => {
    const bytes = fs.readFileSync(path.join(ROOT, file));
    const whole = plain(readWorkbook(bytes, { fileName: file }));
    expect(inTinyPieces(() => plain(readWorkbook(bytes, { fileName: file })))).toBe(whole);
  });

  it('a plan in inline strings and one in shared strings read the same in pieces', async () => {
    for (const bytes of [await planWorkbook(300), bigPlan(300)]) {
      const whole = readWorkbook(bytes, { fileName: 'plan.xlsx' });
      expect(whole.sheets[0]!.rows.filter(Boolean).length).toBeGreaterThan(300);
      expect(inTinyPieces(() => plain(readWorkbook(bytes, { fileName: 'plan.xlsx' })))).toBe(plain(whole));
    }
  });

  it('text with multi-byte characters, escapes and line breaks survives being cut anywhere', async () => {
    const rows = [['Ref', 'Action', 'Lead'], ['1.1', 'Café “quotes” – dash & <angle> ünïcödé 👍', 'Siân Öztürk'], ['1.2', 'Line one\nline two', 'A & B']];
    const bytes = await writeWorkbook([{ name: 'Plan', rows }], new Date('2024-01-01T00:00:00Z'));
    const whole = readWorkbook(bytes, { fileName: 'chars.xlsx' });
    expect(whole.sheets[0]!.rows[1]![1]!.text).toBe('Café “quotes” – dash & <angle> ünïcödé 👍');
    for (const inflated of [1, 2, 3, 5, 64]) expect(inTinyPieces(() => plain(readWorkbook(bytes, { fileName: 'chars.xlsx' })), { compressed: 3, inflated, stored: 1, native: 0 })).toBe(plain(whole));
  });

  it('hands on the inflated bytes of every entry exactly', async () => {
    const bytes = bigPlan(500);
    const facts = checkZipWorkbook(bytes, 'plan.xlsx', DEFAULT_READ_LIMITS);
    // Through the piece-at-a-time inflater (native 0) and through Node's zlib whole, then cut into pieces.
    for (const native of [0, DEFAULT_PIECES.native])
      for (const entry of facts.entries) {
        const pieces: Buffer[] = [];
        inTinyPieces(() => streamEntry(bytes, entry, 'plan.xlsx', DEFAULT_READ_LIMITS, (p) => pieces.push(Buffer.from(p))), { compressed: 101, inflated: 333, stored: 77, native });
        expect(Buffer.concat(pieces).equals(inflateEntry(bytes, entry, 'plan.xlsx', DEFAULT_READ_LIMITS))).toBe(true);
        expect(pieces.length).toBeGreaterThan(entry.size > 1000 ? 2 : 0);
      }
    expect(facts.entries.length).toBeGreaterThan(3);
  });
});

/** A copy of `bytes` with the worksheet's compressed data changed by `change` (same length). */
function withDamagedSheet(bytes: Buffer, change: (data: Buffer) => void): Buffer {
  const copy = Buffer.from(bytes);
  const facts = checkZipWorkbook(copy, 'plan.xlsx', DEFAULT_READ_LIMITS);
  const entry = facts.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const p = entry.localOffset;
  const start = p + 30 + copy.readUInt16LE(p + 26) + copy.readUInt16LE(p + 28);
  change(copy.subarray(start, start + entry.compressedSize));
  return copy;
}

describe('a damaged worksheet read a piece at a time', () => {
  it('compressed data cut short: "does not inflate", as the whole-entry check says', async () => {
    const good = await planWorkbook(2000);
    // The deflate stream's second half zeroed: what a file cut short and padded looks like to zlib.
    const bad = withDamagedSheet(good, (data) => data.fill(0, Math.floor(data.length / 2)));
    const facts = checkZipWorkbook(bad, 'plan.xlsx', DEFAULT_READ_LIMITS);
    const entry = facts.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const whole = failure(() => inflateEntry(bad, entry, 'plan.xlsx', DEFAULT_READ_LIMITS));
    expect(whole).toContain('xl/worksheets/sheet1.xml');
    expect(failure(() => streamEntry(bad, entry, 'plan.xlsx', DEFAULT_READ_LIMITS, () => undefined))).toBe(whole);
    expect(failure(() => readWorkbook(bad, { fileName: 'plan.xlsx' }))).toContain(whole.replace(/^.*?: /, ''));
  });

  it('a directory that declares less than the entry holds: refused as "expands beyond", in pieces too', async () => {
    const bytes = Buffer.from(await planWorkbook(200));
    const facts = checkZipWorkbook(bytes, 'plan.xlsx', DEFAULT_READ_LIMITS);
    const entry = { ...facts.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')! };
    entry.size -= 10;
    const whole = failure(() => inflateEntry(bytes, entry, 'plan.xlsx', DEFAULT_READ_LIMITS));
    expect(whole).toContain('expands beyond');
    expect(failure(() => inTinyPieces(() => streamEntry(bytes, entry, 'plan.xlsx', DEFAULT_READ_LIMITS, () => undefined)))).toBe(whole);
    entry.size += 20;
    const more = failure(() => inflateEntry(bytes, entry, 'plan.xlsx', DEFAULT_READ_LIMITS));
    expect(more).toContain('where its directory declares');
    expect(failure(() => streamEntry(bytes, entry, 'plan.xlsx', DEFAULT_READ_LIMITS, () => undefined))).toBe(more);
  });

  it('the archive\'s fault wins over what the reader made of the pieces before it', async () => {
    const bad = withDamagedSheet(await planWorkbook(2000), (data) => data.fill(0, Math.floor(data.length / 2)));
    const facts = checkZipWorkbook(bad, 'plan.xlsx', DEFAULT_READ_LIMITS);
    const entry = facts.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const said = failure(() =>
      streamEntry(bad, entry, 'plan.xlsx', DEFAULT_READ_LIMITS, () => {
        throw new Error('the reader gave up');
      }),
    );
    expect(said).toContain('does not inflate');
  });
});

describe('nesting depth scanned a piece at a time', () => {
  const deep = (n: number) => `<?xml version="1.0"?><a>${'<b x="1">'.repeat(n)}<!-- <c><c><c> -->${'</b>'.repeat(n)}<![CDATA[<d><d>]]></a>`;
  const cases: [string, string][] = [
    ['within the limit', deep(50)],
    ['past the limit', deep(150)],
    ['a DTD', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'],
    ['a comment never closed', `<a>${'<b>'.repeat(10)}<!-- ${'<c>'.repeat(300)}`],
    ['self-closing tags', `<a>${'<b/>'.repeat(500)}</a>`],
  ];
  it.each(cases)('%s: the same answer in any size of piece', (_name, xml) => {
    const bytes = Buffer.from(xml);
    const whole = xmlNestingProblem(bytes, 100);
    for (const size of [1, 2, 3, 7, 10, 64]) {
      const scan = new XmlDepthScan(100);
      let unscanned = Buffer.alloc(0);
      for (let at = 0; at < bytes.length; at += size) {
        const buf = Buffer.concat([unscanned, bytes.subarray(at, at + size)]);
        const stop = scan.scan(buf, 0, at + size >= bytes.length);
        unscanned = buf.subarray(stop);
      }
      expect(scan.problem).toBe(whole);
    }
  });

  it('a worksheet nested too deep is refused with the limit named, read in pieces', () => {
    const sheet = `<?xml version="1.0"?><worksheet><sheetData>${'<x>'.repeat(120)}${'</x>'.repeat(120)}</sheetData></worksheet>`;
    const bytes = Buffer.from(sheet);
    const entry = { name: 'xl/worksheets/sheet1.xml', method: 8, compressedSize: 0, size: bytes.length, localOffset: 0, crc: 0 };
    const data = zlib.deflateRawSync(bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const zip = Buffer.concat([local, data]);
    entry.compressedSize = data.length;
    const whole = failure(() => inflateEntry(zip, entry, 'deep.xlsx', DEFAULT_READ_LIMITS));
    expect(whole).toContain('nests XML elements 101 deep');
    expect(failure(() => inTinyPieces(() => streamEntry(zip, entry, 'deep.xlsx', DEFAULT_READ_LIMITS, () => undefined)))).toBe(whole);
  });
});
