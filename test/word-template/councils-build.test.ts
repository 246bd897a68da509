/**
 * Each sample council with its own Word template, built as a user builds it (`cabinet build` with the
 * council's settings, which name render.wordTemplate): its report's PDF is set in the template's fonts,
 * sizes, colours and margins, with the template's header on every page. Expected values are the .fodt's
 * (councils.ts), not the readers'.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { COUNCILS, ROOT } from './councils';
import { pdfRuns } from './pdf-runs';

describe.each(COUNCILS)('cabinet build for $council, from its Word template', (c) => {
  let read: Awaited<ReturnType<typeof pdfRuns>>;
  let raw: string;
  beforeAll(async () => {
    const dir = path.join(ROOT, 'data', 'councils', c.council);
    const report = fs.readdirSync(dir).find((f) => f.endsWith('.md'))!;
    const out = tempDir();
    const r = cabinet(['build', path.join('data', 'councils', c.council, report), '--config', path.join('data', 'councils', c.council, 'cabinet.config.yaml'), '--out', out, '--format', 'pdf', '--quiet']);
    expect(r.code).toBe(0);
    const built = fs.readdirSync(out).find((d) => fs.statSync(path.join(out, d)).isDirectory())!;
    const bytes = fs.readFileSync(path.join(out, built, 'report.pdf'));
    raw = bytes.toString('latin1');
    read = await pdfRuns(new Uint8Array(bytes));
  }, 60000);

  it(`embeds ${c.pdfFont} for ${c.font}, and sets headings in the template's size and colour`, () => {
    expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${c.pdfFont}-Regular`));
    expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${c.pdfFont}-Bold`));
    const headings = read.runs.filter((r) => r.size === c.h2 && r.font === `${c.pdfFont}-Bold`);
    expect(headings.length).toBeGreaterThan(2);
    for (const h of headings) expect(h.colour).toBe(c.colour);
    // Body text is at the template's Normal size, in its font, from its left margin.
    const body = read.runs.filter((r) => r.size === c.body && r.font === `${c.pdfFont}-Regular` && r.text.length > 60);
    expect(body.length).toBeGreaterThan(1);
    expect(Math.min(...body.map((r) => r.x))).toBeGreaterThanOrEqual(c.margins.left - 0.1);
  });

  it('has the template\'s header on every page and its footer with the page numbers', () => {
    const n = read.pages.length;
    read.pages.forEach((page, i) => {
      expect(page.lines[0]!.text).toBe(i === 0 ? c.marking : `${c.name} ${c.marking}`);
      expect(page.lines[0]!.top).toBeLessThan(c.margins.top);
      expect(page.lines.at(-1)!.text).toBe(`${c.footer} Page ${i + 1} of ${n}`);
    });
  });
});
