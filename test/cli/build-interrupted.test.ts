import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { cabinetAsync } from './run';

/** Every file of a folder with its bytes, leaving out the temporary files of an interrupted write. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).filter((f) => !/\.tmp-/.test(f)).sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
  );
}

/** A decision record built once into out/, then changed so that a second build would change every file. */
async function builtOnce() {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, 'data', 'decisions', 'cabinet-2023-06-15-ilacs.md'), path.join(dir, 'd.md'));
  const first = await cabinetAsync(['build', 'd.md', '--out', 'out'], { cwd: dir }).done;
  expect(first.code).toBe(0);
  const out = path.join(dir, 'out', fs.readdirSync(path.join(dir, 'out'))[0]!);
  const before = snapshot(out);
  expect(Object.keys(before)).toEqual(['decision.docx', 'decision.pdf', 'manifest.json']);
  fs.appendFileSync(path.join(dir, 'd.md'), '\nA paragraph added after the first build.\n');
  return { dir, out, before };
}

describe('a build that does not finish leaves the previous output intact', () => {
  it('when a write fails part-way (the file-size limit stops the first file), exit 2 and nothing replaced', async () => {
    const { dir, out, before } = await builtOnce();
    // 16 KB: the PDF (about 25 KB) cannot be written in full.
    const r = await cabinetAsync(['build', 'd.md', '--out', 'out'], { cwd: dir, shellPrefix: 'ulimit -f 16' }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/EFBIG|file too large/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
    // The half-written temporary file is removed as well.
    expect(fs.readdirSync(out).filter((f) => /\.tmp-/.test(f))).toEqual([]);
    // And a build that is allowed to finish does replace them.
    const again = await cabinetAsync(['build', 'd.md', '--out', 'out'], { cwd: dir }).done;
    expect(again.code).toBe(0);
    expect(snapshot(out)['decision.pdf']).not.toEqual(before['decision.pdf']);
  }, 90_000);

  it('when the process is killed (SIGKILL) while it writes: after the first temporary file, before any rename', async () => {
    const { dir, out, before } = await builtOnce();
    // A preload that stops the build at a point the test observes, however fast or busy the machine is:
    // the first temporary output file has been written in full; it says so on stderr and waits to be killed.
    const hook = path.join(dir, 'pause-after-first-temp.js');
    fs.writeFileSync(hook, `
      const fs = require('node:fs');
      const write = fs.writeFileSync;
      fs.writeFileSync = function (file, ...rest) {
        const r = write.call(this, file, ...rest);
        if (/\\.tmp-/.test(String(file))) {
          write.call(fs, 2, 'PAUSED-AFTER-TEMP\\n');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
        }
        return r;
      };
    `);
    let paused!: () => void;
    const seen = new Promise<void>((resolve) => (paused = resolve));
    const run = cabinetAsync(['build', 'd.md', '--out', 'out'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--require ${hook}` },
      onStderr: (all) => all.includes('PAUSED-AFTER-TEMP') && paused(),
    });
    await seen;
    // A temporary file stands beside the previous outputs: the kill lands in the middle of the write.
    expect(fs.readdirSync(out).some((f) => /\.tmp-/.test(f))).toBe(true);
    process.kill(run.pid!, 'SIGKILL');
    const r = await run.done;
    expect(r.signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(before);
  }, 90_000);
});
