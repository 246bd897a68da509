import * as fs from 'node:fs';
import * as path from 'node:path';
import { readReportSource } from '../model/report-source';
import { agendaConsistency } from '../model/agenda-consistency';
import type { Config } from '../config/schema';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { readMeeting } from '../model/meeting-source';
import { WorkingCalendar } from '../dates/calendar';
import { checkAgendaPublication, checkWorkingDay } from '../dates/checks';
import { lineOfKey, lineOfYamlKey } from '../model/front-matter';
import { checkReportFile } from './report-checks';

/** A meeting file: its own fields, the statutory publication deadline, and every report on the agenda. */
export function checkMeetingFile(file: string, config: Config): Diagnostic[] {
  const source = readMeeting(path.resolve(file), file);
  const meeting = source.meeting;
  if (!meeting) return source.diagnostics;
  const cal = WorkingCalendar.fromSettings(config.governance);
  const at = (key: string) => ({ file, line: (lineOfKey(`---\n${source.text}\n---\n`, [key]) ?? 2) - 1 });
  const out: Diagnostic[] = [...source.diagnostics, ...checkWorkingDay(meeting.date, 'the meeting date', cal, at('date'))];
  if (meeting.agendaPublished) {
    out.push(...checkAgendaPublication(meeting.date, meeting.agendaPublished, cal, config.governance, at('agendaPublished')));
    out.push(...checkWorkingDay(meeting.agendaPublished, 'agenda publication', cal, at('agendaPublished')));
  }
  meeting.items.forEach((item, i) => {
    if (!('report' in item)) return;
    const report = path.relative(process.cwd(), path.resolve(path.dirname(file), item.report));
    if (!fs.existsSync(report)) {
      const place = { file, line: lineOfYamlKey(source.text, ['items', i, 'report']) };
      out.push(error('agenda-report-unreadable', `item ${i + 1}, report ${item.report}: there is no file at ${report} (report paths are relative to the meeting file's folder)`, place));
      return;
    }
    out.push(...checkReportFile(report, config));
    // The same meeting, council and item number the agenda build insists on.
    const written = readReportSource(path.resolve(report), report);
    if (written.front)
      out.push(...agendaConsistency({ meeting, meetingFile: file, number: i + 1, defaultCouncil: config.render.council }, written.front, { file: report, text: written.text ?? '' }));
  });
  return out;
}
