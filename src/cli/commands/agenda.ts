import type { Command } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, UsageError, EXIT_USAGE } from '../command';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { buildAgenda } from '../../pipeline/build-agenda';
import { PAPER_OPTIONS, PAPER_OPTIONS_HELP, parseFormats, settingsOrReport, templatesOrReport } from '../options';

const HELP = `Usage: cabinet agenda <meeting.yaml> [--out DIR] [--format pdf,docx] [--templates DIR] [--config FILE] [--word-template FILE] [--quiet]

Builds a meeting's papers into output/<date>-<committee>-agenda/:
  Agenda frontsheet <date> <time> <committee>.pdf   the agenda, each item with its page range
  Public reports pack <date> <time> <committee>.pdf  every public item, pages numbered across the pack,
                                                      each report stamped "Agenda Item N", bookmarks per
                                                      item and heading
  Restricted reports pack ….pdf                      Part II (exempt) items only, marked on every page
and the same as DOCX, with manifest.json saying which files are exempt. Exempt items never enter the
public pack: the public agenda lists them with their Schedule 12A paragraph.

Options:
${PAPER_OPTIONS_HELP}
  --quiet            no progress lines
  --help             show this help

Exit codes: 0 built, 1 data errors (nothing written), 2 usage or unreadable file.`;

export const agendaCommand: Command = {
  name: 'agenda',
  summary: 'build the agenda and the public and restricted reports packs for a meeting',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...PAPER_OPTIONS, quiet: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('name one meeting file');
    const formats = parseFormats(values.format);
    const config = settingsOrReport(values.config, io);
    if (config && values['word-template']) config.render.wordTemplate = values['word-template'];
    if (!config || !templatesOrReport(values.templates, io)) return EXIT_USAGE;
    const progress = io.isTTY && !values.quiet ? (line: string) => io.stderr(`built ${line}\n`) : undefined;
    const r = await buildAgenda(positionals[0]!, { config, outDir: values.out, formats, templatesDir: values.templates, cwd: io.cwd, onProgress: progress });
    for (const d of r.diagnostics) io.stdout(formatDiagnostic(d) + '\n');
    io.stdout(`${summaryLine(r.diagnostics, 1)}${r.outputDir ? `; papers in ${r.outputDir}` : '; nothing written'}\n`);
    return r.outputDir ? EXIT_OK : EXIT_DATA_ERRORS;
  },
};
