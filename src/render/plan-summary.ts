import type { Plan, Section } from '../model/plan';
import { statusCounts } from '../model/plan-summary-counts';
import type { TableBlock } from './layout';

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

/** Actions per status for each section and overall: numbers and percentages, words as headers. */
export function statusSummaryTable(plan: Plan): TableBlock {
  const labels = statusCounts(plan).byStatus.map((s) => s.label);
  const row = (name: string, section?: Section) => {
    const counts = statusCounts(plan, section);
    const byLabel = new Map(counts.byStatus.map((s) => [s.label, s.count]));
    return [name, ...labels.map((l) => `${byLabel.get(l) ?? 0} (${pct(byLabel.get(l) ?? 0, counts.total)}%)`), String(counts.total)].map((t) => ({ runs: [{ text: t }] }));
  };
  return {
    kind: 'table',
    summary: 'Number and percentage of actions at each status, by section and overall',
    role: 'data',
    columns: [{ header: 'Section', width: 4 }, ...labels.map((l) => ({ header: l, width: 1.2, align: 'right' as const })), { header: 'Total', width: 1, align: 'right' as const }],
    rows: [
      ...plan.sections.map((s) => row(s.code ? `${s.code}. ${s.title}` : s.title, s)),
      ...(plan.sections.length > 1 ? [row('All sections')] : []),
    ],
  };
}
