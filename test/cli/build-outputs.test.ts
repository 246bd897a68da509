/** `build` says what it wrote, always, and a rebuild leaves no file of an earlier build behind. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cabinetAsync } from './run';
import { ROOT } from '../support/cli';
import { reportFile, tempDir } from '../report/fixtures';

/** A working folder with a small report on the Shropshire plan. */
function workspace(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, 'data/shropshire-improvement-plan-2024.xlsx'), path.join(dir, 'plan.xlsx'));
  reportFile(dir, { title: 'Outputs test', appendices: '' }, '\n## Summary\n\n{{status-summary}}\n');
  return dir;
}

const folder = 'out/2023-09-12-outputs-test';

describe('build lists the files it wrote', () => {
  it('when stderr is not a terminal (as here, and in a script), one line per file', async () => {
    const dir = workspace();
    const r = await cabinetAsync(['build', 'report.md', '--out', 'out'], { cwd: dir }).done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${folder}/report.pdf\nwrote ${folder}/report.docx\nwrote ${folder}/manifest.json\n`);
  }, 60_000);

  it('--quiet silences the list; --json lists the files in its output', async () => {
    const dir = workspace();
    const quiet = await cabinetAsync(['build', 'report.md', '--out', 'out', '--quiet', '--format', 'pdf'], { cwd: dir }).done;
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('wrote');
    expect(quiet.stderr).toBe('');
    const json = await cabinetAsync(['build', 'report.md', '--out', 'out', '--json', '--format', 'pdf'], { cwd: dir }).done;
    const files = (JSON.parse(json.stdout) as { reports: { files: string[] }[] }).reports[0]!.files;
    expect(files.map((f) => path.relative(dir, f))).toEqual([`${folder}/report.pdf`, `${folder}/manifest.json`]);
  }, 60_000);
});

describe('a build replaces the whole output set of its folder', () => {
  it('rebuilding with --format pdf removes the earlier report.docx, and keeps a file no manifest listed', async () => {
    const dir = workspace();
    expect((await cabinetAsync(['build', 'report.md', '--out', 'out'], { cwd: dir }).done).code).toBe(0);
    const out = path.join(dir, folder);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'report.docx', 'report.pdf']);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'the clerk’s own file');
    const r = await cabinetAsync(['build', 'report.md', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'notes.txt', 'report.pdf']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { documents: { file: string }[] };
    expect(manifest.documents.map((d) => d.file)).toEqual(['report.pdf']);
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('the clerk’s own file');
  }, 90_000);

  it('a failed rebuild removes nothing', async () => {
    const dir = workspace();
    expect((await cabinetAsync(['build', 'report.md', '--out', 'out'], { cwd: dir }).done).code).toBe(0);
    const out = path.join(dir, folder);
    fs.writeFileSync(path.join(dir, 'report.md'), fs.readFileSync(path.join(dir, 'report.md'), 'utf8').replace('{{status-summary}}', '{{status-summary}}\n\n{{#if}}'));
    const r = await cabinetAsync(['build', 'report.md', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'report.docx', 'report.pdf']);
  }, 90_000);

  it('a manifest planted as a link to /dev/zero is never read: the build stops at once naming it (exit 2)', async () => {
    const dir = workspace();
    expect((await cabinetAsync(['build', 'report.md', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done).code).toBe(0);
    const manifest = path.join(dir, folder, 'manifest.json');
    fs.rmSync(manifest);
    fs.symlinkSync('/dev/zero', manifest);
    // Read, it would never end: the test's timeout is the bound.
    const r = await cabinetAsync(['build', 'report.md', '--out', 'out', '--format', 'pdf'], { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('manifest.json: is a symbolic link; output is never written through a link');
  }, 60_000);
});
