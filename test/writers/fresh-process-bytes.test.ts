/**
 * Same input, same bytes, across processes: Hillbrook (data/councils/hillbrook) has an RGBA PNG logo on its
 * front sheet and in every running header, which pdfkit used to embed once per page with asynchronous zlib,
 * so the PDF's objects came out in the order the thread pool finished. Built here in three fresh processes;
 * every file must be byte-identical, and the logo one image (with its soft mask) however many pages show it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';

const COUNCIL = 'data/councils/hillbrook';
let out: string;

beforeAll(() => {
  out = tempDir();
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const files = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(pdf|docx)$/.test(e.name)).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('builds in fresh processes', () => {
  it('write byte-identical DOCX and PDF for a council with an RGBA PNG logo', () => {
    const report = fs.readdirSync(COUNCIL).find((f) => f.endsWith('.md'))!;
    const runs = [1, 2, 3].map((i) => {
      const dir = path.join(out, String(i));
      const r = cabinet(['build', path.join(COUNCIL, report), '--config', path.join(COUNCIL, 'cabinet.config.yaml'), '--out', dir, '--quiet']);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      return dir;
    });
    const names = files(runs[0]!);
    expect(names.filter((n) => n.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
    expect(names.filter((n) => n.endsWith('.docx')).length).toBeGreaterThanOrEqual(2);
    for (const dir of runs.slice(1)) {
      expect(files(dir)).toEqual(names);
      for (const n of names) expect({ file: n, same: fs.readFileSync(path.join(dir, n)).equals(fs.readFileSync(path.join(runs[0]!, n))) }).toEqual({ file: n, same: true });
    }
    // The logo (440 x 120, with alpha) is on every page of the report: one image and one soft mask in all.
    const pdf = fs.readFileSync(path.join(runs[0]!, names.find((n) => n.endsWith('report.pdf'))!)).toString('latin1');
    expect(pdf.match(/\/Subtype \/Image/g)).toHaveLength(2);
    expect(pdf.match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
  }, 120_000);
});
