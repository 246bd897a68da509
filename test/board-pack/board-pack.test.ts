import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBoardPack } from '../../src/board-pack/build-board-pack';
import { defaultConfig } from '../../src/config/load';
import { readPdf, type PdfRead } from '../support/pdf';
import { readDocx, type DocxRead } from '../support/docx';
import { ROOT, tempDir } from '../report/fixtures';
import { cabinet } from '../support/cli';

const monthly = (m: string) => path.join(ROOT, 'data/monthly', m, 'wf-improvement-plan.xlsx');
const squash = (s: string) => s.replace(/\s+/g, '');
let work: string;
let config: ReturnType<typeof defaultConfig>;
let pdf: PdfRead;
let docx: DocxRead;
let march: Awaited<ReturnType<typeof buildBoardPack>>;

beforeAll(async () => {
  work = tempDir();
  config = defaultConfig();
  config.boardPack.historyDir = path.join(work, 'history');
  await buildBoardPack({ month: '2024-02', plans: [monthly('2024-02')], config, outDir: path.join(work, 'out'), cwd: ROOT });
  march = await buildBoardPack({ month: '2024-03', plans: [monthly('2024-03')], config, outDir: path.join(work, 'out'), cwd: ROOT });
  pdf = await readPdf(fs.readFileSync(path.join(march.outputDir, 'board-pack-2024-03.pdf')));
  docx = await readDocx(fs.readFileSync(path.join(march.outputDir, 'board-pack-2024-03.docx')));
}, 120000);

const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe('the March 2024 board pack', () => {
  it('gives the position as at the end of the month, with page numbers running on', () => {
    expect(march.exitCode).toBe(0);
    expect(pdf.pages[0]).toContain('Position as at 31 March 2024');
    pdf.pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pdf.pageCount}`));
  });

  // Hand-counted from data/sources/wf-improvement-plan-2023-24.yaml (the March statuses), not from the reader:
  // A 11 Blue, 3 Amber, 2 Green, 1 Red; B 15 Blue, 4 Amber, 9 Green, 1 Grey, 1 Red; C 8 Blue, 1 Amber, 2 Green;
  // D 1 Blue, 3 Green, 1 Amber, 1 Grey. Columns in the key's order: Grey, Blue, Green, Amber, Red.
  it('counts statuses per section and overall against the hand-counted plan', () => {
    const summary = docx.tables.find((t) => t[0]!.join('|') === 'Section|Grey|Blue|Green|Amber|Red|Total')!;
    const counts = (name: string) => summary.find((r) => r[0]!.startsWith(name))!.slice(1).map((c) => Number(c.split(' ')[0]));
    expect(counts('A.')).toEqual([0, 11, 2, 3, 1, 17]);
    expect(counts('B.')).toEqual([1, 15, 9, 4, 1, 30]);
    expect(counts('C.')).toEqual([0, 8, 2, 1, 0, 11]);
    expect(counts('D.')).toEqual([1, 1, 3, 1, 0, 6]);
    expect(counts('All sections')).toEqual([2, 35, 16, 9, 2, 64]);
    expect(summary.find((r) => r[0] === 'All sections')![4]).toBe('9 (14%)');
  });

  it('lists every Red and then every Amber action in the exceptions, and nothing else', () => {
    const table = docx.tables.find((t) => t[0]!.join('|') === 'Ref|Action|Lead|Due|Status|Progress')!;
    const rows = table.slice(1).map((r) => [r[0], r[4]]);
    expect(rows).toEqual([
      ['4.2', 'Red'], ['8.3', 'Red'],
      ['1.5', 'Amber'], ['3.3', 'Amber'], ['3.5', 'Amber'], ['6.3', 'Amber'], ['8.2', 'Amber'], ['11.3', 'Amber'], ['14.2', 'Amber'], ['15.3', 'Amber'], ['No ref', 'Amber'],
    ]);
    const section = between(pdf.text, 'Exceptions: Red and Amber actions', 'Consistency warnings');
    for (const id of ['4.2', '8.3', '1.5', '3.3']) expect(section).toMatch(new RegExp(`(^|\\n)${id.replace('.', '\\.')} `));
  });

  it('shows a status that changed from February to March with an arrow and words', () => {
    const moved = docx.tables.find((t) => t[0]!.join('|') === 'Ref|Action|Last month|This month|Change')!;
    expect(moved.find((r) => r[0] === '1.5')!.slice(2)).toEqual(['Green', 'Amber', '↓ Worsened']);
    expect(moved.find((r) => r[0] === '4.4')!.slice(2)).toEqual(['Amber', 'Blue', '↑ Improved']);
  });

  it('lists the action new in March', () => {
    const added = docx.tables.find((t) => t[0]!.join('|') === 'Ref|Action|Status')!;
    expect(added.map((r) => r[1])).toContain('Ensure all our care experienced young people are clear about their entitlements and the support on offer through targeted campaign and awareness raising – in partnership with care leavers forum');
  });

  it('has the chart as a vector image with alt text and a caption stating its figures, in both formats', () => {
    expect(docx.documentXml).toMatch(/<wp:docPr [^>]*descr="Stacked bar chart of the number of actions at each status in each section[^"]*Section A: 11 Blue/);
    expect(squash(pdf.text)).toContain(squash('Actions by status and section: Section A: 11 Blue, 2 Green, 3 Amber, 1 Red;'));
    // SVG for Word 2016 and later, with the PNG fallback older readers show.
    expect(docx.files.some((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toBe(true);
    expect(docx.files.some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
  });

  it('flags consistency problems the board should see', () => {
    const section = between(pdf.text, 'Consistency warnings', 'Due in the next 60 days');
    expect(section).toContain('No lead');
    expect(squash(section)).toContain(squash('has passed but it is not complete'));
  });
});

describe('unattended runs', () => {
  it('gives byte-identical files and one snapshot when run twice for the same month', async () => {
    const before = fs.readFileSync(path.join(march.outputDir, 'board-pack-2024-03.pdf'));
    const again = await buildBoardPack({ month: '2024-03', plans: [monthly('2024-03')], config, outDir: path.join(work, 'out'), cwd: ROOT });
    expect(fs.readFileSync(path.join(again.outputDir, 'board-pack-2024-03.pdf')).equals(before)).toBe(true);
    expect(fs.readdirSync(path.join(work, 'history', '2024-03'))).toHaveLength(1);
    expect(fs.readdirSync(path.join(work, 'history')).sort()).toEqual(['2024-02', '2024-03']);
  }, 60000);

  it('puts a plan with data errors on the data problems page, exits 1, and still builds from the others', async () => {
    const d = tempDir();
    const c = defaultConfig();
    c.boardPack.historyDir = path.join(d, 'history');
    const r = await buildBoardPack({ month: '2024-03', plans: [monthly('2024-03'), path.join(ROOT, 'data/broken/unknown-status.xlsx')], config: c, outDir: path.join(d, 'out'), cwd: ROOT });
    expect(r.exitCode).toBe(1);
    const p = await readPdf(fs.readFileSync(path.join(r.outputDir, 'board-pack-2024-03.pdf')));
    expect(p.text).toContain('Data problems');
    expect(squash(p.text)).toContain(squash('Workbook “unknown-status.xlsx”'));
    expect(squash(p.text)).toContain(squash('Sheet “Actions”, cell F5: "Purple" is not in this plan\'s legend'));
    expect(p.text).not.toContain('error[');
    expect(p.text).toContain('There is no snapshot of this plan for the previous month');
    expect(fs.readdirSync(path.join(d, 'history', '2024-03'))).toHaveLength(1);
  }, 60000);

  it('resolves --month auto from --today and exits 2 on a bad month', () => {
    const d = tempDir();
    fs.writeFileSync(path.join(d, 'c.yaml'), `boardPack:\n  historyDir: ${path.join(d, 'history')}\n`);
    const r = cabinet(['board-pack', '--month', 'auto', '--today', '2024-04-02', '--format', 'pdf', '--config', path.join(d, 'c.yaml'), '--out', path.join(d, 'out'), monthly('2024-03')]);
    expect(r.stdout).toContain('board pack for 2024-03');
    expect(cabinet(['board-pack', '--month', '2024-13']).code).toBe(2);
  }, 60000);
});
