/**
 * Every shell example of the README runs as shown and exits as the README says. An example is a line of a
 * ```sh block that starts with `npx cabinet`; it is run as the built CLI (what `npx cabinet` runs in the
 * checkout) from a scratch copy of data/ and templates/, so the checkout is left as it was found. A line
 * ending in `# exits N` must exit N, every other line 0. Examples that send mail (send or monthly without
 * --dry-run) or never end (preview, --watch) are listed but not run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/cli';

interface Example { line: number; args: string[]; exits: number; text: string }

/** Shell words: plain, '…' and "…" (no expansions: the README's examples use none). */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of command.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return out;
}

function examples(readme: string): { run: Example[]; notRun: Example[] } {
  const run: Example[] = [];
  const notRun: Example[] = [];
  let inSh = false;
  readme.split('\n').forEach((raw, i) => {
    const fence = raw.match(/^\s*```(\w*)/);
    if (fence) {
      inSh = !inSh && fence[1] === 'sh';
      return;
    }
    if (!inSh) return;
    const m = raw.trim().replace(/^\$\s+/, '').match(/^npx cabinet\s+(.*?)\s*(?:#\s*exits\s+(\d))?\s*(?:#.*)?$/);
    if (!m) return;
    const args = words(m[1]!);
    const example = { line: i + 1, args, exits: Number(m[2] ?? 0), text: raw.trim() };
    const sends = (args[0] === 'send' || args[0] === 'monthly') && !args.includes('--dry-run');
    const endless = args[0] === 'preview' || args.includes('--watch');
    (sends || endless ? notRun : run).push(example);
  });
  return { run, notRun };
}

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const { run } = examples(readme);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-readme-'));

beforeAll(() => {
  for (const dir of ['data', 'templates']) fs.cpSync(path.join(ROOT, dir), path.join(work, dir), { recursive: true });
  fs.mkdirSync(path.join(work, 'output'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the README shell examples', () => {
  it('are there: the README shows how to use every command', () => {
    const commands = new Set(run.map((e) => e.args[0]));
    for (const c of ['check', 'inspect', 'build', 'dates', 'agenda', 'board-pack']) expect([...commands]).toContain(c);
    expect(run.length).toBeGreaterThanOrEqual(12);
  });

  if (run.length) it.each(run.map((e) => [`README line ${e.line}: ${e.text}`, e] as const))('%s', (_name, e) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...e.args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, CABINET_CONFIG: '', CABINET_SMTP_PASSWORD: '' },
      timeout: 120_000,
    });
    // The example's own words on failure, so a reader of the test log sees which line of the README is wrong.
    expect({ exit: r.status, stderr: r.status === e.exits ? '' : r.stderr.slice(0, 2000) }).toEqual({ exit: e.exits, stderr: '' });
  }, 130_000);
});
