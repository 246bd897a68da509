import * as path from 'node:path';
import { UnreadableInputError, type Diagnostic } from '../diagnostics/diagnostic';
import type { Config } from '../config/schema';
import type { BuildContext } from '../pipeline/build-context';
import { checkReportFile } from '../checks/report-checks';
import { checkDecisionFile } from '../checks/decision-checks';
import { checkMeetingFile } from '../checks/meeting-checks';
import type { Paper } from './paper';

/** One line of the pre-publication list: a named check and what it found. */
export interface CheckItem {
  name: string;
  status: 'pass' | 'warning' | 'fail';
  problems: Diagnostic[];
}

/** The checks democratic services make by hand, by the diagnostic codes that fail them. */
const CATEGORIES: { name: string; codes: RegExp }[] = [
  { name: 'Accessibility (title, language, headings, alt text, tables, colour and contrast)', codes: /^a11y-/ },
  { name: 'Key decision (forward plan reference, finance threshold)', codes: /^(key-decision-|finance-above-key)/ },
  { name: 'Dates (meeting on a working day, agenda publication, key decision notice, call-in)', codes: /^(not-a-working-day|agenda-late|key-decision-notice|call-in)/ },
  { name: 'Exempt papers (Schedule 12A paragraphs and reasons)', codes: /^exempt-/ },
  { name: 'Agenda consistency (items agree with their reports)', codes: /^agenda-/ },
];
const DATA = 'Sources and data (front matter, workbooks, figures)';

function checker(paper: Paper): ((file: string, config: Config) => Diagnostic[]) | undefined {
  if (paper.kind === 'report') return checkReportFile;
  if (paper.kind === 'decision') return checkDecisionFile;
  if (paper.kind === 'meeting') return checkMeetingFile;
  return undefined;
}

/**
 * `cabinet check` on the paper, sorted into the list an officer ticks off. The checks resolve paths from
 * the working folder of the process, so they are given absolute paths and settings, and their messages are
 * made to name files as the author would type them from the context's folder.
 */
export function runChecks(paper: Paper, ctx: BuildContext, config: Config): { items: CheckItem[]; diagnostics: Diagnostic[] } {
  const run = checker(paper);
  if (!run || paper.kind === 'board-pack') return { items: [], diagnostics: [] };
  let found: Diagnostic[];
  try {
    found = run(path.resolve(ctx.cwd, paper.file), config);
  } catch (e) {
    if (!(e instanceof UnreadableInputError)) throw e;
    found = [{ severity: 'error', code: 'unreadable', message: e.reason, file: e.file }];
  }
  const diagnostics = found.map((d) => (d.file && path.isAbsolute(d.file) ? { ...d, file: path.relative(ctx.cwd, d.file) } : d.file ? { ...d, file: path.relative(ctx.cwd, path.resolve(d.file)) } : d));
  const items: CheckItem[] = [];
  const placed = new Set<Diagnostic>();
  for (const c of [...CATEGORIES, { name: DATA, codes: /./ }]) {
    const problems = diagnostics.filter((d) => d.severity !== 'info' && !placed.has(d) && c.codes.test(d.code));
    problems.forEach((d) => placed.add(d));
    items.push({ name: c.name, status: problems.some((d) => d.severity === 'error') ? 'fail' : problems.length ? 'warning' : 'pass', problems });
  }
  return { items, diagnostics };
}
