import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { convertWithLibreOffice, itWithLibreOffice, soffice } from '../support/libreoffice';

/**
 * The DOCX contents lists quote page numbers from our pagination. LibreOffice, standing in for Word, lays
 * the same DOCX out itself: for every sample with a contents list, the page each listed heading lands on in
 * LibreOffice's PDF must be the number our contents list prints, for at least 90% of the entries; and our own
 * PDF must agree with the DOCX for every entry.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  getDocument(src: { data: Uint8Array; verbosity?: number }): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str: string; transform: number[] }[] }> }>; destroy(): Promise<void> }> };
};

const ROOT = path.join(__dirname, '..', '..');
const BIN = soffice();
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lo-'));

interface Entry { text: string; page: number }
interface Line { page: number; size: number; text: string }

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The contents entries of a DOCX as we wrote them: heading text and the page number after the tab. */
async function contentsOf(docx: string): Promise<Entry[]> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(docx))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:pStyle w:val="TOC\d"\/>[\s\S]*?<\/w:p>/g)].map((m) => {
    const texts = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!));
    return { text: norm(texts.slice(0, -1).join('')), page: Number(texts[texts.length - 1]) };
  });
}

/** Text lines of a PDF with their largest font size, in page order. */
async function linesOf(pdfFile: string): Promise<Line[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdfFile)), verbosity: 0 }).promise;
  const lines: Line[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const byBaseline = new Map<number, { size: number; text: string }>();
    for (const it of (await (await doc.getPage(p)).getTextContent()).items) {
      if (!it.str) continue;
      const key = Math.round(it.transform[5]!);
      const line = byBaseline.get(key) ?? { size: 0, text: '' };
      line.size = Math.max(line.size, Math.abs(it.transform[0]!));
      line.text += it.str + ' ';
      byBaseline.set(key, line);
    }
    for (const l of byBaseline.values()) lines.push({ page: p, size: l.size, text: norm(l.text) });
  }
  await doc.destroy();
  return lines;
}

/** Where each entry's heading is in a laid-out PDF: headings are larger than the 12pt contents lines. */
function headingPages(entries: Entry[], lines: Line[]): (number | undefined)[] {
  let from = 0;
  return entries.map((e) => {
    const i = lines.findIndex((l, k) => k >= from && l.size >= 12.5 && (l.text === e.text || (e.text.length > 25 && l.text.startsWith(e.text.slice(0, 25)))));
    if (i < 0) return undefined;
    from = i + 1;
    return lines[i]!.page;
  });
}

function docxUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? docxUnder(p) : e.name.endsWith('.docx') ? [p] : [];
  });
}

const withContents: { docx: string; entries: Entry[] }[] = [];

beforeAll(async () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'samples', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
  // The samples are clean: a data error in one of them is a defect, not something to read past.
  if (run.status !== 0) throw new Error(`cabinet samples exited ${run.status}: ${run.stderr}`);
  for (const docx of docxUnder(OUT).sort()) {
    const entries = await contentsOf(docx);
    if (entries.length) withContents.push({ docx, entries });
  }
}, 240000);

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

describe('contents page numbers', () => {
  it('are printed for the samples that have a contents list', () => {
    expect(withContents.length).toBeGreaterThanOrEqual(4);
    for (const { entries } of withContents) for (const e of entries) expect(Number.isInteger(e.page) && e.page > 0).toBe(true);
  });

  // Both writers draw from one pagination, so this shows only that the DOCX quotes the pagination the PDF was
  // drawn from (a DOCX-only build paginates on its own path); whether the numbers are right for Word is the
  // LibreOffice comparison below.
  it('are the pages our PDF draws the headings on (the DOCX and PDF quote the same pagination)', async () => {
    for (const { docx, entries } of withContents) {
      const pdf = docx.replace(/\.docx$/, '.pdf');
      const found = headingPages(entries, await linesOf(pdf));
      expect({ docx: path.relative(OUT, docx), pages: found }).toEqual({ docx: path.relative(OUT, docx), pages: entries.map((e) => e.page) });
    }
  });

  itWithLibreOffice()('agree with LibreOffice\'s own pagination of the DOCX for at least 90% of the entries', async () => {
    const pdfs = convertWithLibreOffice(BIN!, withContents.map((w) => w.docx), path.join(OUT, 'libreoffice'));
    let agree = 0;
    let total = 0;
    const differ: string[] = [];
    for (const [i, { docx, entries }] of withContents.entries()) {
      const found = headingPages(entries, await linesOf(pdfs[i]!));
      entries.forEach((e, k) => {
        total++;
        if (found[k] === e.page) agree++;
        else differ.push(`${path.basename(docx)}: "${e.text}" contents ${e.page}, LibreOffice ${found[k] ?? 'not found'}`);
      });
    }
    console.log(`LibreOffice agrees with the contents numbers for ${agree} of ${total} entries${differ.length ? `; differs: ${differ.join('; ')}` : ''}`);
    expect(agree / total).toBeGreaterThanOrEqual(0.9);
  }, 600000);
});
