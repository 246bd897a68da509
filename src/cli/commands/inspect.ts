import * as path from 'node:path';
import type { Command } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { settingsOrReport } from '../options';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { parseMaxSize } from '../max-size';
import { readPlan, readSettings } from '../../model/read-plan';
import type { Plan } from '../../model/plan';
import { statusCounts } from '../../model/plan-summary-counts';
import { WORKBOOK_FILE } from '../../readers/workbook-files';
import { count } from '../count';

const HELP = `Usage: cabinet inspect <file> [--config FILE] [--json] [--max-size MB]

Reads a plan workbook and prints what was understood: title, period, legend, sections with their
themes and action counts, actions per status, and every diagnostic.

Options:
  --config FILE   settings file (checked first; a problem in it stops with exit 2)
  --json          print the whole {plan, diagnostics} as JSON
  --max-size MB   refuse files larger than this (default 50)
  --help          show this help

Exit codes: 0 read (warnings allowed), 1 data errors, 2 usage error or unreadable file.`;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show what a plan workbook contains, as text or JSON',
  help: HELP,
  // eslint-disable-next-line @typescript-eslint/require-await -- every command is async (Command.run); this one has nothing to wait for
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, 'max-size': { type: 'string' }, config: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('name exactly one workbook to inspect');
    const config = settingsOrReport(values.config, io);
    if (!config) return EXIT_USAGE;
    const file = positionals[0]!;
    refuseNonWorkbook(file);
    const { plan, diagnostics } = readPlan(file, { ...readSettings(config), maxBytes: parseMaxSize(values['max-size']), legend: config.legend });
    if (values.json) io.stdout(JSON.stringify({ plan: plan ?? null, diagnostics }, null, 2) + '\n');
    else {
      if (plan) io.stdout(describePlan(plan));
      for (const d of diagnostics) io.stdout(formatDiagnostic(d) + '\n');
      io.stdout(summaryLine(diagnostics, 1) + '\n');
    }
    return diagnostics.some((d) => d.severity === 'error') ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};

/** What reads the files inspect does not: named, so the user knows where to go instead. */
const OTHER_COMMANDS: Record<string, string> = {
  '.md': "a report or decision record: check it with 'cabinet check FILE' or build it with 'cabinet build FILE'",
  '.markdown': "a report or decision record: check it with 'cabinet check FILE' or build it with 'cabinet build FILE'",
  '.yaml': "a meeting or settings file: check it with 'cabinet check FILE'; a meeting's papers are built with 'cabinet agenda FILE'",
  '.yml': "a meeting or settings file: check it with 'cabinet check FILE'; a meeting's papers are built with 'cabinet agenda FILE'",
  '.docx': "a document we write, not a plan workbook: inspect reads the workbook it was built from",
  '.pdf': "a document we write, not a plan workbook: inspect reads the workbook it was built from",
  '.json': "not a plan workbook: inspect reads .xlsx, .xlsm, .xls, .ods and .csv files",
};

/** inspect reads plan workbooks only; anything else is refused before it is read as a spreadsheet. */
function refuseNonWorkbook(file: string): void {
  if (WORKBOOK_FILE.test(file)) return;
  const ext = path.extname(file).toLowerCase();
  const other = OTHER_COMMANDS[ext];
  throw new UsageError(other ? `${file} is ${other.replace(/FILE/g, file)}` : `${file} is not a plan workbook: inspect reads .xlsx, .xlsm, .xls, .ods and .csv files`);
}

function describePlan(plan: Plan): string {
  const lines = [`${plan.title}`, `  source: ${plan.source.file}, sheet "${plan.source.sheet}", header row ${plan.source.headerRow}`];
  if (plan.period) lines.push(`  period: ${plan.period.start} to ${plan.period.end}`);
  // Rank and flags as the board pack reads them: which words are exceptions, which mean complete.
  const flags = (e: Plan['legend']['entries'][number]) => [`rank ${e.rank}`, e.complete ? 'complete' : '', e.exception ? 'exception' : '', e.notStarted ? 'not started' : ''].filter(Boolean).join(', ');
  const legend = plan.legend.entries.map((e) => `${e.label} (${e.meaning}; ${flags(e)})`).join('; ');
  lines.push(`  legend (${plan.legend.origin === 'workbook' ? "the plan's own key" : plan.legend.origin === 'settings' ? 'from the settings' : 'standard'}): ${legend}`, '');
  for (const s of plan.sections) {
    const actions = s.themes.reduce((n, t) => n + t.actions.length, 0);
    lines.push(`  ${s.code ? s.code + '. ' : ''}${s.title}: ${count(s.themes.length, 'theme')}, ${count(actions, 'action')}`);
    for (const t of s.themes) lines.push(`    ${t.number ? t.number + '. ' : ''}${t.title || '(no theme)'}: ${t.actions.map((a) => a.id ?? '–').join(' ')}`);
  }
  const counts = statusCounts(plan);
  lines.push('', `  ${count(counts.total, 'action')}: ${counts.byStatus.map((s) => `${s.label} ${s.count}`).join(', ')}`);
  if (plan.kpis.length) lines.push(`  ${count(plan.kpis.length, 'KPI')} with values`);
  if (plan.risks.length) lines.push(`  ${count(plan.risks.length, 'risk')}`);
  if (plan.finance) lines.push(`  finance: ${count(plan.finance.lines.length, 'line')} over ${plan.finance.years.join(', ')}`);
  return lines.join('\n') + '\n\n';
}
