import type { Plan } from './plan';
import { planActions } from './plan';

export interface StatusCounts {
  /** Count per legend label, in legend order, plus "Not rated" when some actions have no status. */
  byStatus: { label: string; count: number }[];
  total: number;
}

/** Actions per status, in the legend's order; the figure every summary, chart and check starts from. */
export function statusCounts(plan: Plan, sectionCode?: string): StatusCounts {
  const counts = new Map(plan.legend.entries.map((e) => [e.label, 0]));
  let unrated = 0;
  let total = 0;
  for (const { section, action } of planActions(plan)) {
    if (sectionCode !== undefined && section.code !== sectionCode) continue;
    total++;
    if (action.status) counts.set(action.status.label, (counts.get(action.status.label) ?? 0) + 1);
    else unrated++;
  }
  const byStatus = [...counts].map(([label, count]) => ({ label, count }));
  if (unrated) byStatus.push({ label: 'Not rated', count: unrated });
  return { byStatus, total };
}
