import * as path from 'node:path';
import type { Diagnostic } from '../model/diagnostic';
import { readPlan } from '../model/read-plan';

/** Checks one file and returns its diagnostics; throws UnreadableInputError for input it cannot read. */
export type Checker = (file: string, options: { maxBytes?: number }) => Diagnostic[];

const workbook: Checker = (file, options) => readPlan(file, { maxBytes: options.maxBytes }).diagnostics;

/** By file extension. Reports, decision records and meeting files add their checkers here. */
export const CHECKERS: Record<string, Checker> = {
  '.xlsx': workbook,
  '.xlsm': workbook,
  '.xls': workbook,
  '.ods': workbook,
  '.csv': workbook,
};

export function checkerFor(file: string): Checker | undefined {
  return CHECKERS[path.extname(file).toLowerCase()];
}
