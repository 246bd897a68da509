/**
 * Each command is loaded only when it runs, with the libraries it needs: the built CLI is run in a child
 * process that lists the packages it loaded (dist/ is built by `npm test`'s pretest).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/registry';
import { ROOT } from '../support/cli';

const HEAVY = ['docx', 'pdfkit', 'pdfmake', 'handlebars', 'xlsx', 'fontkit', 'jszip'];

/** Runs `cabinet <args>` and returns the node_modules packages it loaded, and its exit code. */
function packagesLoaded(args: string[]): { code: number | null; packages: string[] } {
  const script = `
    const { main } = require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'main.js'))});
    const io = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: ${JSON.stringify(ROOT)} };
    main(${JSON.stringify(args)}, io).then((code) => {
      const names = new Set(Object.keys(require.cache).map((f) => (f.match(/node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/) || [])[1]).filter(Boolean));
      process.stdout.write(JSON.stringify({ code, packages: [...names].sort() }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { code: number | null; packages: string[] };
}

describe('command loading', () => {
  it('lists every command with the summary its module gives', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
    expect(COMMANDS.map((c) => c.name)).toEqual(['inspect', 'check', 'build', 'preview', 'dates', 'agenda', 'board-pack', 'send', 'monthly', 'template', 'samples']);
  });

  it('loads none of the document libraries, nor SheetJS, for --help, dates or checking an .xlsx workbook', () => {
    const help = packagesLoaded(['--help']);
    expect(help.code).toBe(0);
    const dates = packagesLoaded(['dates', '--meeting', '2026-04-14']);
    expect(dates.code).toBe(0);
    const check = packagesLoaded(['check', 'data/wf-improvement-plan-2023-24.xlsx']);
    expect(check.code).toBe(0);
    // An .xlsx is read by our own streaming reader: SheetJS loads only for .xls and .ods (test/reader/lazy-sheetjs).
    for (const run of [help, dates, check]) expect(run.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });
});
