import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import * as fs from 'node:fs';
import { readPlan, readSettings } from '../model/read-plan';
import { readSourceFile, sourceType } from '../model/front-matter';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { Config } from '../config/schema';

/*
 * The report, decision and meeting checks lay documents out (templates, fonts), so they are loaded only
 * when such a file is checked: `cabinet check plan.xlsx` then loads neither handlebars nor fontkit.
 * Checkers are synchronous, hence require rather than import().
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const reportChecks = () => require('../checks/report-checks') as typeof import('../checks/report-checks');
const decisionChecks = () => require('../checks/decision-checks') as typeof import('../checks/decision-checks');
const meetingChecks = () => require('../checks/meeting-checks') as typeof import('../checks/meeting-checks');
/* eslint-enable @typescript-eslint/no-require-imports */
import { parseConfigText } from '../config/load';

/** Checks one file and returns its diagnostics; throws UnreadableInputError for input it cannot read. */
export type Checker = (file: string, options: { maxBytes?: number | undefined; config: Config }) => Diagnostic[];

const workbook: Checker = (file, options) => readPlan(file, { ...readSettings(options.config), maxBytes: options.maxBytes, legend: options.config.legend }).diagnostics;

/** Report and decision sources, told apart by their front matter's `type:`. */
const source: Checker = (file, { config }) => {
  if (!fs.existsSync(file)) throw new UnreadableInputError(file, 'file not found');
  // Bounded: a name that leads to /dev/zero or a FIFO is refused, not read for ever.
  return sourceType(readSourceFile(file)) === 'decision' ? decisionChecks().checkDecisionFile(file, config) : reportChecks().checkReportFile(file, config);
};

/** A meeting file lists `items:`; any other YAML is taken to be a settings file and validated as one. */
const yamlFile: Checker = (file, { config }) => {
  if (!fs.existsSync(file)) throw new UnreadableInputError(file, 'file not found');
  const text = readSourceFile(file);
  return /^items:/m.test(text) ? meetingChecks().checkMeetingFile(file, config) : parseConfigText(text, file).diagnostics;
};

/** By file extension. Reports, decision records and meeting files add their checkers here. */
export const CHECKERS: Record<string, Checker> = {
  '.xlsx': workbook,
  '.xlsm': workbook,
  '.xls': workbook,
  '.ods': workbook,
  '.csv': workbook,
  '.md': source,
  '.yaml': yamlFile,
  '.yml': yamlFile,
};

export function checkerFor(file: string): Checker | undefined {
  return CHECKERS[path.extname(file).toLowerCase()];
}
