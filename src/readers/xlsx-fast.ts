import type { MergeRange, RawSheet, RawWorkbook, ReadNote } from './raw';
import { SheetCollector, type ParsedCell, type SheetReadOptions } from './cells';
import { inflateEntry, type ZipWorkbookFacts } from './zip-guard';
import { refuseDuplicateNames } from './sheet-names';
import { formatNumber, isoSerial } from './number-format';
import { columnOfRef, rangeOf } from './cell-address';
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
  const sstXml = part(targetOf(targets, 'sharedStrings') ?? 'xl/sharedStrings.xml');
  const strings = sstXml ? sharedStrings(sstXml) : [];
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
    // Inflated here, one sheet at a time, with the guard's checks; released once its rows are stored.
    const xml = zip.deferred?.has(entry.name) ? inflateEntry(bytes, entry, file, limits) : part(entry.name);
    if (!xml) return undefined;
    const sheet = readSheetXml(meta.name, xml, strings, styles, { ...options, notes });
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

/** The shared strings: each <si>'s text runs joined, phonetic guides (<rPh>) left out, as Excel shows them. */
function sharedStrings(xml: Buffer): string[] {
  const out: string[] = [];
  const phonetic = xml.includes(tag('<rPh'));
  for (let at = xml.indexOf(tag('<si')); at >= 0; ) {
    const after = xml[at + 3];
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) {
      at = xml.indexOf(tag('<si'), at + 3);
      continue;
    }
    const open = xml.indexOf(0x3e, at);
    if (open < 0) break;
    if (xml[open - 1] === 0x2f) {
      out.push('');
      at = xml.indexOf(tag('<si'), open);
      continue;
    }
    const close = xml.indexOf(tag('</si>'), open);
    if (close < 0) break;
    out.push(textRuns(xml, open + 1, close, phonetic ? phoneticRuns(xml, open + 1, close) : undefined));
    at = xml.indexOf(tag('<si'), close + 5);
  }
  return out;
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
  const lt = xml[from] === 0x3c ? from : xml.indexOf(0x3c, from);
  if (lt < 0 || lt >= end) return -1;
  if (startsAt(xml, bytes, lt)) return lt;
  const i = xml.subarray(lt, end).indexOf(bytes);
  return i < 0 ? -1 : i + lt;
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

/** One worksheet's XML to cells, a row at a time over its bytes; undefined when not as Excel writes it. */
function readSheetXml(name: string, xml: Buffer, strings: string[], styles: Styles, options: SheetReadOptions): RawSheet | undefined {
  const dataStart = xml.indexOf(tag('<sheetData'));
  if (dataStart < 0) return undefined;
  const out = new SheetCollector(name, options, hiddenColumnsOf(xml.toString('utf8', 0, dataStart)));
  // Rows live inside <sheetData>; <rowBreaks> and the like after it are not rows.
  const dataEnd = xml.indexOf(tag('</sheetData>'), dataStart);
  const limit = dataEnd < 0 ? xml.length : dataEnd;
  const nextTag = (name: string, from: number, end: number) => {
    for (let i = find(xml, name, from, end); i >= 0; i = find(xml, name, i + name.length, end)) if (isNameEnd(xml[i + name.length])) return i;
    return -1;
  };
  let nextRow = 0;
  for (let at = nextTag('<row', dataStart, limit); at >= 0; ) {
    const openEnd = xml.indexOf(0x3e, at);
    if (openEnd < 0) return undefined;
    const selfClosing = xml[openEnd - 1] === 0x2f;
    const end = selfClosing ? openEnd + 1 : xml.indexOf(tag('</row>'), openEnd);
    if (end < 0) return undefined;
    const head = xml.toString('latin1', at, openEnd + 1);
    const rAttr = attr(head, 'r');
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    if (!Number.isInteger(r) || r < 0) return undefined;
    nextRow = r + 1;
    out.startRow(r, /\shidden="(1|true)"/.test(head));
    let nextCol = 0;
    for (let c0 = selfClosing ? -1 : nextTag('<c', openEnd, end); c0 >= 0; ) {
      const cEnd = xml.indexOf(0x3e, c0);
      if (cEnd < 0 || cEnd > end) return undefined;
      const attrs = xml.toString('latin1', c0, cEnd + 1);
      const ref = attr(attrs, 'r');
      const c = ref ? columnOfRef(ref) : nextCol;
      if (!Number.isInteger(c) || c < 0) return undefined;
      nextCol = c + 1;
      const style = styles.cell(Number(attr(attrs, 's') ?? 0));
      let innerEnd = cEnd;
      let cell: ParsedCell | null | undefined = null;
      if (xml[cEnd - 1] !== 0x2f) {
        innerEnd = xml.indexOf(tag('</c>'), cEnd);
        if (innerEnd < 0 || innerEnd > end) return undefined;
        cell = parseCell(attr(attrs, 't') ?? 'n', xml, cEnd + 1, innerEnd, strings, style.format);
        if (cell === undefined) return undefined;
      }
      out.add(c, style.fill, cell);
      c0 = nextTag('<c', innerEnd, end);
    }
    out.endRow();
    at = nextTag('<row', selfClosing ? end : end + 6, limit);
  }
  const merges: MergeRange[] = [];
  if (dataEnd >= 0) {
    const tail = xml.toString('latin1', dataEnd);
    for (const m of tail.matchAll(/<mergeCell ref="([^"]+)"/g)) {
      const range = rangeOf(m[1]!);
      if (range) merges.push(range);
    }
  }
  return out.finish(merges);
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

