import type { SheetSpec } from './xlsx-writer';
import type { PlanSource } from './plan-source';

export function kpiSheet(plan: PlanSource): SheetSpec | undefined {
  if (!plan.kpis?.length) return undefined;
  const rows = [
    ['KPI', 'Section', 'Baseline', 'Target', 'Current', 'Unit', 'Better'],
    ...plan.kpis.map((k) => [k.name, k.section, k.baseline, k.target, k.current, k.unit, k.better]),
  ];
  return { name: 'KPIs', rows, widths: [48, 10, 10, 10, 10, 8, 10] };
}
