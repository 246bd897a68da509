import type { MergeRange, RawSheet, RawWorkbook, ReadNote } from './raw';
import { SheetCollector, type ParsedCell, type SheetReadOptions } from './cells';
import { streamEntry, type ZipWorkbookFacts } from './zip-guard';
import { refuseDuplicateNames } from './sheet-names';
import { formatNumber, isoSerial } from './number-format';
import { rangeOf } from './cell-address';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../io/read-limits';
import { parseStyles, type Styles } from './xlsx-styles';
import { decodeXml, unescapeXml } from './xml-text';

/**
 * The .xlsx reader. SheetJS builds a sheet as one string and an object per cell before we copy it (a
 * 200,000-row sheet took 1.9 GB); here the workbook, styles and theme parts are read directly, and each
 * worksheet is inflated alone and walked row by row over its bytes, every value decoded straight into the
 * sheet's compact store (sheet-store.ts). SheetJS is not loaded at all. Anything this reader does not
 * expect (a gradient fill, a cell type it does not know) returns undefined and the caller reads the whole
 * workbook with SheetJS instead, so this path can only be faster, never different.
 */
export function readXlsxFast(bytes: Uint8Array, file: string, zip: ZipWorkbookFacts, options: Omit<SheetReadOptions, 'notes'>, limits: ReadLimits = DEFAULT_READ_LIMITS): RawWorkbook | undefined {
  const { entries, contents } = zip;
  if (!contents) return undefined;
  const part = (name: string) => contents.get(name);
  const rels = part('xl/_rels/workbook.xml.rels')?.toString('utf8');
  const workbookXml = part('xl/workbook.xml')?.toString('utf8');
  if (!rels || !workbookXml) return undefined;
  const targets = relationshipTargets(rels);
  const listed = sheetsOf(workbookXml);
  if (!listed) return undefined;
  refuseDuplicateNames(listed.map((s) => s.name), file);
  const themeXml = part(targetOf(targets, 'theme') ?? 'xl/theme/theme1.xml');
  const stylesXml = part(targetOf(targets, 'styles') ?? 'xl/styles.xml');
  const styles = parseStyles(stylesXml?.toString('utf8'), themeXml?.toString('utf8'));
  if (!styles) return undefined;
  const strings = readSharedStrings(bytes, zip, targetOf(targets, 'sharedStrings') ?? 'xl/sharedStrings.xml', file, limits);
  const notes: ReadNote[] = [];
  const sheets: RawSheet[] = [];
  for (const meta of listed) {
    const target = targets.get(meta.rid)?.target;
    const entry = target ? entries.find((e) => e.name === target) : undefined;
    if (!entry) return undefined;
    if (meta.hidden && !options.includeHidden) {
      notes.push({ kind: 'hidden-sheet', sheet: meta.name });
      continue;
    }
    // Inflated here a piece at a time, with the guard's checks, each piece's rows stored as it comes.
    const reader = new SheetXmlReader(meta.name, strings, styles, { ...options, notes });
    if (zip.deferred?.has(entry.name)) streamEntry(bytes, entry, file, limits, (piece, last) => reader.push(piece, last));
    else {
      const xml = part(entry.name);
      if (!xml) return undefined;
      reader.push(xml, true);
    }
    const sheet = reader.finish();
    if (!sheet) return undefined;
    sheets.push(sheet);
  }
  return { file, sheets, ...(notes.length ? { notes } : {}) };
}

interface Relationship {
  target: string;
  type: string;
}

function relationshipTargets(rels: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) out.set(id, { target: target.startsWith('/') ? target.slice(1) : `xl/${target}`, type: attr(m[0], 'Type') ?? '' });
  }
  return out;
}

/** Where the workbook's relationships put a part of this type (styles, theme, sharedStrings), if they say. */
function targetOf(targets: Map<string, Relationship>, type: string): string | undefined {
  for (const rel of targets.values()) if (rel.type.endsWith(`/${type}`)) return rel.target;
  return undefined;
}

/** The workbook's sheets in order: name, relationship id, hidden (state hidden or veryHidden). */
function sheetsOf(xml: string): { name: string; rid: string; hidden: boolean }[] | undefined {
  const out: { name: string; rid: string; hidden: boolean }[] = [];
  const block = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml)?.[1];
  if (block === undefined) return undefined;
  for (const m of block.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = /\s[A-Za-z_][\w.-]*:id="([^"]*)"/.exec(m[0])?.[1];
    if (name === undefined || !rid) return undefined;
    const state = attr(m[0], 'state');
    out.push({ name: unescapeXml(name), rid, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return out;
}

/**
 * The shared strings (a list as long as the workbook's distinct texts), read from their part a piece at a
 * time when it was left for the reader (zip-guard.ts), so the part's XML is never held whole.
 */
function readSharedStrings(bytes: Uint8Array, zip: ZipWorkbookFacts, name: string, file: string, limits: ReadLimits): string[] {
  const out: string[] = [];
  const entry = zip.deferred?.has(name) ? zip.entries.find((e) => e.name === name) : undefined;
  if (!entry) {
    const xml = zip.contents?.get(name);
    if (xml) sharedStrings(xml, out);
    return out;
  }
  let pending: Buffer[] = [];
  let done = false;
  streamEntry(bytes, entry, file, limits, (piece, last) => {
    if (done) return;
    if (!last && !endsSomething(pending, piece, '</si>')) {
      pending.push(piece);
      return;
    }
    const xml = pending.length ? Buffer.concat([...pending, piece]) : piece;
    const close = xml.lastIndexOf(tag('</si>'));
    const end = last ? xml.length : close < 0 ? 0 : close + 5;
    // Strings are read only from whole <si> items; the unfinished one waits for the next piece.
    done = !sharedStrings(xml.subarray(0, end), out);
    pending = end < xml.length ? [Buffer.from(xml.subarray(end))] : [];
  });
  return out;
}

/**
 * The shared strings in xml, each <si>'s text runs joined, phonetic guides (<rPh>) left out, as Excel shows
 * them, added to `out`; false when an item is cut short (the rest of the part is not read, as before).
 */
function sharedStrings(xml: Buffer, out: string[]): boolean {
  const phonetic = xml.includes(tag('<rPh'));
  for (let at = xml.indexOf(tag('<si')); at >= 0; ) {
    const after = xml[at + 3];
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) {
      at = xml.indexOf(tag('<si'), at + 3);
      continue;
    }
    const open = xml.indexOf(0x3e, at);
    if (open < 0) return false;
    if (xml[open - 1] === 0x2f) {
      out.push('');
      at = xml.indexOf(tag('<si'), open);
      continue;
    }
    const close = xml.indexOf(tag('</si>'), open);
    if (close < 0) return false;
    out.push(textRuns(xml, open + 1, close, phonetic ? phoneticRuns(xml, open + 1, close) : undefined));
    at = xml.indexOf(tag('<si'), close + 5);
  }
  return true;
}

/** Where <rPh> phonetic guides lie between start and end (they hold <t> runs Excel does not show). */
function phoneticRuns(xml: Buffer, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = find(xml, '<rPh', start, end); i >= 0; i = find(xml, '<rPh', i + 4, end)) {
    const close = find(xml, '</rPh>', i, end);
    out.push([i, close < 0 || close > end ? end : close]);
  }
  return out;
}

/** The text of every <t> between start and end, joined, leaving out those inside `skip`. */
function textRuns(xml: Buffer, start: number, end: number, skip: [number, number][] = []): string {
  let text = '';
  for (let i = find(xml, '<t', start, end); i >= 0; i = find(xml, '<t', i + 2, end)) {
    const after = xml[i + 2];
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) continue;
    const open = xml.indexOf(0x3e, i);
    if (open < 0 || open >= end) break;
    if (xml[open - 1] === 0x2f) continue; // <t/>
    const close = find(xml, '</t>', open, end);
    if (close < 0) break;
    if (!skip.some(([a, b]) => i > a && i < b)) text += decodeXml(xml, open + 1, close);
    i = close;
  }
  return text;
}

const ATTRS = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
}

const R_ATTR = Buffer.from('r="', 'latin1');
const S_ATTR = Buffer.from('s="', 'latin1');
const T_ATTR = Buffer.from('t="', 'latin1');

/** What `\s` matches among latin1 characters (tab to carriage return, space, no-break space). */
const isSpace = (b: number | undefined) => b !== undefined && ((b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0);

/**
 * Where the value of an attribute lies in xml[from, end) (a tag), as attr() would find it in the tag's
 * text: the first `name="value"` after white space, value up to the next quote. `prefix` is `name="`.
 */
function attrRange(xml: Buffer, from: number, end: number, prefix: Buffer): [number, number] | undefined {
  const first = prefix[0];
  for (let i = from; i + prefix.length < end; i++) {
    if (xml[i + 1] !== first || !isSpace(xml[i]) || !startsAt(xml, prefix, i + 1)) continue;
    const start = i + 1 + prefix.length;
    const close = xml.indexOf(0x22, start);
    if (close >= 0 && close < end) return [start, close];
  }
  return undefined;
}

/** columnOfRef (cell-address.ts) over bytes: the 0-based column of "AB12", -1 without letters. */
function columnOfBytes(xml: Buffer, start: number, end: number): number {
  let c = 0;
  let i = start;
  for (; i < end; i++) {
    const code = xml[i]! & ~0x20;
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return i === start ? -1 : c - 1;
}

/** Number() of the bytes as text: plain digits added up, anything else handed to Number itself. */
function numberOfBytes(xml: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml[i]! - 48;
    if (d < 0 || d > 9) return Number(xml.toString('latin1', start, end));
    n = n * 10 + d;
  }
  return n;
}

/** Search strings as bytes, made once: Buffer.indexOf with a string encodes it on every call. */
const TAGS = new Map<string, Buffer>();
function tag(text: string): Buffer {
  let bytes = TAGS.get(text);
  if (!bytes) TAGS.set(text, (bytes = Buffer.from(text, 'latin1')));
  return bytes;
}

/**
 * `needle` between from and end, or -1. Bounded, so a search for something a cell does not hold (a <v> in
 * a formula-only cell, an <rPh> in a table without phonetic guides) never runs on through the whole part:
 * done once per cell or string, that would be quadratic in the part's size.
 */
function find(xml: Buffer, needle: string, from: number, end: number): number {
  if (from >= end) return -1;
  const bytes = tag(needle);
  // Usually the tag sought is the next one: values and text hold no raw '<', and tags are never far apart.
  // Hopping from '<' to '<' keeps the search within end without a view of the range for each search.
  for (let lt = xml[from] === 0x3c ? from : xml.indexOf(0x3c, from); lt >= 0 && lt + bytes.length <= end; lt = xml.indexOf(0x3c, lt + 1))
    if (startsAt(xml, bytes, lt)) return lt;
  return -1;
}

function startsAt(xml: Buffer, bytes: Buffer, at: number): boolean {
  if (at + bytes.length > xml.length) return false;
  for (let k = 0; k < bytes.length; k++) if (xml[at + k] !== bytes[k]) return false;
  return true;
}

const isNameEnd = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;

/** Columns marked hidden in the sheet's <cols> (0-based). */
function hiddenColumnsOf(head: string): Set<number> {
  const out = new Set<number>();
  for (const m of head.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
    const hidden = attr(m[0], 'hidden');
    if (hidden !== '1' && hidden !== 'true') continue;
    const min = Number(attr(m[0], 'min'));
    const max = Math.min(Number(attr(m[0], 'max')), 16384);
    if (Number.isInteger(min) && Number.isInteger(max)) for (let c = min; c <= max; c++) out.add(c - 1);
  }
  return out;
}

/**
 * One worksheet's XML to cells as it is inflated, a row at a time over its bytes: each piece's complete
 * rows are stored, and only the unfinished row after them is kept for the next piece, so the part is never
 * held whole (60 MB for a 200,000-row plan). Undefined from finish() when not as Excel writes it.
 */
class SheetXmlReader {
  private pending: Buffer[] = [];
  private phase: 'head' | 'rows' | 'tail' | 'declined' = 'head';
  private out: SheetCollector | undefined;
  private nextRow = 0;
  private readonly tail: Buffer[] = [];

  constructor(
    private readonly name: string,
    private readonly strings: string[],
    private readonly styles: Styles,
    private readonly options: SheetReadOptions,
  ) {}

  push(piece: Buffer, last: boolean): void {
    if (this.phase === 'declined') return;
    if (this.phase === 'tail') {
      this.tail.push(piece);
      return;
    }
    // A piece that ends no row (one long row, a long head) is only set aside: joining the pieces on
    // every push would copy a long row over and over.
    const marker = this.phase === 'head' ? '<sheetData' : '</row>';
    if (!last && !endsSomething(this.pending, piece, marker)) {
      this.pending.push(piece);
      return;
    }
    const xml = this.pending.length ? Buffer.concat([...this.pending, piece]) : piece;
    this.pending = [];
    let from = 0;
    if (this.phase === 'head') {
      const dataStart = xml.indexOf(tag('<sheetData'));
      if (dataStart < 0) {
        if (last) this.phase = 'declined';
        else this.pending = [xml];
        return;
      }
      this.out = new SheetCollector(this.name, this.options, hiddenColumnsOf(xml.toString('utf8', 0, dataStart)));
      this.phase = 'rows';
      from = dataStart;
    }
    // Rows live inside <sheetData>; <rowBreaks> and the like after it are not rows.
    const dataEnd = xml.indexOf(tag('</sheetData>'), from);
    let limit = dataEnd;
    if (limit < 0 && !last) {
      const lastRow = xml.lastIndexOf(tag('</row>'));
      limit = lastRow < from ? from : lastRow + 6;
    }
    if (limit < 0) limit = xml.length;
    if (!this.rows(xml.subarray(from, limit))) {
      this.phase = 'declined';
      return;
    }
    if (dataEnd >= 0) {
      this.phase = 'tail';
      this.tail.push(xml.subarray(dataEnd));
    } else if (limit < xml.length) this.pending = [Buffer.from(xml.subarray(limit))];
  }

  finish(): RawSheet | undefined {
    if (this.phase === 'declined' || !this.out) return undefined;
    const merges: MergeRange[] = [];
    if (this.phase === 'tail') {
      const tail = Buffer.concat(this.tail).toString('latin1');
      for (const m of tail.matchAll(/<mergeCell ref="([^"]+)"/g)) {
        const range = rangeOf(m[1]!);
        if (range) merges.push(range);
      }
    }
    return this.out.finish(merges);
  }

  /** Every row in xml (whole rows only); false when one is not as Excel writes it. */
  private rows(xml: Buffer): boolean {
    const out = this.out!;
    const { strings, styles } = this;
    const limit = xml.length;
    const nextTag = (name: string, from: number, end: number) => {
      for (let i = find(xml, name, from, end); i >= 0; i = find(xml, name, i + name.length, end)) if (isNameEnd(xml[i + name.length])) return i;
      return -1;
    };
    for (let at = nextTag('<row', 0, limit); at >= 0; ) {
      const openEnd = xml.indexOf(0x3e, at);
      if (openEnd < 0) return false;
      const selfClosing = xml[openEnd - 1] === 0x2f;
      const end = selfClosing ? openEnd + 1 : xml.indexOf(tag('</row>'), openEnd);
      if (end < 0) return false;
      const head = xml.toString('latin1', at, openEnd + 1);
      const rAttr = attr(head, 'r');
      const r = rAttr ? Number(rAttr) - 1 : this.nextRow;
      if (!Number.isInteger(r) || r < 0) return false;
      this.nextRow = r + 1;
      out.startRow(r, /\shidden="(1|true)"/.test(head));
      let nextCol = 0;
      for (let c0 = selfClosing ? -1 : nextTag('<c', openEnd, end); c0 >= 0; ) {
        const cEnd = xml.indexOf(0x3e, c0);
        if (cEnd < 0 || cEnd > end) return false;
        // Attributes read off the bytes: a string of the tag and three regular expressions per cell were
        // a tenth of the read.
        const ref = attrRange(xml, c0, cEnd + 1, R_ATTR);
        const c = ref && ref[1] > ref[0] ? columnOfBytes(xml, ref[0], ref[1]) : nextCol;
        if (!Number.isInteger(c) || c < 0) return false;
        nextCol = c + 1;
        const s = attrRange(xml, c0, cEnd + 1, S_ATTR);
        const style = styles.cell(s ? numberOfBytes(xml, s[0], s[1]) : 0);
        let innerEnd = cEnd;
        let cell: ParsedCell | null | undefined = null;
        if (xml[cEnd - 1] !== 0x2f) {
          innerEnd = xml.indexOf(tag('</c>'), cEnd);
          if (innerEnd < 0 || innerEnd > end) return false;
          const t = attrRange(xml, c0, cEnd + 1, T_ATTR);
          cell = parseCell(t ? xml.toString('latin1', t[0], t[1]) : 'n', xml, cEnd + 1, innerEnd, strings, style.format);
          if (cell === undefined) return false;
        }
        out.add(c, style.fill, cell);
        c0 = nextTag('<c', innerEnd, end);
      }
      out.endRow();
      at = nextTag('<row', selfClosing ? end : end + 6, limit);
    }
    return true;
  }
}

/** Whether `marker` (or `</sheetData>`) occurs in piece, or across the join of the last part and piece. */
function endsSomething(parts: Buffer[], piece: Buffer, marker: string): boolean {
  const before = parts[parts.length - 1];
  const overlap = before ? Buffer.concat([before.subarray(Math.max(0, before.length - 12)), piece.subarray(0, 12)]) : undefined;
  for (const needle of [marker, '</sheetData>']) if (piece.includes(tag(needle)) || overlap?.includes(tag(needle))) return true;
  return false;
}

/** The text inside the first <v> between start and end, or undefined. */
function valueText(xml: Buffer, start: number, end: number): string | undefined {
  const v = find(xml, '<v', start, end);
  if (v < 0) return undefined;
  const open = xml.indexOf(0x3e, v);
  if (open < 0 || open >= end) return undefined;
  if (xml[open - 1] === 0x2f) return '';
  const close = find(xml, '</v>', open, end);
  if (close < 0) return undefined;
  return decodeXml(xml, open + 1, close);
}

/** A SheetJS-like cell for one <c>, so both paths convert cells the same way (cells.ts). */
function parseCell(type: string, xml: Buffer, start: number, end: number, strings: string[], format: string | undefined): ParsedCell | null | undefined {
  switch (type) {
    case 's': {
      const v = valueText(xml, start, end);
      if (v === undefined) return null;
      const entry = strings[Number(v)];
      return entry === undefined ? undefined : { t: 's', v: entry };
    }
    case 'inlineStr':
      return { t: 's', v: textRuns(xml, start, end) };
    case 'str': {
      const v = valueText(xml, start, end);
      return v === undefined ? null : { t: 's', v };
    }
    case 'b': {
      const v = valueText(xml, start, end);
      return v === undefined ? null : { t: 'b', v: v === '1' || v === 'true' };
    }
    case 'e': {
      const v = valueText(xml, start, end);
      return v === undefined ? null : { t: 'e', v: 0, w: v };
    }
    case 'd': {
      // An ISO date cell is the serial it names, read as written (no time zone), then formatted as numbers are.
      const v = valueText(xml, start, end);
      if (v === undefined) return null;
      const serial = isoSerial(v);
      return serial === undefined ? undefined : numberCell(serial, format);
    }
    case 'n': {
      const v = valueText(xml, start, end);
      if (v === undefined || v === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? numberCell(n, format) : undefined;
    }
    default:
      return undefined;
  }
}

function numberCell(n: number, format: string | undefined): ParsedCell {
  const z = format ?? 'General';
  return { t: 'n', v: n, z, w: formatNumber(z, n) };
}

