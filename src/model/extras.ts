/**
 * Sheets beside the action plan: Finance, Risks and KPIs, each found by the meaning of its header row (not
 * only by sheet name). readPlan() merges what is found here into the Plan.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FinanceTable, Kpi, Risk } from './plan';
import type { RawSheet } from '../readers/raw';
import { readKpis } from './extras/kpis';
import { readRisks } from './extras/risks';
import { readFinance } from './extras/finance';

export interface Extras {
  finance?: FinanceTable;
  risks: Risk[];
  kpis: Kpi[];
  diagnostics: Diagnostic[];
  /** Names of the sheets consumed here, so the plan finder skips them. */
  sheetsUsed: string[];
}

export function readExtras(sheets: RawSheet[], file: string): Extras {
  const extras: Extras = { risks: [], kpis: [], diagnostics: [], sheetsUsed: [] };
  for (const sheet of sheets) {
    const finance = readFinance(sheet, file);
    const risks = finance ? undefined : readRisks(sheet, file);
    const kpis = finance || risks ? undefined : readKpis(sheet);
    const found = finance ?? risks ?? kpis;
    if (!found) continue;
    extras.sheetsUsed.push(sheet.name);
    extras.diagnostics.push(...found.diagnostics);
    if (finance) extras.finance = finance.finance;
    if (risks) extras.risks.push(...risks.risks);
    if (kpis) extras.kpis.push(...kpis.kpis);
  }
  return extras;
}
