import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type { Command } from '../command';
import { EXIT_USAGE, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { summaryLine } from '../../diagnostics/reporter';
import { privateOutDir, type BuildContext } from '../../pipeline/build-context';
import { paperName, paperOf, type Paper } from '../../preview/paper';
import { newToken, PortInUseError } from '../../preview/access';
import { defaultSources } from './build';

const HELP = `Usage: cabinet preview [FILE] [--port N] [--host H] [--open] [options]

Shows a paper in the browser and rebuilds it on every save: its pages as our PDF draws them (text you can
select and find), a contents list, every problem with its file and Sheet!Cell or line (click one to see
the line or the cell), the pre-publication checks of 'cabinet check', and the DOCX and PDF as built.

FILE is a report or decision record (.md) or a meeting file (.yaml, the agenda pack); with --board-pack,
the month's board pack from the settings; with nothing named, every report in data/reports and decision
in data/decisions, listed on the first page.
The paper, its workbooks, images, templates, logo, fonts and settings are watched.

Options:
  --port N           port to serve on (default 4321; 0 picks a free one)
  --host H           serve on this address instead of 127.0.0.1; the URL then carries a random token
                     that every request must have
  --open             open the page in the default browser
  --board-pack       preview the board pack (with --month, default auto)
  --month M          yyyy-mm or auto, for --board-pack
  --templates DIR    a council's own templates folder
  --config FILE      settings file (default data/cabinet.config.yaml if present)
  --help             show this help

Builds go to a private temporary folder; nothing in output/ is touched. Stop with Ctrl+C.
Exit codes: 2 usage error, a file that cannot be read, or the port in use.`;

const DEFAULT_PORT = 4321;

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port expects a number from 0 to 65535, found "${value}"`);
  return Number(value);
}

/** `xdg-open`, `open` or `start`: the desktop's own way; a failure is only a line, the URL is printed anyway. */
function openInBrowser(url: string, warn: (t: string) => void): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => warn(`could not open a browser (${cmd}); open ${url} yourself\n`));
    child.unref();
  } catch {
    warn(`could not open a browser; open ${url} yourself\n`);
  }
}

export const previewCommand: Command = {
  name: 'preview',
  summary: 'show a paper in the browser, rebuilt on every save, with its problems located',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' }, 'board-pack': { type: 'boolean' }, month: { type: 'string' },
      templates: { type: 'string' }, config: { type: 'string' },
    });
    if (positionals.length > 1 && !values['board-pack']) throw new UsageError('name one paper to preview (with none named, every report in data/reports and data/decisions)');
    const port = parsePort(values.port);
    let papers: Paper[];
    if (values['board-pack']) {
      const month = values.month ?? 'auto';
      if (month !== 'auto' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`--month expects yyyy-mm or auto, found "${month}"`);
      papers = [{ kind: 'board-pack', month, plans: positionals.length ? positionals : undefined }];
    } else papers = (positionals.length ? positionals : defaultSources(io.cwd)).map((f) => paperOf(f, io.cwd));
    const ctx: BuildContext = { cwd: io.cwd, configFile: values.config, templatesDir: values.templates, outDir: privateOutDir('cabinet-preview-'), formats: ['pdf', 'docx'] };
    const host = values.host ?? '127.0.0.1';
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server, watcher and pdf.js routes load only for this command
    const { startPreview } = require('../../preview/preview') as typeof import('../../preview/preview');
    let preview;
    try {
      preview = await startPreview(papers, ctx, { host, port, token: values.host ? newToken() : undefined }, {
        onBuild: (s, paper) => {
          // One line per save: when the DOCX and checks are in too (a failed build is complete at once).
          if (!s.complete) return;
          const b = s.build;
          io.stderr(`${new Date(s.at).toLocaleTimeString('en-GB')} ${paperName(paper)} ${b.ok ? 'built' : 'not built'} in ${Math.round(b.ms.build)} ms: ${summaryLine(b.diagnostics, 1)}\n`);
        },
      });
    } catch (e) {
      fs.rmSync(ctx.outDir, { recursive: true, force: true });
      if (!(e instanceof PortInUseError)) throw e;
      io.stderr(`cabinet preview: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`Preview of ${papers.length === 1 ? paperName(papers[0]!) : `${papers.length} papers`} at ${preview.url}\n`);
    if (values.open) openInBrowser(preview.url, io.stderr);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await preview.close();
    // The builds were private to this run.
    fs.rmSync(ctx.outDir, { recursive: true, force: true });
    io.stderr('cabinet preview: stopped\n');
    return 0;
  },
};
