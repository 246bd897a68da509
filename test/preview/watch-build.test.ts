import * as fs from 'node:fs';
import * as path from 'node:path';
import { watchBuild } from '../../src/preview/watch-build';
import { saveLikeAnEditor, wfFolder, withCell } from './fixture';

/** Resolves once `test` holds for the text printed so far. */
function waitFor(out: string[], test: (text: string) => boolean, ms = 30000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => (test(out.join('')) ? resolve() : Date.now() > until ? reject(new Error(`timed out; printed:\n${out.join('')}`)) : setTimeout(tick, 50));
    tick();
  });
}

describe('cabinet build --watch', () => {
  jest.setTimeout(120000);

  it('builds, then rebuilds on each save, printing the problems and the files written', async () => {
    const wf = wfFolder();
    const out: string[] = [];
    let stop!: () => void;
    const until = new Promise<void>((r) => (stop = r));
    const rounds = (text: string) => text.split('watching for changes').length - 1;
    const running = watchBuild({ reports: [wf.report], build: { outDir: 'output', formats: ['pdf'] }, until, watch: { debounceMs: 100 } }, { stdout: (t) => out.push(t), cwd: wf.dir });
    await waitFor(out, (t) => rounds(t) === 1);
    expect(out.join('')).toMatch(/wrote output\/2023-09-12-childrens-social-care[^\n]*\/report\.pdf\n/);
    expect(out.join('')).toContain('built 1 of 1 reports');

    const workbook = path.join(wf.dir, wf.workbook);
    const original = fs.readFileSync(workbook);
    saveLikeAnEditor(workbook, await withCell(workbook, 'E14', 'Purple'));
    await waitFor(out, (t) => rounds(t) === 2);
    const second = out.join('').split('watching for changes')[1]!;
    expect(second).toContain(`${wf.workbook}: Action Plan!E14: error[unknown-status]`);
    expect(second).toContain('built 0 of 1 reports');
    expect(second).not.toContain('wrote ');

    saveLikeAnEditor(workbook, original);
    await waitFor(out, (t) => rounds(t) === 3);
    expect(out.join('').split('watching for changes')[2]).toContain('built 1 of 1 reports');
    stop();
    expect(await running).toBe(0);
  });
});
