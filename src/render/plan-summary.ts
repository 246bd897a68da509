import type { Plan, Section } from '../model/plan';
import { NOT_RATED, statusCounts } from '../model/plan-summary-counts';
import type { TableBlock } from './layout';
import { englishWords, type Words } from './report/templates';

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

/** Actions per status for each section and overall: numbers and percentages, words as headers. */
export function statusSummaryTable(plan: Plan, words: Words = englishWords()): TableBlock {
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
    columns: [{ header: words.section, width: 4 }, ...labels.map((l) => ({ header: l === NOT_RATED ? words.notRated : l, width: 1.2, align: 'right' as const })), { header: words.total, width: 1, align: 'right' as const }],
    rows: [
      ...plan.sections.map((s) => row(s.code ? `${s.code}. ${s.title}` : s.title, s)),
      ...(plan.sections.length > 1 ? [row(words.allSections)] : []),
    ],
  };
}
