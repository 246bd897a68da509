import type { Action, Plan, Section } from './plan';
import { planActions } from './plan';

export interface StatusCounts {
  /** Count per legend label, in legend order, plus "Not rated" when some actions have no status. */
  byStatus: { label: string; count: number }[];
  total: number;
}

/** The label an action is counted under: its status, or "Not rated". */
export const NOT_RATED = 'Not rated';

function count(plan: Plan, actions: Iterable<Action>): StatusCounts {
  const counts = new Map(plan.legend.entries.map((e) => [e.label, 0]));
  let unrated = 0;
  let total = 0;
  for (const action of actions) {
    total++;
    if (action.status) counts.set(action.status.label, (counts.get(action.status.label) ?? 0) + 1);
    else unrated++;
  }
  const byStatus = [...counts].map(([label, n]) => ({ label, count: n }));
  if (unrated) byStatus.push({ label: NOT_RATED, count: unrated });
  return { byStatus, total };
}

function* sectionActions(section: Section): Generator<Action> {
  for (const theme of section.themes) yield* theme.actions;
}

function* allActions(plan: Plan): Generator<Action> {
  for (const { action } of planActions(plan)) yield action;
}

/**
 * Actions per status, in the legend's order; the figure every summary, chart and check starts from.
 * A section is named by the model's own object, never by its optional letter code: plans whose sections
 * have no code ("Quality of Practice") must still be counted section by section.
 */
export function statusCounts(plan: Plan, section?: Section): StatusCounts {
  return count(plan, section ? sectionActions(section) : allActions(plan));
}
