import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Kpi } from '../plan';
import type { RawSheet } from '../../readers/raw';
import { findSheetTable, numberOf } from './sheet-table';

const SYNONYMS = {
  name: /^(kpi|indicator|measure|performance indicator|kpi name)$/,
  section: /^(section|priority area|area)$/,
  baseline: /^(baseline|starting point)$/,
  target: /^(target|in year target|goal)$/,
  current: /^(current|actual|latest|current value|latest value)$/,
  unit: /^(unit|units)$/,
  better: /^(better|good is|polarity|direction)$/,
};

/** KPIs with values (baseline, target, current), from a sheet whose header names them. */
export function readKpis(sheet: RawSheet): { kpis: Kpi[]; diagnostics: Diagnostic[] } | undefined {
  const table = findSheetTable(sheet, SYNONYMS, ['name', 'current']);
  if (!table) return undefined;
  const kpis: Kpi[] = [];
  for (const row of table.rows) {
    const name = row.cell('name')?.text;
    if (!name) continue;
    const better = row.cell('better')?.text.toLowerCase() ?? '';
    const kpi: Kpi = { name, source: { sheet: sheet.name, cell: row.cell('name')!.address } };
    const set = <K extends 'baseline' | 'target' | 'current'>(k: K) => {
      const v = numberOf(row.cell(k));
      if (v !== undefined) kpi[k] = v;
    };
    set('baseline');
    set('target');
    set('current');
    if (row.cell('section')?.text) kpi.section = row.cell('section')!.text;
    if (row.cell('unit')?.text) kpi.unit = row.cell('unit')!.text;
    if (/high|up|more/.test(better)) kpi.polarity = 'up';
    if (/low|down|less/.test(better)) kpi.polarity = 'down';
    kpis.push(kpi);
  }
  return { kpis, diagnostics: [] };
}
