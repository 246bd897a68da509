/**
 * Same input, same bytes, across processes: Hillbrook (data/councils/hillbrook) has an RGBA PNG logo, which
 * pdfkit used to embed once per page with asynchronous zlib, so the PDF's objects came out in the order the
 * thread pool finished. Built here in three fresh processes, from its Word template (whose header has the
 * logo) and without it (render.logo on the front sheet and in every running header); every file must be
 * byte-identical, and the logo one image (with its soft mask) however many pages show it.
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
  const threeBuilds = (name: string, config: string) => {
    const report = fs.readdirSync(COUNCIL).find((f) => f.endsWith('.md'))!;
    const runs = [1, 2, 3].map((i) => {
      const dir = path.join(out, name, String(i));
      const r = cabinet(['build', path.join(COUNCIL, report), '--config', config, '--out', dir, '--quiet']);
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
    return fs.readFileSync(path.join(runs[0]!, names.find((n) => n.endsWith('report.pdf'))!)).toString('latin1');
  };

  it('write byte-identical DOCX and PDF for a council with an RGBA PNG logo in its template header', () => {
    const pdf = threeBuilds('template', path.join(COUNCIL, 'cabinet.config.yaml'));
    expect(pdf.match(/\/Subtype \/Image/g)).toHaveLength(2);
  }, 120_000);

  it('write byte-identical DOCX and PDF with render.logo, an RGBA PNG, on every page', () => {
    // The same settings without the Word template: our running header carries render.logo on each page.
    const settings = fs.readFileSync(path.join(COUNCIL, 'cabinet.config.yaml'), 'utf8');
    const without = settings.replace(/^\s*wordTemplate:.*\n/m, '');
    expect(without).not.toContain('wordTemplate');
    // Its other paths (the logo) are the project's, not the settings file's.
    const config = path.join(out, 'house.yaml');
    fs.writeFileSync(config, without);
    const pdf = threeBuilds('house', config);
    // The logo (440 x 120, with alpha) is on every page of the report: one image and one soft mask in all.
    expect(pdf.match(/\/Subtype \/Image/g)).toHaveLength(2);
    const pages = pdf.match(/\/Type \/Page\b/g)!.length;
    expect(pages).toBeGreaterThan(1);
    // Drawn on every page: each page's resources name the one image.
    expect(pdf.match(/\/XObject <<[^>]*\/I\d+ \d+ 0 R/g)?.length ?? 0).toBeGreaterThanOrEqual(pages);
  }, 120_000);
});
