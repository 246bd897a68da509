/**
 * Sheets beside the action plan: Finance, Risks and KPIs. Placeholder signature; implemented with the
 * sample data (issue 3/4). readPlan() calls this with every sheet of the workbook.
 */
import type { Diagnostic } from './diagnostic';
import type { FinanceTable, Kpi, Risk } from './plan';
import type { RawSheet } from '../readers/raw';

export interface Extras {
  finance?: FinanceTable;
  risks: Risk[];
  kpis: Kpi[];
  diagnostics: Diagnostic[];
  /** Names of the sheets consumed here, so the plan finder skips them. */
  sheetsUsed: string[];
}

export function readExtras(_sheets: RawSheet[], _file: string): Extras {
  return { risks: [], kpis: [], diagnostics: [], sheetsUsed: [] };
}
