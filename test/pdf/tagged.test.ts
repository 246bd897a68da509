import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readTags, type TagReport } from '../support/pdf-structure';

/**
 * Every PDF that `npm start` writes, checked as PAC or veraPDF would check PDF/UA-1: all content tagged or
 * an artifact, headings in order, table headers with scope, figures with alt text, links with contents,
 * nothing off the page, and the document-level entries (PDF 1.7, /Lang, title shown, pdfuaid, /Tabs /S).
 */
const ROOT = path.join(__dirname, '..', '..');
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-tagged-'));

function pdfsUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pdfsUnder(p) : e.name.endsWith('.pdf') ? [p] : [];
  });
}

let files: string[] = [];
const reports = new Map<string, TagReport>();

beforeAll(async () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'samples', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
  // The samples are clean: a data error in one of them is a defect, not something to read past.
  if (run.status !== 0) throw new Error(`cabinet samples exited ${run.status}: ${run.stderr}`);
  files = pdfsUnder(OUT).sort();
  for (const f of files) reports.set(f, await readTags(new Uint8Array(fs.readFileSync(f))));
}, 240000);

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

const name = (f: string) => path.relative(OUT, f);

describe('every sample PDF is tagged PDF/UA', () => {
  it('writes the samples: reports, appendices, decision, agenda packs and board packs', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
    expect(files.some((f) => /board-pack/.test(f))).toBe(true);
    expect(files.some((f) => /Public reports pack/.test(f))).toBe(true);
  });

  it('marks every drawing operation as content of a structure element or as an artifact', () => {
    const bad = files.map((f) => ({ f: name(f), unmarked: reports.get(f)!.unmarkedDrawing, orphans: reports.get(f)!.orphanMcids })).filter((r) => r.unmarked || r.orphans);
    expect(bad).toEqual([]);
  });

  it('has headings in order, starting at H1, never skipping a level', () => {
    for (const f of files) {
      const h = reports.get(f)!.headings;
      expect({ f: name(f), first: h[0] }).toEqual({ f: name(f), first: 1 });
      const skips = h.filter((level, i) => i > 0 && level > h[i - 1]! + 1);
      expect({ f: name(f), skips }).toEqual({ f: name(f), skips: [] });
    }
  });

  it('gives every table header cells with a scope', () => {
    for (const f of files) {
      const raw = reports.get(f)!.raw;
      if (!raw.tables) continue;
      expect({ f: name(f), hasHeaders: raw.thCount > 0 }).toEqual({ f: name(f), hasHeaders: true });
      expect({ f: name(f), scoped: raw.thWithScope }).toEqual({ f: name(f), scoped: raw.thCount });
    }
  });

  it('gives every figure alt text, and the board pack chart its figures', () => {
    const withFigures = files.filter((f) => reports.get(f)!.figures.length);
    expect(withFigures.some((f) => /board-pack/.test(f))).toBe(true);
    for (const f of withFigures) for (const alt of reports.get(f)!.figures) expect({ f: name(f), alt: Boolean(alt && alt.trim()) }).toEqual({ f: name(f), alt: true });
  });

  it('gives every link annotation contents and a place in the structure tree', () => {
    const linked = files.filter((f) => reports.get(f)!.raw.linkAnnots);
    expect(linked.length).toBeGreaterThan(0);
    for (const f of linked) {
      const raw = reports.get(f)!.raw;
      expect({ f: name(f), contents: raw.linksWithContents, struct: raw.linkAnnotsWithStructParent }).toEqual({ f: name(f), contents: raw.linkAnnots, struct: raw.linkAnnots });
    }
  });

  it('puts no text outside the page', () => {
    expect(files.flatMap((f) => reports.get(f)!.offPage.map((t) => `${name(f)}: ${t}`))).toEqual([]);
  });

  it('declares PDF 1.7, the language, a displayed title, pdfuaid part 1 and tab order on every page', () => {
    for (const f of files) {
      const raw = fs.readFileSync(f).toString('latin1');
      const pages = (raw.match(/\/Type \/Page\b/g) ?? []).length;
      expect({
        f: name(f),
        version: raw.slice(0, 8),
        lang: /\/Lang \((en-GB|cy)\)/.test(raw),
        title: /\/DisplayDocTitle true/.test(raw) && /<dc:title>/.test(raw),
        pdfua: /<pdfuaid:part>1<\/pdfuaid:part>/.test(raw),
        tabs: (raw.match(/\/Tabs \/S/g) ?? []).length,
      }).toEqual({ f: name(f), version: '%PDF-1.7', lang: true, title: true, pdfua: true, tabs: pages });
    }
  });

  it('keeps real spaces between words in the extracted text', () => {
    const wf = files.find((f) => /2023-09-12-childrens-social-care/.test(f) && f.endsWith('report.pdf'))!;
    expect(reports.get(wf)!.text).toContain('This paper sets out, at Appendix A, the');
  });

  it('draws Welsh and other Latin letters, and says the Welsh paper is in Welsh', () => {
    const cy = files.find((f) => /2024-07-09/.test(f) && f.endsWith('report.pdf'))!;
    const text = reports.get(cy)!.text;
    for (const word of ['Gŵyl', 'Llŷr', 'Łukasz', 'Żółć', 'Dvořák']) expect(text).toContain(word);
    expect(fs.readFileSync(cy).toString('latin1')).toMatch(/\/Lang \(cy\)/);
  });

  it('lays the Shropshire report\'s inline appendix out on landscape pages', () => {
    const shropshire = files.find((f) => /2024-03-13/.test(f) && f.endsWith('report.pdf'))!;
    const raw = fs.readFileSync(shropshire).toString('latin1');
    const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => Number(m[1]) > Number(m[2]));
    expect(boxes).toContain(true);
    expect(boxes).toContain(false);
  });
});
