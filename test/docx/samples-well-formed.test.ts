/**
 * Every part of every DOCX the sample build writes parses with a strict XML 1.0 parser (saxes: well-formed,
 * only characters XML allows, every namespace prefix bound). The samples are built here, into a temporary
 * folder, as `cabinet samples` builds them: every report and decision record, the agenda packs, and the
 * February and March board packs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config/load';
import { buildSource } from '../../src/pipeline/build-source';
import { buildAgenda } from '../../src/pipeline/build-agenda';
import { buildBoardPack } from '../../src/board-pack/build-board-pack';
import { DOMParser } from '@xmldom/xmldom';
import { W, assertWellFormed, xmlParts } from '../support/xml';
import { schemaCheckUnavailable, schemaErrors } from './ooxml-schema';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const repo = path.resolve(__dirname, '../..');
let out: string;
let docxFiles: string[];

const list = (dir: string, pattern: RegExp) => (fs.existsSync(path.join(repo, dir)) ? fs.readdirSync(path.join(repo, dir)).filter((f) => pattern.test(f)).sort().map((f) => `${dir}/${f}`) : []);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-docx-samples-'));
  const loaded = loadConfig('data/cabinet.config.yaml', repo);
  expect(loaded.diagnostics).toEqual([]);
  // The board-pack history goes in the temporary folder too, never into the checkout's output/.
  const config = { ...loaded.config, boardPack: { ...loaded.config.boardPack, historyDir: path.join(out, 'history') } };
  const common = { config, outDir: out, cwd: repo, formats: ['docx' as const] };
  for (const source of [...list('data/reports', /\.md$/), ...list('data/decisions', /\.md$/)]) await buildSource(source, common);
  for (const meeting of list('data/meetings', /\.ya?ml$/)) await buildAgenda(meeting, common);
  for (const month of ['2024-02', '2024-03']) await buildBoardPack({ month, ...common });
  docxFiles = walk(out).filter((f) => f.endsWith('.docx')).map((f) => path.relative(out, f)).sort();
  // Shown in the test log, so a reader sees what was checked.
  console.log(`DOCX checked:\n${docxFiles.join('\n')}`);
}, 600_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('DOCX written by the sample build', () => {
  it('includes every kind of document the samples make', () => {
    // One report per source in data/reports, with its appendices; the decision record; the three agenda
    // papers of each meeting; the February and March board packs.
    expect(docxFiles.filter((f) => f.endsWith('/report.docx'))).toHaveLength(list('data/reports', /\.md$/).length);
    expect(docxFiles.filter((f) => /\/appendix-[a-z]-[^/]+\.docx$/.test(f)).length).toBeGreaterThanOrEqual(1);
    expect(docxFiles.filter((f) => /decision/.test(f))).toHaveLength(list('data/decisions', /\.md$/).length);
    expect(docxFiles.filter((f) => /Agenda frontsheet|Public reports pack|Restricted reports pack/.test(f))).toHaveLength(3 * list('data/meetings', /\.ya?ml$/).length);
    expect(docxFiles.filter((f) => /board-pack-2024-0[23]\.docx$/.test(f))).toHaveLength(2);
  });

  it('has only well-formed XML parts', async () => {
    let checked = 0;
    for (const file of docxFiles) {
      const parts = await xmlParts(fs.readFileSync(path.join(out, file)));
      expect(parts.has('word/document.xml')).toBe(true);
      for (const [name, xml] of parts) {
        expect(() => assertWellFormed(`${file}: ${name}`, xml)).not.toThrow();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(docxFiles.length * 8);
  });

  it('validates every part against the ECMA-376 transitional schemas (xmllint), as Word checks them', async () => {
    const unavailable = schemaCheckUnavailable();
    if (unavailable) return console.log(`schema check skipped: ${unavailable}`);
    let checked = 0;
    const errors: string[] = [];
    for (const file of docxFiles) {
      const parts = await xmlParts(fs.readFileSync(path.join(out, file)));
      checked += parts.size;
      errors.push(...schemaErrors(file, parts));
    }
    console.log(`${checked} parts validated`);
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThan(docxFiles.length * 8);
  });

  it('names bookmarks as Word keeps them and links every contents entry to one', async () => {
    let links = 0;
    for (const file of docxFiles) {
      const xml = (await xmlParts(fs.readFileSync(path.join(out, file)))).get('word/document.xml')!;
      const d = new DOMParser().parseFromString(xml, 'text/xml');
      const names = Array.from(d.getElementsByTagNameNS(W, 'bookmarkStart')).map((b) => b.getAttributeNS(W, 'name') ?? '');
      for (const n of names) expect({ file, name: n, keepable: /^[A-Za-z0-9_]{1,40}$/.test(n) }).toEqual({ file, name: n, keepable: true });
      expect({ file, unique: new Set(names).size === names.length }).toEqual({ file, unique: true });
      for (const h of Array.from(d.getElementsByTagNameNS(W, 'hyperlink')).filter((e) => e.hasAttributeNS(W, 'anchor') && !e.hasAttributeNS(R, 'id'))) {
        expect({ file, anchor: h.getAttributeNS(W, 'anchor'), found: names.includes(h.getAttributeNS(W, 'anchor') ?? '') }).toEqual({ file, anchor: h.getAttributeNS(W, 'anchor'), found: true });
        links++;
      }
    }
    // The reports, packs and board packs with a contents list link at least one entry each.
    expect(links).toBeGreaterThan(docxFiles.length);
  });

  it('draws list bullets only with • and – (the glyphs Arial and Arimo have)', async () => {
    let bullets = 0;
    for (const file of docxFiles) {
      const parts = await xmlParts(fs.readFileSync(path.join(out, file)));
      const numbering = parts.get('word/numbering.xml');
      if (!numbering) continue;
      const d = new DOMParser().parseFromString(numbering, 'text/xml');
      // The lists paragraphs use (docx also declares a default bullet list that nothing uses).
      const body = new DOMParser().parseFromString(parts.get('word/document.xml')!, 'text/xml');
      const numIds = new Set(Array.from(body.getElementsByTagNameNS(W, 'numId')).map((n) => n.getAttributeNS(W, 'val')));
      const used = new Set(
        Array.from(d.getElementsByTagNameNS(W, 'num'))
          .filter((n) => numIds.has(n.getAttributeNS(W, 'numId')))
          .map((n) => n.getElementsByTagNameNS(W, 'abstractNumId')[0]?.getAttributeNS(W, 'val')),
      );
      for (const a of Array.from(d.getElementsByTagNameNS(W, 'abstractNum')).filter((x) => used.has(x.getAttributeNS(W, 'abstractNumId')))) {
        for (const lvl of Array.from(a.getElementsByTagNameNS(W, 'lvl'))) {
          if (lvl.getElementsByTagNameNS(W, 'numFmt')[0]?.getAttributeNS(W, 'val') !== 'bullet') continue;
          expect({ file, bullet: ['\u2022', '\u2013'].includes(lvl.getElementsByTagNameNS(W, 'lvlText')[0]?.getAttributeNS(W, 'val') ?? '') }).toEqual({ file, bullet: true });
          bullets++;
        }
      }
    }
    // The samples' reports have bullet lists (four levels are declared for each list used).
    expect(bullets).toBeGreaterThan(0);
  });
});
