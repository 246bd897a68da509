/**
 * A DOCX a reader can trust: LibreOffice, standing in for Word, draws every row of every table of every DOCX
 * the samples write. For each table of word/document.xml, each of its w:tr must be found, in order, in
 * LibreOffice's PDF of the DOCX, and in our own PDF of the same layout, by its first cell's text on the page
 * (test/support/table-rows.ts says how a row is found). The March 2024 board pack once lost all seven rows of
 * its "Key performance indicators" table in LibreOffice, after the header row at the foot of a page. LibreOffice
 * 7.4 drops the rest of a table when the cantSplit row before a page break fits above the page foot only
 * without its bottom border (a window of 0.5pt, our borders' width, at each break), so a sample whose text
 * moves by a point can lose rows where it did not before: this test is what notices.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { itWithLibreOffice, itWithTool, soffice } from '../support/libreoffice';
import { ROOT } from '../support/cli';
import { convertAllWithLibreOffice, docxTables, findRows, hasPdftotext, normalise, pdfWords, type DocxTable, type Found, type Word } from '../support/table-rows';

// Made only when the comparison runs: jest runs no hooks for a file whose tests are all skipped.
let OUT = '';
afterAll(() => {
  if (OUT) fs.rmSync(OUT, { recursive: true, force: true });
});

interface Sample {
  name: string;
  tables: DocxTable[];
  lo: Word[][];
  ours: Word[][];
}

const ready = Boolean(soffice()) && hasPdftotext();
const samples: Sample[] = [];

function docxUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? docxUnder(p) : e.name.endsWith('.docx') ? [p] : [];
  });
}

/** `it` when LibreOffice and pdftotext are both installed, with the same skip and CI rule for pdftotext. */
function itWithTools(): jest.It {
  if (!soffice()) return itWithLibreOffice();
  return itWithTool(hasPdftotext(), { name: 'pdftotext', command: 'pdftotext', ciPackage: 'poppler', install: 'pdftotext (poppler-utils) is not installed' });
}

beforeAll(async () => {
  if (!ready) return;
  OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lo-rows-'));
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'samples', '--out', path.join(OUT, 'samples')], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`samples exited ${run.status}: ${run.stderr}`);
  const docx = docxUnder(path.join(OUT, 'samples')).sort();
  const theirs = convertAllWithLibreOffice(soffice()!, docx, path.join(OUT, 'libreoffice'));
  for (const [i, file] of docx.entries())
    samples.push({
      name: path.relative(path.join(OUT, 'samples'), file),
      tables: await docxTables(fs.readFileSync(file)),
      lo: pdfWords(theirs[i]!),
      ours: pdfWords(file.replace(/\.docx$/, '.pdf')),
    });
}, 900_000);

const count = (found: (Found | undefined)[]) => found.filter(Boolean).length;

/** "rows 2-8" style list of the 1-based rows not found, with the first one's text. */
function missing(table: DocxTable, found: (Found | undefined)[]): string {
  const lost = found.flatMap((f, i) => (f ? [] : [i]));
  return lost.length ? `rows ${lost.map((i) => i + 1).join(', ')} (first: "${table.rows[lost[0]!]!.text.slice(0, 50)}")` : '';
}

describe('table rows in LibreOffice and in our PDF', () => {
  itWithTools()('every row of every table of every sample DOCX is drawn by LibreOffice and shown in our PDF', () => {
    expect(samples.length).toBeGreaterThanOrEqual(28);
    const wrong: string[] = [];
    let tables = 0;
    let rows = 0;
    for (const s of samples) {
      const lo = findRows(s.tables, s.lo);
      const ours = findRows(s.tables, s.ours);
      for (const [t, table] of s.tables.entries()) {
        tables++;
        rows += table.rows.length;
        const empty = table.rows.filter((r) => !normalise(r.text)).length;
        const xml = table.rows.length;
        const inLo = count(lo[t]!) + empty;
        const inOurs = count(ours[t]!) + empty;
        if (inLo !== xml || inOurs !== xml)
          wrong.push(`${s.name}: table ${table.index} "${table.name}": ${xml} rows in the XML, ${inLo} drawn by LibreOffice${inLo !== xml ? ` (missing ${missing(table, lo[t]!)})` : ''}, ${inOurs} in our PDF${inOurs !== xml ? ` (missing ${missing(table, ours[t]!)})` : ''}`);
      }
    }
    console.log(`${samples.length} sample DOCX, ${tables} tables, ${rows} rows: ${wrong.length} tables differ${wrong.length ? `:\n${wrong.join('\n')}` : ''}`);
    expect(wrong).toEqual([]);
    // Every sample has tables: a count of zero everywhere would pass the comparison above and prove nothing.
    expect(samples.filter((s) => s.tables.length === 0).map((s) => s.name)).toEqual([]);
  });

  itWithTools()('the March 2024 board pack shows its seven key performance indicators after the header row, and a row taken off the page is missed', () => {
    const pack = samples.find((s) => s.name === path.join('board-pack', '2024-03', 'board-pack-2024-03.docx'))!;
    const kpi = pack.tables.findIndex((t) => t.rows[0]?.text === 'Indicator');
    const table = pack.tables[kpi]!;
    // Counted by hand in data/monthly: the header row and seven indicators, the first "Supervision frequency".
    expect(table.rows.length).toBe(8);
    expect(table.rows[0]!.header).toBe(true);
    expect(table.rows[1]!.text).toBe('Supervision frequency');
    expect(count(findRows(pack.tables, pack.lo)[kpi]!)).toBe(8);
    // The same pages without the words of "Workforce retention": that row, and only it, is not found.
    const without = pack.lo.map((page) => page.filter((w) => !(w.text === 'Workforce' || (w.text === 'retention' && page.some((o) => o.text === 'Workforce' && Math.abs(o.y0 - w.y0) < 1)))));
    const found = findRows(pack.tables, without)[kpi]!;
    expect(found.flatMap((f, i) => (f ? [] : [table.rows[i]!.text]))).toEqual(['Workforce retention']);
  });
});
