import type { Command } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { checkerFor, CHECKERS } from '../checkers';
import { type Diagnostic, UnreadableInputError } from '../../diagnostics/diagnostic';
import { parseMaxSize } from '../max-size';
import { settingsOrReport } from '../options';

const HELP = `Usage: cabinet check <file…> [--config FILE] [--strict] [--json] [--max-size MB]

Checks workbooks (${Object.keys(CHECKERS).join(' ')}) and prints one line per problem:
  plan.xlsx: Actions!E41: error[unknown-status]: "Purple" is not in this plan's legend (…)
then a summary line.

Reports (.md), decision records and meeting files (.yaml) are checked against the settings; any other
YAML file is checked as a settings file (unknown keys, wrong values, each with its line).

Options:
  --config FILE   settings file used for the checks (governance rules, limits)
  --strict        warnings fail the check too
  --json          print {files:[{file, diagnostics}]} instead of lines
  --max-size MB   refuse files larger than this (default 50)
  --help          show this help

Exit codes: 0 clean (warnings allowed), 1 data errors (or warnings with --strict),
2 usage error or a file that cannot be read.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'check workbooks cell by cell and list every problem',
  help: HELP,
  // eslint-disable-next-line @typescript-eslint/require-await -- every command is async (Command.run); this one has nothing to wait for
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      'max-size': { type: 'string' },
      config: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file to check');
    const maxBytes = parseMaxSize(values['max-size']);
    const config = settingsOrReport(values.config, io);
    if (!config) return EXIT_USAGE;
    const results: { file: string; diagnostics: Diagnostic[] }[] = [];
    let unreadable = false;
    for (const file of positionals) {
      const checker = checkerFor(file);
      if (!checker) throw new UsageError(`cannot check ${file}: expected one of ${Object.keys(CHECKERS).join(', ')}`);
      try {
        results.push({ file, diagnostics: checker(file, { maxBytes, config }) });
      } catch (e) {
        if (!(e instanceof UnreadableInputError)) throw e;
        unreadable = true;
        // Name what could not be read when it is not the file itself (render.logo.path, a workbook).
        results.push({ file, diagnostics: [{ severity: 'error', code: 'unreadable', message: e.file === file ? e.reason : `${e.file}: ${e.reason}`, file }] });
      }
    }
    const all = results.flatMap((r) => r.diagnostics);
    if (values.json) io.stdout(JSON.stringify({ files: results }, null, 2) + '\n');
    else {
      for (const d of all) io.stdout(formatDiagnostic(d) + '\n');
      io.stdout(summaryLine(all, results.length) + '\n');
    }
    if (unreadable) return EXIT_USAGE;
    const failing = all.some((d) => d.severity === 'error' || (values.strict && d.severity === 'warning'));
    return failing ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
