import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../support/cli';
import { wfFolder } from './fixture';

/** `cabinet preview` as a user runs it (dist/, built by `npm test`'s pretest), stopped with Ctrl+C. */
describe('cabinet preview on the command line', () => {
  jest.setTimeout(120000);

  it('prints its URL, serves the page, and stops cleanly on SIGINT', async () => {
    const wf = wfFolder();
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), 'preview', wf.report, '--port', '0'], { cwd: wf.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stdout);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 50);
      void exited.then(() => reject(new Error(`exited early: ${stderr}`)));
    });
    expect(stdout).toBe(`Preview of ${wf.report} at ${url}\n`);
    expect(stderr).toMatch(/ built in \d+ ms: /);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Preview: data/reports/wf-cabinet-2023-09-12.md</title>');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('cabinet preview: stopped');
  });
});
