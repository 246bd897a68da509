import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import { UsageError, EXIT_USAGE } from '../command';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { buildBoardPack } from '../../board-pack/build-board-pack';
import { isIsoDate } from '../../dates/iso';
import { parseFormats, settingsOrReport } from '../options';

const HELP = `Usage: cabinet board-pack --month yyyy-mm|auto [plan.xlsx…] [options]

Builds the monthly board pack from the latest plan workbooks into output/board-pack/<month>/
(board-pack-<month>.pdf and .docx, manifest.json): RAG summary with chart, exceptions (every action whose
status is an exception in the plan's key: Red and Amber, or the council's own words),
consistency warnings, actions due in the next 60 days, changes since last month, KPIs, data problems,
and the full action tables. Each run keeps a snapshot of every plan for its month in the
history folder (boardPack.historyDir); next month's pack compares against it.

With no plans named, reads the workbooks in <folder>/<month>/ (or <folder>/) for each folder in
boardPack.planFolders.

Options:
  --month M        yyyy-mm, or auto for the month that ended most recently
  --today DATE     today's date for --month auto (default: the system date)
  --out DIR        output root (default output)
  --format LIST    pdf,docx (default both)
  --config FILE    settings file
  --word-template FILE  a council's Word template (.dotx or .docx), instead of render.wordTemplate
  --strict         warnings count as failures
  --json           print the result as JSON

Exit codes: 0 built; 1 a plan had data errors (the other plans still make the pack, whose cover says it
is incomplete and whose data problems page names each workbook and cell), or every plan had data errors
(nothing written); 2 usage error, or no plan found or readable: nothing is written and the previous
pack for the month is kept. Running twice for one month gives byte-identical files.`;

export const boardPackCommand: Command = {
  name: 'board-pack',
  summary: 'build the monthly board pack (RAG summary, exceptions, changes since last month)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { month: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, config: { type: 'string' }, 'word-template': { type: 'string' }, strict: { type: 'boolean' }, json: { type: 'boolean' } });
    if (!values.month) throw new UsageError('--month is required (yyyy-mm or auto)');
    if (values.today && !isIsoDate(values.today)) throw new UsageError(`--today expects yyyy-mm-dd, found "${values.today}"`);
    if (values.month !== 'auto' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new UsageError(`--month expects yyyy-mm or auto, found "${values.month}"`);
    const formats = parseFormats(values.format);
    const config = settingsOrReport(values.config, io);
    if (config && values['word-template']) config.render.wordTemplate = values['word-template'];
    if (!config) return EXIT_USAGE;
    const r = await buildBoardPack({ month: values.month, plans: positionals.length ? positionals : undefined, config, outDir: values.out, today: values.today, formats, cwd: io.cwd });
    if (values.json) io.stdout(JSON.stringify(r, null, 2) + '\n');
    else {
      for (const d of r.diagnostics) io.stdout(formatDiagnostic(d) + '\n');
      const files = Math.max(1, r.readablePlans.length + r.unreadablePlans.length);
      if (r.written) io.stdout(`${summaryLine(r.diagnostics, files)}; board pack for ${r.month} in ${path.relative(io.cwd, r.outputDir) || '.'}\n`);
      else {
        const kept = fs.existsSync(r.outputDir) ? `; the previous pack in ${path.relative(io.cwd, r.outputDir)} is kept` : '';
        const why = r.unreadablePlans.length ? `none of the plans could be used (${r.unreadablePlans.join(', ')})` : `no plan workbooks were found for ${r.month}`;
        io.stderr(`cabinet board-pack: nothing written: ${why}${kept}\n`);
        io.stdout(`${summaryLine(r.diagnostics, files)}; no board pack written for ${r.month}\n`);
      }
    }
    return r.exitCode || (values.strict && r.diagnostics.some((d) => d.severity === 'warning') ? 1 : 0);
  },
};
