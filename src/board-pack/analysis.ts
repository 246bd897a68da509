import { differenceInCalendarDays } from 'date-fns';
import type { Action, Plan, Section } from '../model/plan';
import { planActions } from '../model/plan';
import { fromIso, shiftIso } from '../dates/iso';

export interface Located {
  action: Action;
  section: Section;
  key: string;
}

/** Actions are matched across months by id, or by section and text where the plan gives no ids. */
export function located(plan: Plan): Located[] {
  return [...planActions(plan)].map(({ section, action }) => ({ action, section, key: action.id ?? `${section.code ?? section.title}:${action.text}` }));
}

const rank = (plan: Plan, label?: string) => plan.legend.entries.find((e) => e.label === label)?.rank;
const isComplete = (plan: Plan, a: Action) => Boolean(plan.legend.entries.find((e) => e.label === a.status?.label)?.complete) || a.due.precision === 'complete';

export function exceptions(plan: Plan): Located[] {
  return located(plan).filter((l) => l.action.status?.label === 'Red' || l.action.status?.label === 'Amber');
}

export interface Inconsistency {
  item: Located;
  problem: string;
}

/** What a board should be told is not right in the plan itself, as at the end of the month. */
export function inconsistencies(plan: Plan, asAt: string): Inconsistency[] {
  const out: Inconsistency[] = [];
  for (const item of located(plan)) {
    const a = item.action;
    const overdue = a.due.date !== undefined && a.due.date < asAt && !isComplete(plan, a);
    if (overdue && a.status?.label === 'Green') out.push({ item, problem: `Rated Green but its due date (${a.due.text}) has passed` });
    else if (overdue) out.push({ item, problem: `Due date (${a.due.text}) has passed but it is not complete` });
    if (isComplete(plan, a) && !a.progress) out.push({ item, problem: `Marked ${a.status?.label ?? 'complete'} without a progress note` });
    if (a.leads.length === 0) out.push({ item, problem: 'No lead' });
  }
  return out;
}

export function dueSoon(plan: Plan, asAt: string, days = 60): Located[] {
  const end = shiftIso(asAt, days);
  return located(plan)
    .filter((l) => l.action.due.date && l.action.due.date > asAt && l.action.due.date <= end && !isComplete(plan, l.action))
    .sort((x, y) => x.action.due.date!.localeCompare(y.action.due.date!));
}

export interface Changes {
  moved: { item: Located; from: string; to: string; direction: 'up' | 'down' }[];
  added: Located[];
  removed: Located[];
  slipped: { item: Located; from: string; to: string; days: number }[];
  stale: Located[];
}

/** Month on month: statuses moved, actions added or removed, due dates moved, notes left unchanged for 3 months. */
export function changes(current: Plan, previous: Plan, earlier?: Plan): Changes {
  const before = new Map(located(previous).map((l) => [l.key, l]));
  const older = new Map(earlier ? located(earlier).map((l) => [l.key, l]) : []);
  const now = located(current);
  const out: Changes = { moved: [], added: [], removed: [], slipped: [], stale: [] };
  for (const item of now) {
    const was = before.get(item.key);
    if (!was) {
      out.added.push(item);
      continue;
    }
    const [from, to] = [was.action.status?.label, item.action.status?.label];
    const [rf, rt] = [rank(previous, from), rank(current, to)];
    if (from && to && from !== to && rf !== undefined && rt !== undefined) out.moved.push({ item, from, to, direction: rt > rf ? 'up' : 'down' });
    const [d0, d1] = [was.action.due.date, item.action.due.date];
    if (d0 && d1 && d1 > d0) out.slipped.push({ item, from: was.action.due.text, to: item.action.due.text, days: differenceInCalendarDays(fromIso(d1), fromIso(d0)) });
    const note = item.action.progress;
    if (note && earlier && note === was.action.progress && note === older.get(item.key)?.action.progress && !isComplete(current, item.action)) out.stale.push(item);
  }
  const keys = new Set(now.map((l) => l.key));
  out.removed = located(previous).filter((l) => !keys.has(l.key));
  return out;
}
