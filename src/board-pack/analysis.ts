import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Action, LegendEntry, Plan, Section } from '../model/plan';
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

/**
 * Everything here reads a status through the plan's own key (rank, complete, exception), never by the words
 * Red/Amber/Green: a council whose worst word is "Off track" gets the same pack as a BRAG one.
 */
const entryOf = (plan: Plan, label?: string): LegendEntry | undefined => plan.legend.entries.find((e) => e.label === label);
const rank = (plan: Plan, label?: string) => entryOf(plan, label)?.rank;
const isComplete = (plan: Plan, a: Action) => Boolean(entryOf(plan, a.status?.label)?.complete) || a.due.precision === 'complete';
/** On track: rated, and neither complete, an exception nor not started (Green in BRAG, "On course"). */
const isOnTrack = (e: LegendEntry | undefined) => e !== undefined && !e.complete && !e.exception && !e.notStarted;

/** The key's exception statuses, worst first: what the exceptions page is titled by ("Red and Amber", "Off track and Slipping"). */
export function exceptionEntries(plan: Plan): LegendEntry[] {
  return plan.legend.entries.filter((e) => e.exception).sort((a, b) => a.rank - b.rank);
}

/** Every action whose status is one of the key's exception statuses, worst rank first, then in plan order. */
export function exceptions(plan: Plan): Located[] {
  const all = located(plan).filter((l) => entryOf(plan, l.action.status?.label)?.exception);
  return all.map((l, i) => ({ l, i, r: rank(plan, l.action.status?.label) ?? 0 })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.l);
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
    if (overdue && isOnTrack(entryOf(plan, a.status?.label))) out.push({ item, problem: `Rated ${a.status!.label} but its due date (${a.due.text}) has passed` });
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
    if (from && to && from !== to && rf !== undefined && rt !== undefined && rf !== rt) out.moved.push({ item, from, to, direction: rt > rf ? 'up' : 'down' });
    const [d0, d1] = [was.action.due.date, item.action.due.date];
    if (d0 && d1 && d1 > d0) out.slipped.push({ item, from: was.action.due.text, to: item.action.due.text, days: differenceInCalendarDays(fromIso(d1), fromIso(d0)) });
    const note = item.action.progress;
    if (note && earlier && note === was.action.progress && note === older.get(item.key)?.action.progress && !isComplete(current, item.action)) out.stale.push(item);
  }
  const keys = new Set(now.map((l) => l.key));
  out.removed = located(previous).filter((l) => !keys.has(l.key));
  return out;
}
