import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { cabinetAsync } from './run';

/** A settings file with two typos: line 2 (render.fnot) and line 3 (boardPak). */
function typoSettings(dir: string): string {
  fs.writeFileSync(path.join(dir, 'typo.yaml'), 'render:\n  fnot: Arial\nboardPak: { board: X }\n');
  return 'typo.yaml';
}

describe('every command takes --config and stops on a settings problem with exit 2', () => {
  const commands: [string, string[]][] = [
    ['check', ['check', path.join(ROOT, 'data', 'wf-improvement-plan-2023-24.xlsx')]],
    ['inspect', ['inspect', path.join(ROOT, 'data', 'wf-improvement-plan-2023-24.xlsx')]],
    ['build', ['build', path.join(ROOT, 'data', 'decisions', 'cabinet-2023-06-15-ilacs.md'), '--out', 'out']],
    ['agenda', ['agenda', path.join(ROOT, 'data', 'meetings', 'cabinet-2023-09-12.yaml'), '--out', 'out']],
    ['board-pack', ['board-pack', '--month', '2024-03', '--out', 'out']],
    ['dates', ['dates', '--meeting', '2026-04-14']],
    ['send', ['send', 'out', '--list', 'members']],
    ['samples', ['samples', '--out', 'out']],
  ];
  it.each(commands)('%s', async (_name, args) => {
    const dir = tempDir();
    const r = await cabinetAsync([...args, '--config', typoSettings(dir)], { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('typo.yaml: line 2: error[config-unknown-key]: unknown key "render.fnot": did you mean render.font?');
    expect(r.stderr).toContain('typo.yaml: line 3: error[config-unknown-key]: unknown key "boardPak": did you mean boardPack?');
    expect(r.stderr).toContain('2 problems in the settings file typo.yaml: nothing was done (exit 2)');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('a --config file that does not exist is exit 2 naming it', async () => {
    const r = await cabinetAsync(['check', path.join(ROOT, 'data', 'wf-improvement-plan-2023-24.xlsx'), '--config', 'missing.yaml'], { cwd: tempDir() }).done;
    expect([r.code, r.stderr]).toEqual([2, 'missing.yaml: settings file not found\n']);
  });

  it('check --config uses the settings given for the checks (a closure day makes the publication date a non-working day)', async () => {
    const dir = tempDir();
    // The decision record says published: 2023-06-19.
    fs.writeFileSync(path.join(dir, 'closed.yaml'), 'governance:\n  closureDays: [2023-06-19]\n');
    const decision = path.join(ROOT, 'data', 'decisions', 'cabinet-2023-06-15-ilacs.md');
    const plain = await cabinetAsync(['check', decision], { cwd: dir }).done;
    const closed = await cabinetAsync(['check', decision, '--config', 'closed.yaml'], { cwd: dir }).done;
    expect(plain.stdout).not.toContain('not-a-working-day');
    expect(closed.stdout).toMatch(/not-a-working-day\].*publication date/);
  });
});

describe('cabinet samples exit codes', () => {
  /** A small samples folder: one good workbook and one decision record; board packs from the sample months. */
  function samplesFolder(): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'data', 'decisions'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'data', 'wf-improvement-plan-2023-24.xlsx'), path.join(dir, 'data', 'plan.xlsx'));
    fs.copyFileSync(path.join(ROOT, 'data', 'decisions', 'cabinet-2023-06-15-ilacs.md'), path.join(dir, 'data', 'decisions', 'd.md'));
    fs.writeFileSync(path.join(dir, 'settings.yaml'), `boardPack:\n  planFolders: [${JSON.stringify(path.join(ROOT, 'data', 'monthly'))}]\n  historyDir: out/history\n`);
    return dir;
  }
  const args = ['samples', '--data', 'data', '--out', 'out', '--config', 'settings.yaml'];

  it('0 when every sample builds; 1 when a sample workbook has data errors; 2 for a usage mistake', async () => {
    const dir = samplesFolder();
    const ok = await cabinetAsync(args, { cwd: dir }).done;
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', 'plans', 'plan.xlsx.json'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual([expect.stringMatching(/^2023-06-15-decision-/), 'board-pack', 'history', 'plans']);

    fs.copyFileSync(path.join(ROOT, 'data', 'broken', 'unknown-status.xlsx'), path.join(dir, 'data', 'unknown-status.xlsx'));
    const bad = await cabinetAsync(args, { cwd: dir }).done;
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/data\/unknown-status\.xlsx: .*error\[unknown-status\]/);

    const usage = await cabinetAsync([...args, '--colour'], { cwd: dir }).done;
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('cabinet samples: unknown option --colour.');
  }, 180_000);
});
