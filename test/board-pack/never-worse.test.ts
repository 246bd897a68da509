/**
 * A board pack is never worse than the last one: a run with no usable plan writes nothing and keeps the
 * previous pack; a pack with some plans left out says so on its cover, and its data problems page is in
 * words a board member reads (workbook, sheet, cell, what is wrong), without rule codes or server paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cabinetAsync } from '../cli/run';
import { ROOT } from '../support/cli';
import { readPdf } from '../support/pdf';
import { tempDir } from '../report/fixtures';

const march = path.join(ROOT, 'data/monthly/2024-03/wf-improvement-plan.xlsx');
const broken = (name: string) => path.join(ROOT, 'data/broken', name);
const snapshot = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));

/** A working folder with its own settings (history inside it) and a real March pack already built. */
async function withMarchPack() {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'c.yaml'), `boardPack:\n  historyDir: history\n  planFolders: [plans]\n`);
  fs.mkdirSync(path.join(dir, 'plans'));
  const first = await cabinetAsync(['board-pack', '--month', '2024-03', march, '--config', 'c.yaml', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
  expect(first.code).toBe(0);
  const pack = path.join(dir, 'out/board-pack/2024-03');
  return { dir, pack, before: snapshot(pack), history: snapshot(path.join(dir, 'history/2024-03')) };
}

describe('a run with no usable plan writes nothing', () => {
  it('board-pack --month 2024-03 nope.xlsx keeps the real March pack, exits 2 and names the file', async () => {
    const { dir, pack, before, history } = await withMarchPack();
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', 'nope.xlsx', '--config', 'c.yaml', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cabinet board-pack: nothing written: none of the plans could be used (nope.xlsx); the previous pack in out/board-pack/2024-03 is kept');
    expect(r.stdout).toContain('nope.xlsx: error[unreadable]: file not found');
    expect(snapshot(pack)).toEqual(before);
    expect(snapshot(path.join(dir, 'history/2024-03'))).toEqual(history);
  }, 90_000);

  it('a plan folder with no workbooks for the month: exit 2, nothing written', async () => {
    const { dir, pack, before } = await withMarchPack();
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', '--config', 'c.yaml', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing written: no plan workbooks were found for 2024-03; the previous pack in out/board-pack/2024-03 is kept');
    expect(snapshot(pack)).toEqual(before);
  }, 90_000);

  it('every plan with data errors or unreadable: nothing written, exit 2, each file named', async () => {
    const { dir, pack, before } = await withMarchPack();
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', broken('unknown-status.xlsx'), broken('not-a-spreadsheet.xlsx'), '--config', 'c.yaml', '--out', 'out', '--format', 'pdf', '--json'], { cwd: dir }).done;
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { written: boolean; files: string[]; readablePlans: string[]; unreadablePlans: string[] };
    expect(json.written).toBe(false);
    expect(json.files).toEqual([]);
    expect(json.readablePlans).toEqual([]);
    expect(json.unreadablePlans.map((f) => path.basename(f))).toEqual(['unknown-status.xlsx', 'not-a-spreadsheet.xlsx']);
    expect(snapshot(pack)).toEqual(before);
  }, 90_000);

  it('only plans with data errors (all readable): nothing written, exit 1', async () => {
    const { dir, pack, before } = await withMarchPack();
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', broken('unknown-status.xlsx'), '--config', 'c.yaml', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing written: none of the plans could be used');
    expect(snapshot(pack)).toEqual(before);
  }, 90_000);
});

describe('lock files in a plan folder', () => {
  it('a folder holding only Excel and LibreOffice lock files: each skipped with an info line, nothing written, exit 2', async () => {
    const { dir, pack, before } = await withMarchPack();
    fs.writeFileSync(path.join(dir, 'plans', '~$wf-improvement-plan.xlsx'), 'owner file');
    fs.writeFileSync(path.join(dir, 'plans', '.~lock.wf-improvement-plan.xlsx#'), 'lock');
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', '--config', 'c.yaml', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('plans/~$wf-improvement-plan.xlsx: info[not-a-plan-skipped]: skipped ~$wf-improvement-plan.xlsx: an Excel lock file');
    expect(r.stdout).toContain('plans/.~lock.wf-improvement-plan.xlsx#: info[not-a-plan-skipped]');
    expect(r.stderr).toContain('nothing written: no plan workbooks were found for 2024-03');
    expect(snapshot(pack)).toEqual(before);
  }, 90_000);

  it('a lock file beside the workbook someone has open: the pack is built from the workbook, complete, exit 0', async () => {
    const { dir } = await withMarchPack();
    fs.copyFileSync(march, path.join(dir, 'plans', 'wf-improvement-plan.xlsx'));
    fs.writeFileSync(path.join(dir, 'plans', '~$wf-improvement-plan.xlsx'), 'owner file');
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', '--config', 'c.yaml', '--out', 'out', '--format', 'pdf', '--json'], { cwd: dir }).done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { written: boolean; readablePlans: string[]; unreadablePlans: string[] };
    expect(json).toMatchObject({ written: true, readablePlans: ['plans/wf-improvement-plan.xlsx'], unreadablePlans: [] });
  }, 90_000);
});

describe('a pack with some plans left out', () => {
  let text: string;
  let first: string;
  let json: { written: boolean; readablePlans: string[]; unreadablePlans: string[]; exitCode: number };
  let code: number | null;
  beforeAll(async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'c.yaml'), `boardPack:\n  historyDir: history\n`);
    const r = await cabinetAsync(['board-pack', '--month', '2024-03', march, broken('unknown-status.xlsx'), 'missing.xlsx', '--config', 'c.yaml', '--out', 'out', '--format', 'pdf', '--json'], { cwd: dir }).done;
    code = r.code;
    json = JSON.parse(r.stdout) as typeof json;
    const pdf = await readPdf(fs.readFileSync(path.join(dir, 'out/board-pack/2024-03/board-pack-2024-03.pdf')));
    text = pdf.text.replace(/\s+/g, ' ');
    first = pdf.pages[0]!.replace(/\s+/g, ' ');
  }, 90_000);

  it('is built from the readable plan, exits 1 and reports which plans were read and which were not', () => {
    expect(code).toBe(1);
    expect(json.written).toBe(true);
    expect(json.readablePlans.map((f) => path.basename(f))).toEqual(['wf-improvement-plan.xlsx']);
    expect(json.unreadablePlans.map((f) => path.basename(f))).toEqual(['unknown-status.xlsx', 'missing.xlsx']);
  });

  it('says on its first page that it is incomplete, in words a board member understands', () => {
    expect(first).toContain('This pack is incomplete: 2 of the 3 plans for this month could not be included, so their figures are missing from every summary below.');
    expect(first).toContain('The “Data problems” section at the end names each workbook and what needs correcting.');
  });

  it('names each workbook, sheet and cell and what is wrong on the data problems page, without codes or paths', () => {
    const page = text.slice(text.lastIndexOf('Data problems'));
    expect(page).toContain('Workbook “unknown-status.xlsx”');
    expect(page).toContain('Sheet “Actions”, cell F5: "Purple" is not in this plan\'s legend (Grey, Blue, Green, Amber, Red).');
    expect(page).toContain('Workbook “missing.xlsx”');
    expect(page).toContain('The workbook could not be opened: file not found.');
    expect(page).not.toMatch(/error\[|warning\[/);
    expect(page).not.toContain(ROOT);
    expect(page).not.toContain('data/broken');
  });
});
