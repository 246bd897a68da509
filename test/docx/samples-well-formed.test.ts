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
import { assertWellFormed, xmlParts } from '../support/xml';

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
}, 600_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('DOCX written by the sample build', () => {
  it('includes every kind of document the samples make', () => {
    // Four reports with their appendices, the decision record, the three agenda papers and two board packs.
    expect(docxFiles.filter((f) => f.endsWith('/report.docx'))).toHaveLength(4);
    expect(docxFiles.filter((f) => /\/appendix-a-[^/]+\.docx$/.test(f)).length).toBeGreaterThanOrEqual(1);
    expect(docxFiles.filter((f) => f.startsWith('2023-06-15') || /decision/.test(f)).length).toBeGreaterThanOrEqual(1);
    expect(docxFiles.filter((f) => /Agenda frontsheet|Public reports pack|Restricted reports pack/.test(f))).toHaveLength(3);
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
    expect(checked).toBeGreaterThan(docxFiles.length * 10);
  });
});
