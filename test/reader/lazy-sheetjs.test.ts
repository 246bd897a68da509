/**
 * SheetJS is loaded only for what needs it (.xls, .ods): an .xlsx or CSV check never loads it (issue 15,
 * item 7). Each case runs the built CLI in a child process with a preloaded hook that lists, as the process
 * exits, whether any module under node_modules/xlsx was ever required (require.cache).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { smallPlanXls, smallPlanOds, xlsx, SMALL_PLAN } from '../../src/bench/hostile-inputs';
import { ROOT } from '../support/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lazy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hook = path.join(dir, 'hook.js');
fs.writeFileSync(
  hook,
  `process.on('exit', () => require('fs').writeFileSync(process.env.LOADED_OUT, String(Object.keys(require.cache).some((k) => /node_modules[\\\\/]xlsx[\\\\/]/.test(k)))));`,
);

function sheetjsLoaded(file: string): { loaded: boolean; code: number | null } {
  const out = path.join(dir, `${path.basename(file)}.loaded`);
  const r = spawnSync(process.execPath, ['-r', hook, path.join(ROOT, 'dist', 'cli', 'main.js'), 'check', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOADED_OUT: out } });
  return { loaded: fs.readFileSync(out, 'utf8') === 'true', code: r.status };
}

describe('SheetJS is loaded only for .xls and .ods', () => {
  it.each(['data/wf-improvement-plan-2023-24.xlsx', 'data/councils/hillbrook/hillbrook-children-and-families-plan.xlsx'])('checking %s does not load it', (file) => {
    const r = sheetjsLoaded(path.join(ROOT, file));
    expect(r.code).not.toBe(2);
    expect(r.loaded).toBe(false);
  });

  it('checking a CSV plan does not load it', () => {
    const file = path.join(dir, 'plan.csv');
    fs.writeFileSync(file, SMALL_PLAN.map((row) => row.map((v) => v ?? '').join(',')).join('\n'));
    expect(sheetjsLoaded(file).loaded).toBe(false);
  });

  it('checking an .xlsx with hidden columns does not load it', () => {
    const file = path.join(dir, 'hidden.xlsx');
    fs.writeFileSync(file, xlsx([{ name: 'Plan', rows: SMALL_PLAN, hiddenColumns: [4], hiddenRows: [5] }]));
    expect(sheetjsLoaded(file).loaded).toBe(false);
  });

  it('checking an .xls or .ods does load it (the hook sees a load when there is one)', () => {
    for (const [name, bytes] of [['plan.xls', smallPlanXls()], ['plan.ods', smallPlanOds()]] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = sheetjsLoaded(file);
      expect(r.code).toBe(0);
      expect(r.loaded).toBe(true);
    }
  });
});
