import type { GovernanceSettings } from '../config/schema';
import { error, warning, type Diagnostic, type Place } from '../diagnostics/diagnostic';
import type { WorkingCalendar } from './calendar';
import { longDay } from './format';
import { agendaPublicationDeadline, keyDecisionNoticeDeadline } from './rules';

/** Pre-publication checks on dates; each returns diagnostics, never throws. */
export function checkAgendaPublication(meeting: string, published: string, cal: WorkingCalendar, g: GovernanceSettings, place: Place): Diagnostic[] {
  const { date } = agendaPublicationDeadline(meeting, cal, g.agendaClearWorkingDays);
  return published > date
    ? [error('agenda-late', `agenda published ${longDay(published)}, after the statutory deadline of ${longDay(date)} (${g.agendaClearWorkingDays} clear working days before the meeting on ${longDay(meeting)})`, place)]
    : [];
}

export function checkKeyDecisionNotice(decision: string, notice: string, cal: WorkingCalendar, g: GovernanceSettings, place: Place): Diagnostic[] {
  const latest = keyDecisionNoticeDeadline(decision, cal, g.keyDecisionNoticeClearDays);
  return notice > latest
    ? [error('key-decision-notice-late', `key decision notice given ${longDay(notice)}: it had to be given by ${longDay(latest)} (${g.keyDecisionNoticeClearDays} clear days before ${longDay(decision)})`, place)]
    : [];
}

export function checkCallIn(published: string, callInEnds: string, place: Place): Diagnostic[] {
  return callInEnds < published ? [error('call-in-before-publication', `call-in deadline ${longDay(callInEnds)} falls before publication on ${longDay(published)}`, place)] : [];
}

export function checkWorkingDay(date: string, what: string, cal: WorkingCalendar, place: Place): Diagnostic[] {
  const why = notWorkingNote(date, cal);
  return why === undefined ? [] : [warning('not-a-working-day', `${what} ${longDay(date)} is not a working day${why}`, place)];
}

/**
 * Undefined on a working day; else what follows "is not a working day": nothing for a weekend (the day's
 * name says it), " (Christmas Day, a bank holiday)" or " (a council closure day …)" otherwise.
 */
export function notWorkingNote(date: string, cal: WorkingCalendar): string | undefined {
  const reason = cal.notWorkingBecause(date);
  if (reason === undefined) return undefined;
  return /^a (Satur|Sun)day$/.test(reason) ? '' : ` (${reason})`;
}
