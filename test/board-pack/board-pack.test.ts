import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBoardPack } from '../../src/board-pack/build-board-pack';
import { defaultConfig } from '../../src/config/load';
import { readPlan } from '../../src/model/read-plan';
import { planActions } from '../../src/model/plan';
import { statusCounts } from '../../src/model/plan-summary-counts';
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

  it("counts statuses as the model does", () => {
    const plan = readPlan(monthly('2024-03')).plan!;
    const counts = statusCounts(plan);
    const summary = docx.tables.find((t) => t[0]![0] === 'Section')!;
    const all = summary.find((r) => r[0] === 'All sections')!;
    expect(all.slice(1, -1).map((c) => Number(c.split(' ')[0]))).toEqual(counts.byStatus.map((s) => s.count));
    expect(Number(all[all.length - 1])).toBe(counts.total);
  });

  it('lists every Red and Amber action in the exceptions', () => {
    const plan = readPlan(monthly('2024-03')).plan!;
    const red = [...planActions(plan)].filter((x) => x.action.status?.label === 'Red').map((x) => x.action.id!);
    expect(red.length).toBeGreaterThan(0);
    const section = between(pdf.text, 'Exceptions: Red and Amber actions', 'Consistency warnings');
    for (const id of red) expect(section).toMatch(new RegExp(`(^|\\n)${id.replace('.', '\\.')} `));
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

  it('has the chart as an image with alt text stating its figures, in both formats', () => {
    expect(docx.documentXml).toMatch(/<wp:docPr [^>]*descr="Stacked bar chart of actions by status for each section[^"]*Section A: 11 Blue/);
    expect(squash(pdf.text)).toContain(squash('Stacked bar chart of actions by status for each section'));
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
    expect(squash(p.text)).toContain(squash('data/broken/unknown-status.xlsx: Actions!F5: error[unknown-status]'));
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
