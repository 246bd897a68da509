import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/cli';
import { wfFolder } from './fixture';

/** `cabinet preview` as a user runs it (dist/, built by `npm test`'s pretest), stopped with Ctrl+C. */
describe('cabinet preview on the command line', () => {
  jest.setTimeout(120000);

  /** Starts the preview, waits for its URL and returns it with the streams so far and a way to stop it. */
  async function preview(wf: { dir: string; report: string }, extra: string[] = [], env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), 'preview', wf.report, '--port', '0', ...extra], { cwd: wf.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out.stdout);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 50);
      void exited.then(() => reject(new Error(`exited early: ${out.stderr}`)));
    });
    const stop = async () => {
      child.kill('SIGINT');
      return exited;
    };
    return { url, out, stop };
  }

  const until = async (done: () => boolean) => {
    for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  };

  it('prints its URL, serves the page, and stops cleanly on SIGINT', async () => {
    const wf = wfFolder();
    const { url, out, stop } = await preview(wf);
    expect(out.stdout).toBe(`Preview of ${wf.report} at ${url}\n`);
    expect(out.stderr).toMatch(/ built in \d+ ms: /);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Preview: data/reports/wf-cabinet-2023-09-12.md</title>');
    expect(await stop()).toBe(0);
    expect(out.stderr).toContain('cabinet preview: stopped');
  });

  it('--open hands the page address to the desktop opener, and says so plainly when there is none', async () => {
    const wf = wfFolder();
    // A stand-in xdg-open first on PATH records what it was asked to open.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-opener-'));
    const asked = path.join(bin, 'asked');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$*" > '${asked}'\n`, { mode: 0o755 });
    const opened = await preview(wf, ['--open'], { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
    await until(() => fs.existsSync(asked) && fs.readFileSync(asked, 'utf8').length > 0);
    expect(fs.readFileSync(asked, 'utf8')).toBe(opened.url);
    expect(await opened.stop()).toBe(0);

    // No opener at all (a server with no desktop): one line naming the address, and the preview goes on.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-no-opener-'));
    const bare = await preview(wf, ['--open'], { ...process.env, PATH: empty });
    await until(() => bare.out.stderr.includes('could not open a browser'));
    expect(bare.out.stderr).toContain(`could not open a browser (xdg-open); open ${bare.url} yourself`);
    expect((await fetch(bare.url)).status).toBe(200);
    expect(await bare.stop()).toBe(0);
  });
});
