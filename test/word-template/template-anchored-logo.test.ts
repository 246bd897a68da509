/**
 * A floating logo in a template's header: Eastshire's first-page logo is anchored (wp:anchor, wrap none)
 * 12cm from the page's left edge and 0.7cm from its top (340.16pt, 19.84pt), 3.6cm x 1.08cm (102pt x
 * 30.6pt), as its .fodt says. The PDF draws it there; the DOCX keeps it in the header; LibreOffice's
 * rendering of that DOCX puts it in the same place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { convertWithLibreOffice, itWithLibreOffice, soffice } from '../support/libreoffice';
import { pdfRuns } from './pdf-runs';

const LOGO = { x: 340.16, top: 19.84, width: 102.05, height: 30.61 };

describe("Eastshire's report, whose first-page header logo floats", () => {
  let out: string;
  beforeAll(() => {
    const dir = tempDir();
    const r = cabinet(['build', 'data/councils/eastshire/cabinet-2024-04-16-improvement-plan.md', '--config', 'data/councils/eastshire/cabinet.config.yaml', '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    out = path.join(dir, fs.readdirSync(dir).find((d) => fs.statSync(path.join(dir, d)).isDirectory())!);
  }, 60000);

  const expectLogo = (pictures: { x: number; top: number; width: number; height: number }[]) => {
    expect(pictures).toHaveLength(1);
    const p = pictures[0]!;
    expect(Math.abs(p.x - LOGO.x)).toBeLessThan(0.5);
    expect(Math.abs(p.top - LOGO.top)).toBeLessThan(0.5);
    expect(Math.abs(p.width - LOGO.width)).toBeLessThan(0.5);
    expect(Math.abs(p.height - LOGO.height)).toBeLessThan(0.5);
  };

  it('draws the logo on page 1 of the PDF at its place on the page, and the header text where it would be without it', async () => {
    const read = await pdfRuns(new Uint8Array(fs.readFileSync(path.join(out, 'report.pdf'))));
    expectLogo(read.pages[0]!.pictures);
    for (const page of read.pages.slice(1)) expect(page.pictures).toEqual([]);
    // The header's one line ("OFFICIAL" at the right) starts at the 1.27cm (36pt) header distance: the
    // floating logo takes no room, so its baseline is one 9pt-or-so line below, not under the logo.
    const marking = read.pages[0]!.lines[0]!;
    expect(marking.text).toBe('OFFICIAL');
    expect(marking.top).toBeGreaterThan(36);
    expect(marking.top).toBeLessThan(36 + 14);
  });

  it('keeps the floating logo in the DOCX\'s first-page header', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'report.docx')));
    const headers = await Promise.all(Object.keys(zip.files).filter((p) => /^word\/header\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
    const withLogo = headers.filter((h) => h.includes('<wp:anchor'));
    expect(withLogo).toHaveLength(1);
    expect(withLogo[0]).toMatch(/<wp:positionH relativeFrom="page"><wp:posOffset>4319905<\/wp:posOffset>/);
  });

  itWithLibreOffice()('is where LibreOffice draws it from the DOCX', async () => {
    const [pdf] = convertWithLibreOffice(soffice()!, [path.join(out, 'report.docx')], tempDir());
    const read = await pdfRuns(new Uint8Array(fs.readFileSync(pdf!)));
    expectLogo(read.pages[0]!.pictures);
  }, 180000);
});
