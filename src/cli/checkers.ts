import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import * as fs from 'node:fs';
import { readPlan } from '../model/read-plan';
import { sourceType } from '../model/front-matter';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { loadConfig } from '../config/load';
import { checkReportFile } from '../checks/report-checks';
import { checkDecisionFile } from '../checks/decision-checks';
import { checkMeetingFile } from '../checks/meeting-checks';
import { parseConfigText } from '../config/load';

/** Checks one file and returns its diagnostics; throws UnreadableInputError for input it cannot read. */
export type Checker = (file: string, options: { maxBytes?: number | undefined }) => Diagnostic[];

const workbook: Checker = (file, options) => readPlan(file, { maxBytes: options.maxBytes }).diagnostics;

/** Report and decision sources, told apart by their front matter's `type:`. */
const source: Checker = (file) => {
  if (!fs.existsSync(file)) throw new UnreadableInputError(file, 'file not found');
  const { config } = loadConfig();
  return sourceType(fs.readFileSync(file, 'utf8')) === 'decision' ? checkDecisionFile(file, config) : checkReportFile(file, config);
};

/** A meeting file lists `items:`; any other YAML is taken to be a settings file and validated as one. */
const yamlFile: Checker = (file) => {
  if (!fs.existsSync(file)) throw new UnreadableInputError(file, 'file not found');
  const text = fs.readFileSync(file, 'utf8');
  return /^items:/m.test(text) ? checkMeetingFile(file, loadConfig().config) : parseConfigText(text, file).diagnostics;
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
