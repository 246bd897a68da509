import type { GovernanceSettings } from '../config/schema';
import type { WorkingCalendar } from './calendar';
import { cutOffWords, longDate } from './format';
import { shiftIso } from './iso';

/**
 * Latest day an agenda can be published: at least N clear working days before the meeting, clear days
 * excluding both the day of publication and the day of the meeting (s.100B LGA 1972). Publication itself
 * must fall on a working day.
 */
export function agendaPublicationDeadline(meeting: string, cal: WorkingCalendar, clearWorkingDays = 5): { date: string; clearDays: string[] } {
  const clearDays: string[] = [];
  let d = meeting;
  while (clearDays.length < clearWorkingDays) if (cal.isWorkingDay((d = shiftIso(d, -1)))) clearDays.unshift(d);
  const firstClear = clearDays[0] ?? meeting;
  return { date: cal.previousWorkingDay(firstClear), clearDays };
}

/** Latest day for the key decision notice: at least N clear calendar days before the decision (reg 9). */
export function keyDecisionNoticeDeadline(decision: string, cal: WorkingCalendar, clearDays = 28): string {
  const latest = shiftIso(decision, -(clearDays + 1));
  return cal.isWorkingDay(latest) ? latest : cal.previousWorkingDay(latest);
}

export interface CallIn {
  /** Last day on which call-in can be made. */
  date: string;
  /** "24:00", "12:00", "16:00" */
  cutOff: string;
  /** As decision records state it: "Midnight on 23 June 2023". */
  wording: string;
  /** First day the decision can be implemented ("effective from"). */
  implementFrom: string;
}

/** Call-in ends N working days after publication (counted from the next day) at the council's cut-off time. */
export function callInDeadline(published: string, cal: WorkingCalendar, rule: GovernanceSettings['callIn']): CallIn {
  const date = cal.addWorkingDays(published, rule.workingDays);
  return { date, cutOff: rule.cutOff, wording: `${cutOffWords(rule.cutOff)} on ${longDate(date)}`, implementFrom: cal.nextWorkingDay(date) };
}
