import * as fs from 'node:fs';
import * as path from 'node:path';
import { readReportSource } from '../model/report-source';
import { agendaConsistency } from '../model/agenda-consistency';
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
  meeting.items.forEach((item, i) => {
    if (!('report' in item)) return;
    const report = path.relative(process.cwd(), path.resolve(path.dirname(file), item.report));
    out.push(...checkReportFile(report, config));
    // The same meeting, council and item number the agenda build insists on.
    const written = fs.existsSync(report) ? readReportSource(path.resolve(report)) : undefined;
    if (written?.front)
      out.push(...agendaConsistency({ meeting, meetingFile: file, number: i + 1, defaultCouncil: config.render.council }, written.front, { file: report, text: fs.readFileSync(report, 'utf8') }));
  });
  return out;
}
