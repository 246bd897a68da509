/**
 * A DOCX a reader can trust: LibreOffice, standing in for Word, lays out every DOCX the samples write, and
 * its page count must be the page count of the PDF we wrote from the same layout, for every one of them
 * (the test names each document that differs). Word and LibreOffice keep a paragraph's space before at the
 * top of a page a section break started, so pagination does too: without it the Shropshire report's
 * landscape appendix began a line higher in our PDF, which came to 7 pages against LibreOffice's 8.
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
  itWithLibreOffice()('lay out every sample DOCX on as many pages as our PDF of it', async () => {
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
    expect(differ).toEqual([]);
  }, 900_000);
});
