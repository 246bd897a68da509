import type { Diagnostic } from '../../diagnostics/diagnostic';
import { warning } from '../../diagnostics/diagnostic';
import type { Risk } from '../plan';
import type { RawCell, RawSheet } from '../../readers/raw';
import { findSheetTable, numberOf } from './sheet-table';

const SYNONYMS = {
  risk: /^(risk|risk description|description of risk)$/,
  likelihood: /^(likelihood|probability|l)$/,
  impact: /^(impact|severity|i)$/,
  rating: /^(rating|score|risk rating|risk score)$/,
  mitigation: /^(mitigation|mitigations|controls|mitigating actions)$/,
  owner: /^(owner|risk owner|lead)$/,
};
/** Words some registers use instead of 1-5 scores. */
const WORD_SCORES: Record<string, number> = { 'very low': 1, low: 2, medium: 3, high: 4, 'very high': 5 };

export function readRisks(sheet: RawSheet, file: string): { risks: Risk[]; diagnostics: Diagnostic[] } | undefined {
  const table = findSheetTable(sheet, SYNONYMS, ['risk', 'mitigation']);
  if (!table) return undefined;
  const risks: Risk[] = [];
  const diagnostics: Diagnostic[] = [];
  const score = (cell: RawCell | undefined) => {
    const v = numberOf(cell) ?? WORD_SCORES[cell?.text.toLowerCase() ?? ''];
    if (v === undefined) return undefined;
    if (!Number.isInteger(v) || v < 1 || v > 5) {
      diagnostics.push(warning('risk-score-out-of-range', `risk score "${cell!.text}" is not a whole number from 1 to 5`, { file, sheet: sheet.name, cell: cell!.address }));
      return undefined;
    }
    return v;
  };
  for (const row of table.rows) {
    const text = row.cell('risk')?.text;
    if (!text) continue;
    const risk: Risk = { risk: text, mitigation: row.cell('mitigation')?.text ?? '', source: { sheet: sheet.name, cell: row.cell('risk')!.address } };
    const likelihood = score(row.cell('likelihood'));
    const impact = score(row.cell('impact'));
    if (likelihood !== undefined) risk.likelihood = likelihood;
    if (impact !== undefined) risk.impact = impact;
    if (likelihood !== undefined && impact !== undefined) risk.rating = likelihood * impact;
    if (row.cell('owner')?.text) risk.owner = row.cell('owner')!.text;
    risks.push(risk);
  }
  return { risks, diagnostics };
}
