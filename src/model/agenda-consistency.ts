import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { longDate } from '../dates/format';
import { lineOfKey } from './front-matter';
import type { Meeting } from './meeting-source';
import type { ReportFrontMatter } from './report-source';

export interface AgendaPlace {
  meeting: Meeting;
  /** The meeting file as the user named it. */
  meetingFile: string;
  /** 1-based position in the agenda's items: the item number everything prints. */
  number: number;
  /** Settings' council, for a meeting or report that names none. */
  defaultCouncil: string;
}

/**
 * One truth per fact: a report on an agenda is for that meeting and that council, and its item number is
 * the agenda's. A different date or council is an error (the report was written for another meeting); a
 * different agendaItem in the front matter a warning, since the agenda's number is printed anyway.
 */
export function agendaConsistency(place: AgendaPlace, front: ReportFrontMatter, report: { file: string; text: string }): Diagnostic[] {
  const { meeting, meetingFile, number } = place;
  const at = (key: string) => ({ file: report.file, line: lineOfKey(report.text, [key]) });
  const out: Diagnostic[] = [];
  if (front.agendaItem !== undefined && front.agendaItem !== String(number))
    out.push(warning('agenda-item-differs', `the front matter says agendaItem ${front.agendaItem}, but the agenda makes this report item ${number}; the pack prints ${number}`, at('agendaItem')));
  if (front.meeting.date !== meeting.date)
    out.push(error('agenda-meeting-mismatch', `the report is for the meeting of ${longDate(front.meeting.date)}, but the agenda ${meetingFile} (item ${number}) is for ${longDate(meeting.date)}`, at('meeting')));
  const council = meeting.council ?? place.defaultCouncil;
  const own = front.council ?? place.defaultCouncil;
  if (own !== council) out.push(error('agenda-council-mismatch', `the report is for ${own}, but the agenda ${meetingFile} (item ${number}) is ${council}'s`, at('council')));
  return out;
}
