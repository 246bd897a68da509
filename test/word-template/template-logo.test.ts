/**
 * Hillbrook names a logo (render.logo) and its Word template's header has the council's logo too: ours gives
 * way, in both formats, so page 1 shows the logo once, and the build says so in an info line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { pdfRuns } from './pdf-runs';

describe("Hillbrook's report, whose template header has its logo", () => {
  let out: string;
  let stderr: string;
  beforeAll(() => {
    const dir = tempDir();
    const r = cabinet(['build', 'data/councils/hillbrook/cabinet-2024-04-18-children-and-families-plan.md', '--config', 'data/councils/hillbrook/cabinet.config.yaml', '--out', dir]);
    expect(r.code).toBe(0);
    stderr = r.stderr + r.stdout;
    out = path.join(dir, fs.readdirSync(dir).find((d) => fs.statSync(path.join(dir, d)).isDirectory())!);
  }, 60000);

  it('draws one picture on page 1 of the PDF, the template header\'s, and none on the pages after', async () => {
    const read = await pdfRuns(new Uint8Array(fs.readFileSync(path.join(out, 'report.pdf'))));
    expect(read.pages.length).toBeGreaterThan(1);
    expect(read.pages.map((p) => p.images)).toEqual(read.pages.map((_, i) => (i === 0 ? 1 : 0)));
    // The one picture is in the header, above the 3cm (85pt) top margin: no front-sheet logo below it.
    expect(read.pages[0]!.lines[0]!.top).toBeLessThan(85);
  });

  it('writes no logo of ours into the DOCX: one picture, in the template\'s first-page header', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'report.docx')));
    const parts = Object.keys(zip.files);
    expect(parts.filter((p) => p.startsWith('word/media/'))).toHaveLength(1);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).not.toContain('<w:drawing>');
    const headers = await Promise.all(parts.filter((p) => /^word\/header\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    expect(headers.filter((h) => h.includes('<w:drawing>'))).toHaveLength(1);
  });

  it('says why render.logo is not used', () => {
    expect(stderr).toContain('info[word-template-logo]: render.logo data/councils/hillbrook/logo.png is not used: the header of render.wordTemplate');
  });
});
