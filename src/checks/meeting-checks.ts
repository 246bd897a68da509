import * as path from 'node:path';
import type { Config } from '../config/schema';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { readMeeting } from '../model/meeting-source';
import { WorkingCalendar } from '../dates/calendar';
import { checkAgendaPublication, checkWorkingDay } from '../dates/checks';
import { lineOfKey } from '../model/front-matter';
import { checkReportFile } from './report-checks';

/** A meeting file: its own fields, the statutory publication deadline, and every report on the agenda. */
export function checkMeetingFile(file: string, config: Config): Diagnostic[] {
  const source = readMeeting(path.resolve(file), file);
  const meeting = source.meeting;
  if (!meeting) return source.diagnostics;
  const cal = WorkingCalendar.fromSettings(config.governance);
  const at = (key: string) => ({ file, line: (lineOfKey(`---\n${source.text}\n---\n`, [key]) ?? 2) - 1 });
  const out: Diagnostic[] = [...checkWorkingDay(meeting.date, 'the meeting date', cal, at('date'))];
  if (meeting.agendaPublished) {
    out.push(...checkAgendaPublication(meeting.date, meeting.agendaPublished, cal, config.governance, at('agendaPublished')));
    out.push(...checkWorkingDay(meeting.agendaPublished, 'agenda publication', cal, at('agendaPublished')));
  }
  for (const item of meeting.items)
    if ('report' in item) out.push(...checkReportFile(path.relative(process.cwd(), path.resolve(path.dirname(file), item.report)), config));
  return out;
}
