/**
 * Counting a DOCX's table rows on the pages of a PDF, for tests that ask whether a reader sees every row.
 *
 * The facts come from two places that share nothing with our writers: word/document.xml read with a DOM
 * (each w:tbl, its own w:tr, the text of each row's first cell with text), and the words poppler's
 * pdftotext finds on each page with their boxes. A row counts as drawn when its first cell's text can be
 * walked on a page as a cell shows it: words left to right on one baseline, wrapping onto the next line at
 * the same left edge, with no other word directly before or after it on its line (so a body sentence that
 * happens to contain "Blue" is not mistaken for a status cell). Letters and digits are compared as one
 * string, which tolerates a different line wrap, hyphenation and ligatures. The rows counted are the most
 * that can be placed in document order, each below the one before (findRows): a header row LibreOffice
 * repeats on a later page counts once, and a lost row is not found again in a later table of the same text.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { DOMParser, type Element } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxTable {
  /** 1-based, in document order (nested tables after the table that holds them starts). */
  index: number;
  /** The table's w:tblCaption, else its first row's text, to name it in messages. */
  name: string;
  /** One entry per w:tr: the text of its first cell with text ('' when every cell is empty). */
  rows: { text: string; header: boolean }[];
}

/** Letters and digits only, lower case, compatibility forms folded (ﬁ -> fi, no-break space -> space). */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function children(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === localName) out.push(n as Element);
  return out;
}

/** The visible text of a cell: its w:t runs, not those of a table nested inside it. */
function cellText(el: Element): string {
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e.namespaceURI === W && e.localName === 'tbl') continue;
    if (e.namespaceURI === W && e.localName === 't') s += e.textContent ?? '';
    else if (e.namespaceURI === W && (e.localName === 'tab' || e.localName === 'br' || e.localName === 'cr')) s += ' ';
    else if (e.namespaceURI === W && e.localName === 'p') s += cellText(e) + ' ';
    else s += cellText(e);
  }
  return s;
}

/** Every table of a DOCX's main document, with its rows as the XML has them. */
export async function docxTables(docx: Uint8Array): Promise<DocxTable[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const tables = doc.getElementsByTagNameNS(W, 'tbl');
  const out: DocxTable[] = [];
  for (let i = 0; i < tables.length; i++) {
    const tbl = tables.item(i)!;
    const rows = children(tbl, 'tr').map((tr) => {
      const trPr = children(tr, 'trPr')[0];
      const cells = children(tr, 'tc').concat(children(tr, 'sdt').flatMap((s) => children(s, 'sdtContent').flatMap((c) => children(c, 'tc'))));
      const text = cells.map((c) => cellText(c).replace(/\s+/g, ' ').trim()).find((t) => normalise(t) !== '') ?? '';
      return { text, header: trPr ? children(trPr, 'tblHeader').length > 0 : false };
    });
    const caption = children(children(tbl, 'tblPr')[0] ?? tbl, 'tblCaption')[0]?.getAttributeNS(W, 'val');
    out.push({ index: i + 1, name: caption || (rows[0]?.text ?? '').slice(0, 60), rows });
  }
  return out;
}

export interface Word {
  text: string;
  norm: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

/** pdftotext's words on each page of a PDF, each with its box (points, y down), sorted top to bottom, left to right. */
export function pdfWords(pdf: string): Word[][] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${r.stderr}`);
  return r.stdout.split(/<page /).slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => {
        const text = unescapeHtml(m[5]!);
        return { text, norm: normalise(text), x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) };
      })
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0),
  );
}

const height = (w: Word) => w.y1 - w.y0;
const sameLine = (a: Word, b: Word) => Math.abs(a.y0 - b.y0) < 0.3 * height(a) && Math.abs(a.y1 - b.y1) < 0.3 * height(a);
/** Further apart than a word space (a quarter to a third of an em) and closer than two cells' margins. */
const gap = (w: Word) => 0.45 * height(w);
/** A list item's number or bullet, drawn before a paragraph's text but not part of it. */
const isLabel = (w: Word) => w.norm === '' || /^(\p{N}{1,3}|\p{L}|[ivx]{1,5})[.)]$/u.test(w.text);

/** The words whose top lies in [lo, hi], by binary search on a page sorted top to bottom. */
function between(words: Word[], lo: number, hi: number): Word[] {
  let a = 0;
  let b = words.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (words[m]!.y0 < lo) a = m + 1;
    else b = m;
  }
  const out: Word[] = [];
  for (let i = a; i < words.length && words[i]!.y0 <= hi; i++) out.push(words[i]!);
  return out;
}

const onLine = (words: Word[], w: Word) => between(words, w.y0 - 0.3 * height(w), w.y0 + 0.3 * height(w)).filter((o) => o !== w && sameLine(w, o));

function rightNeighbour(words: Word[], w: Word): Word | undefined {
  let best: Word | undefined;
  for (const o of onLine(words, w)) if (o.x0 >= w.x1 - 0.5 && o.x0 - w.x1 < gap(w) && (!best || o.x0 < best.x0)) best = o;
  return best;
}

function leftNeighbour(words: Word[], w: Word): Word | undefined {
  let best: Word | undefined;
  for (const o of onLine(words, w)) if (o.x1 <= w.x0 + 0.5 && w.x0 - o.x1 < gap(w) && (!best || o.x1 > best.x1)) best = o;
  return best;
}

/** The first word of the next line of the same cell: below `line`, starting at one of the cell's left edges. */
function nextLineStart(words: Word[], line: Word, edges: number[]): Word | undefined {
  let best: Word | undefined;
  for (const o of between(words, line.y0 + 0.5 * height(line), line.y0 + 3.5 * height(line))) {
    if (o.y0 <= line.y0 + 0.5 * height(line)) continue;
    if (!edges.some((x) => Math.abs(o.x0 - x) <= 3)) continue;
    if (!best || o.y0 < best.y0) best = o;
  }
  return best;
}

/** Walks `target` (normalised) from `start` as a cell would show it; the words walked, or undefined. */
function walk(words: Word[], start: Word, target: string): Word[] | undefined {
  if (!start.norm || !target.startsWith(start.norm)) return undefined;
  const left = leftNeighbour(words, start);
  if (left && !isLabel(left)) return undefined;
  let pos = start.norm.length;
  let cur = start;
  let lineStart = start;
  const walked = [start];
  const edges = [start.x0, ...(left ? [left.x0] : [])];
  while (pos < target.length) {
    const rest = target.slice(pos);
    let next = rightNeighbour(words, cur);
    if (next && next.norm !== '' && !rest.startsWith(next.norm)) return undefined;
    if (!next) {
      next = nextLineStart(words, lineStart, edges);
      if (!next) return undefined;
      lineStart = next;
      for (let skip = 0; next && isLabel(next) && !rest.startsWith(next.norm || '\u0000') && skip < 3; skip++) next = rightNeighbour(words, next);
      if (!next || !rest.startsWith(next.norm)) return undefined;
      if (!edges.some((x) => Math.abs(next!.x0 - x) <= 3)) edges.push(next.x0);
    }
    // Two marks drawn at one place (zero-width words) must not send the walk round in a circle.
    if (walked.includes(next)) return undefined;
    pos += next.norm.length;
    cur = next;
    walked.push(next);
  }
  const after = rightNeighbour(words, cur);
  return after && after.norm !== '' ? undefined : walked;
}

export interface Found {
  /** 0-based page index. */
  page: number;
  y: number;
  /** The words that showed the row's first cell. */
  words: Word[];
}

/** Where a row's first cell can be walked on the pages, top to bottom. */
function candidates(pages: Word[][], target: string): Found[] {
  const out: Found[] = [];
  if (!target) return out;
  for (const [p, words] of pages.entries())
    for (const w of words) {
      if (!w.norm || !target.startsWith(w.norm)) continue;
      const walked = walk(words, w, target);
      if (walked) out.push({ page: p, y: w.y0, words: walked });
    }
  return out;
}

/**
 * Finds each table's rows on the PDF's pages: for each table, where each row was found (undefined when it
 * was not; rows without text are not looked for, and a caller counts them apart). The rows found are the
 * most that can be placed in document order, each below the one before: the text of a row LibreOffice lost
 * may still appear further on (a status key repeated in an appendix), and taking that place would lose the
 * rows in between instead, blaming the wrong table.
 */
export function findRows(tables: DocxTable[], pages: Word[][]): (Found | undefined)[][] {
  const rows = tables.flatMap((t, ti) => t.rows.map((r, ri) => ({ ti, ri, target: normalise(r.text) })));
  const key = (f: Found) => f.page * 100_000 + f.y;
  // Longest chain of rows at strictly increasing places (patience sorting). A row's places are taken last
  // to first so that no chain can use two places of one row.
  const tails: { key: number; at: number }[] = [];
  const nodes: { row: number; found: Found; prev: number }[] = [];
  for (const [row, r] of rows.entries())
    for (const found of candidates(pages, r.target).reverse()) {
      const k = key(found);
      let a = 0;
      let b = tails.length;
      while (a < b) {
        const m = (a + b) >> 1;
        if (tails[m]!.key < k - 0.5) a = m + 1;
        else b = m;
      }
      nodes.push({ row, found, prev: a > 0 ? tails[a - 1]!.at : -1 });
      tails[a] = { key: k, at: nodes.length - 1 };
    }
  const out = tables.map((t) => t.rows.map((): Found | undefined => undefined));
  for (let n = tails.length ? tails[tails.length - 1]!.at : -1; n >= 0; n = nodes[n]!.prev) {
    const { row, found } = nodes[n]!;
    out[rows[row]!.ti]![rows[row]!.ri] = found;
  }
  return out;
}

/**
 * Converts many DOCX to PDF with LibreOffice (headless, a scratch profile), in one run per hundred files, as
 * starting soffice is most of the time for small files; returns the PDFs' paths in order. (Given 353 files
 * at once, soffice 7.x converted 247 and exited 0: every PDF is checked for.)
 */
export function convertAllWithLibreOffice(bin: string, docxFiles: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const stage = path.join(outDir, 'in');
  fs.mkdirSync(stage, { recursive: true });
  try {
    // Files of one name (report.docx) from different folders would overwrite each other's PDF in one --outdir.
    const staged = docxFiles.map((f, i) => {
      const p = path.join(stage, `${String(i + 1).padStart(4, '0')}.docx`);
      fs.copyFileSync(f, p);
      return p;
    });
    for (let i = 0; i < staged.length; i += 100) {
      const r = spawnSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...staged.slice(i, i + 100)], { encoding: 'utf8', timeout: 600_000 });
      if (r.status !== 0) throw new Error(`soffice exited ${r.status}${r.error ? ` (${r.error.message})` : ''}: ${r.stderr}`);
    }
    const pdfs = staged.map((p) => path.join(outDir, path.basename(p, '.docx') + '.pdf'));
    const missing = docxFiles.filter((_, i) => !fs.existsSync(pdfs[i]!));
    if (missing.length) throw new Error(`soffice exited 0 but wrote no PDF of ${missing.join(', ')}`);
    return pdfs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** pdftotext when poppler is installed. */
export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;
}
