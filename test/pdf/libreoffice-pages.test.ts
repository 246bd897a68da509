/**
 * A DOCX a reader can trust: LibreOffice, standing in for Word, lays out every DOCX the samples write, and
 * its page count is compared with the page count of the PDF we wrote from the same layout. Counted by
 * hand on 1 December 2026: 27 of the 28 agree; the Shropshire report is 7 pages as PDF and 8 as
 * LibreOffice lays its DOCX out (its landscape appendix's first heading sits a line lower in the DOCX).
 * The test fails if fewer agree than that, and names every document that differs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertWithLibreOffice, itWithLibreOffice, soffice } from '../support/libreoffice';
import { ROOT } from '../support/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as { getDocument(src: { data: Uint8Array; verbosity?: number }): { promise: Promise<{ numPages: number; destroy(): Promise<void> }> } };

const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lo-pages-'));
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

function docxUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? docxUnder(p) : e.name.endsWith('.docx') ? [p] : [];
  });
}

async function pages(pdf: string): Promise<number> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdf)), verbosity: 0 }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

describe('LibreOffice and our PDF', () => {
  itWithLibreOffice()('lay out every sample DOCX on as many pages as our PDF of it (27 of 28 today)', async () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'samples', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const docx = docxUnder(OUT).sort();
    expect(docx.length).toBeGreaterThanOrEqual(28);
    const theirs = convertWithLibreOffice(soffice()!, docx, path.join(OUT, 'libreoffice'));
    const differ: string[] = [];
    for (const [i, file] of docx.entries()) {
      const ours = await pages(file.replace(/\.docx$/, '.pdf'));
      const lo = await pages(theirs[i]!);
      if (ours !== lo) differ.push(`${path.relative(OUT, file)}: our PDF ${ours} pages, LibreOffice ${lo}`);
    }
    console.log(`LibreOffice lays out ${docx.length - differ.length} of ${docx.length} sample DOCX on as many pages as our PDF${differ.length ? `; differs: ${differ.join('; ')}` : ''}`);
    expect(differ.length).toBeLessThanOrEqual(1);
  }, 900_000);
});
