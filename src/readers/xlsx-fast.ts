import * as XLSX from 'xlsx';
import type { MergeRange, RawCell, RawSheet, RawWorkbook, ReadNote } from './raw';
import { cellFromParts, finishSheet, type SheetReadOptions } from './cells';
import type { ZipWorkbookFacts } from './zip-guard';
import { refuseDuplicateNames } from './xlsx';
import { zipSubset } from './zip-subset';
import { SSF } from './ssf';

/**
 * The .xlsx sheet reader for big workbooks. SheetJS builds the whole sheet as one string and an object per
 * cell before we copy it (a 200,000-row sheet took 1.9 GB); here SheetJS reads only the small parts
 * (workbook, shared strings, styles) and each worksheet's XML is walked row by row straight from the
 * inflated bytes into our cells. Anything unexpected returns undefined and the caller uses SheetJS for the
 * whole workbook, so this path can only be faster, never different.
 */
export function readXlsxFast(bytes: Uint8Array, file: string, zip: ZipWorkbookFacts, options: Omit<SheetReadOptions, 'notes'>): RawWorkbook | undefined {
  const { entries, contents } = zip;
  if (!contents) return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const part = (name: string) => contents.get(name);
  const rels = part('xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (!rels || !contents.has('xl/workbook.xml')) return undefined;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  // SheetJS reads the workbook and styles only: it is given the archive without worksheets and shared strings.
  const isSheetData = (name: string) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name);
  const wb = XLSX.read(zipSubset(buf, entries, (name) => !isSheetData(name)), { type: 'buffer', sheets: [], cellStyles: true, cellNF: true, dense: true });
  refuseDuplicateNames(wb.SheetNames, file);
  const styles = (wb as unknown as { Styles?: StylesLike }).Styles;
  if (styles?.Fills?.some((f) => f.patternType === 'solid' && f.fgColor && !f.fgColor.rgb)) return undefined; // theme colours: SheetJS resolves them
  const sst = targetOf(targets, rels, 'sharedStrings') ?? 'xl/sharedStrings.xml';
  const sstXml = part(sst);
  const strings = sstXml ? sharedStrings(sstXml) : [];
  const notes: ReadNote[] = [];
  const sheets: RawSheet[] = [];
  const listed = wb.Workbook?.Sheets ?? [];
  if (listed.length !== wb.SheetNames.length) return undefined;
  for (const [i, name] of wb.SheetNames.entries()) {
    const meta = listed[i] as { id?: string; Hidden?: number } | undefined;
    const target = meta?.id ? targets.get(meta.id) : undefined;
    const xml = target ? part(target) : undefined;
    if (!xml) return undefined;
    if (meta?.Hidden && !options.includeHidden) {
      notes.push({ kind: 'hidden-sheet', sheet: name });
      continue;
    }
    const sheet = readSheetXml(name, xml, strings, styles, { ...options, notes });
    if (!sheet) return undefined;
    contents.delete(target!); // the sheet's XML can go before the next sheet is read
    sheets.push(sheet);
  }
  return { file, sheets, ...(notes.length ? { notes } : {}) };
}

/** Where the workbook's relationships put a part of this type (sharedStrings), if they say. */
function targetOf(targets: Map<string, string>, rels: string, type: string): string | undefined {
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g))
    if (attr(m[0], 'Type')?.endsWith(`/${type}`)) return targets.get(attr(m[0], 'Id') ?? '');
  return undefined;
}

/** The shared strings: each <si>'s text runs joined, phonetic guides (<rPh>) left out, as Excel shows them. */
function sharedStrings(xml: Buffer): { t: string }[] {
  const out: { t: string }[] = [];
  const text = xml.toString('utf8');
  for (const m of text.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    const inner = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    out.push({ t: [...inner.matchAll(/<t(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join('') });
  }
  return out;
}

interface StylesLike {
  CellXf?: { numFmtId?: number; fillId?: number }[];
  Fills?: { patternType?: string; fgColor?: { rgb?: string } }[];
  NumberFmt?: (string | undefined)[];
}

const ATTRS = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
}

const ROW_END = Buffer.from('</row>');
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** One worksheet's XML to cells, a row at a time; undefined when the XML is not as Excel writes it. */
function readSheetXml(name: string, xml: Buffer, strings: { t?: string }[], styles: StylesLike | undefined, options: SheetReadOptions): RawSheet | undefined {
  const rows: (RawCell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) return undefined;
  // Rows live inside <sheetData>; <rowBreaks> and the like after it are not rows.
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const nextRowAt = (from: number) => {
    for (let i = xml.indexOf('<row', from); i >= 0 && (dataEnd < 0 || i < dataEnd); i = xml.indexOf('<row', i + 4)) {
      const after = xml[i + 4];
      if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) return i;
    }
    return -1;
  };
  let at = nextRowAt(dataStart);
  let nextRow = 0;
  const formatOf = (s: number) => {
    const xf = styles?.CellXf?.[s];
    return { format: xf?.numFmtId === undefined ? undefined : (styles?.NumberFmt?.[xf.numFmtId] ?? SSF.get_table()[xf.numFmtId]), fill: xf?.fillId === undefined ? undefined : fillText(styles?.Fills?.[xf.fillId]) };
  };
  const styleCache = new Map<number, ReturnType<typeof formatOf>>();
  while (at >= 0) {
    const openEnd = xml.indexOf('>', at);
    if (openEnd < 0) return undefined;
    const selfClosing = xml[openEnd - 1] === 0x2f;
    const end = selfClosing ? openEnd + 1 : xml.indexOf(ROW_END, openEnd);
    if (end < 0) return undefined;
    const text = xml.toString('utf8', at, selfClosing ? end : end + ROW_END.length);
    const head = text.slice(0, openEnd - at + 1);
    const rAttr = attr(head, 'r');
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    if (!Number.isInteger(r) || r < 0) return undefined;
    nextRow = r + 1;
    const hidden = /\shidden="(1|true)"/.test(head);
    let out: (RawCell | undefined)[] | undefined;
    let nextCol = 0;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
      const attrs = m[1] ?? '';
      const ref = attr(attrs, 'r');
      const c = ref ? XLSX.utils.decode_cell(ref).c : nextCol;
      if (!Number.isInteger(c) || c < 0) return undefined;
      nextCol = c + 1;
      const s = Number(attr(attrs, 's') ?? 0);
      let style = styleCache.get(s);
      if (!style) styleCache.set(s, (style = formatOf(s)));
      const cell = parseCell(attr(attrs, 't') ?? 'n', m[2] ?? '', strings, style.format);
      if (cell === undefined) return undefined;
      const raw = cellFromParts(r, c, style.fill, cell, name, options.notes);
      if (raw) (out ??= [])[c] = raw;
    }
    if (out) {
      if (hidden && !options.includeHidden) hiddenRows.push(r + 1);
      else rows[r] = out;
    }
    at = nextRowAt(selfClosing ? end : end + ROW_END.length);
  }
  const merges: MergeRange[] = [];
  const tail = xml.toString('utf8', xml.lastIndexOf('</sheetData>') + 1);
  for (const m of tail.matchAll(/<mergeCell ref="([^"]+)"/g)) {
    const range = XLSX.utils.decode_range(m[1]!);
    merges.push({ s: { r: range.s.r, c: range.s.c }, e: { r: range.e.r, c: range.e.c } });
  }
  return finishSheet(name, rows, merges, hiddenRows, options.notes);
}

function fillText(fill: { patternType?: string; fgColor?: { rgb?: string } } | undefined): string | undefined {
  const rgb = fill?.fgColor?.rgb;
  if (!rgb || (fill?.patternType && fill.patternType !== 'solid')) return undefined;
  const hex = rgb.length === 8 ? rgb.slice(2) : rgb;
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}

/** A SheetJS-like cell object for one <c>, so both paths convert cells the same way (cells.ts). */
function parseCell(type: string, inner: string, strings: { t?: string }[], format: string | undefined): XLSX.CellObject | null | undefined {
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  switch (type) {
    case 's': {
      if (v === undefined) return null;
      const entry = strings[Number(v)];
      return entry === undefined ? undefined : { t: 's', v: entry.t ?? '' };
    }
    case 'inlineStr': {
      const parts = [...inner.matchAll(/<t(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => unescapeXml(m[1] ?? ''));
      return { t: 's', v: parts.join('') };
    }
    case 'str':
      return v === undefined ? null : { t: 's', v: unescapeXml(v) };
    case 'b':
      return v === undefined ? null : { t: 'b', v: v === '1' || v === 'true' };
    case 'e':
      return v === undefined ? null : { t: 'e', v: 0, w: unescapeXml(v) };
    case 'd':
      return v === undefined ? null : { t: 'd', v: new Date(v) };
    case 'n': {
      if (v === undefined || v === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return undefined;
      const z = format ?? 'General';
      let w: string;
      try {
        w = SSF.format(z, n);
      } catch {
        w = String(n);
      }
      return { t: 'n', v: n, z, w };
    }
    default:
      return undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities and Excel's _xHHHH_ escapes (how it stores characters XML cannot carry). */
function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
