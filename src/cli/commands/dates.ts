import type { Command } from '../command';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { settingsOrReport } from '../options';
import { WorkingCalendar } from '../../dates/calendar';
import { agendaPublicationDeadline, callInDeadline, keyDecisionNoticeDeadline } from '../../dates/rules';
import { longDay } from '../../dates/format';
import { dayList } from '../../dates/day-list';
import { notWorkingNote } from '../../dates/checks';
import { formatDiagnostic } from '../../diagnostics/reporter';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic';
import { isIsoDate } from '../../dates/iso';

const HELP = `Usage: cabinet dates --meeting yyyy-mm-dd [--decision-published yyyy-mm-dd] [--key-decision] [--config FILE] [--json]

Prints the statutory timetable for a meeting under the council's settings (governance: in the settings
file): key decision notice by, agenda publication by (with the clear working days counted), the meeting,
and when a decision published on a given day can be called in until and implemented from.

Options:
  --meeting DATE              the meeting (required)
  --decision-published DATE   when the decision is published (default: the first working day after the meeting)
  --key-decision              include the key decision notice deadline (28 clear days)
  --config FILE               settings file (call-in days and cut-off, closure days, extra bank holidays)
  --json                      print the timetable as JSON

Warns (on stderr, exit 0) when the meeting or the decision's publication is not a working day (a weekend,
a bank holiday or a closure day), and when the decision is published before the meeting.`;

function date(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name} expects a date as yyyy-mm-dd, found "${value}"`);
  return value;
}

export const datesCommand: Command = {
  name: 'dates',
  summary: 'print the statutory timetable for a meeting (agenda, key decision notice, call-in)',
  help: HELP,
  // eslint-disable-next-line @typescript-eslint/require-await -- every command is async (Command.run); this one has nothing to wait for
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { meeting: { type: 'string' }, 'decision-published': { type: 'string' }, 'key-decision': { type: 'boolean' }, config: { type: 'string' }, json: { type: 'boolean' } });
    const meeting = date('meeting', values.meeting);
    if (!meeting) throw new UsageError('--meeting is required');
    const config = settingsOrReport(values.config, io);
    if (!config) return EXIT_USAGE;
    const g = config.governance;
    const cal = WorkingCalendar.fromSettings(g);
    const agenda = agendaPublicationDeadline(meeting, cal, g.agendaClearWorkingDays);
    const published = date('decision-published', values['decision-published']) ?? cal.nextWorkingDay(meeting);
    const callIn = callInDeadline(published, cal, g.callIn);
    const warnings = timetableWarnings(meeting, published, cal);
    const timetable = {
      ...(values['key-decision'] ? { keyDecisionNoticeBy: keyDecisionNoticeDeadline(meeting, cal, g.keyDecisionNoticeClearDays) } : {}),
      agendaPublishBy: agenda.date,
      clearDays: agenda.clearDays,
      meeting,
      decisionPublished: published,
      callInEnds: { date: callIn.date, cutOff: callIn.cutOff, wording: callIn.wording },
      implementFrom: callIn.implementFrom,
      warnings,
    };
    if (values.json) io.stdout(JSON.stringify(timetable, null, 2) + '\n');
    else {
      const rows: [string, string][] = [];
      if (timetable.keyDecisionNoticeBy) rows.push([`Key decision notice by (${g.keyDecisionNoticeClearDays} clear days)`, longDay(timetable.keyDecisionNoticeBy)]);
      rows.push([`Agenda published by (${g.agendaClearWorkingDays} clear working days)`, longDay(agenda.date)]);
      rows.push(['  clear days counted', dayList(agenda.clearDays)]);
      rows.push(['Meeting', longDay(meeting)], ['Decision published', longDay(published)]);
      rows.push([`Call-in ends (${g.callIn.workingDays} working days)`, callIn.wording], ['Can be implemented from', longDay(callIn.implementFrom)]);
      const width = Math.max(...rows.map((r) => r[0].length));
      io.stdout(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
      for (const w of warnings) io.stderr(formatDiagnostic(w) + '\n');
    }
    return EXIT_OK;
  },
};

/** What a clerk should look at twice: a meeting or publication on a day the council is shut, or out of order. */
function timetableWarnings(meeting: string, published: string, cal: WorkingCalendar): Diagnostic[] {
  const out: Diagnostic[] = [];
  const why = (iso: string) => notWorkingNote(iso, cal);
  const meetingOff = why(meeting);
  if (meetingOff !== undefined) out.push(warning('meeting-not-a-working-day', `the meeting on ${longDay(meeting)} is not a working day${meetingOff}: check the date`));
  const publishedOff = why(published);
  if (publishedOff !== undefined) out.push(warning('publication-not-a-working-day', `the decision is published on ${longDay(published)}, not a working day${publishedOff}: call-in is counted from the next working day`));
  if (published < meeting) out.push(warning('decision-before-meeting', `the decision is published on ${longDay(published)}, before the meeting on ${longDay(meeting)}: a decision can only be published after it is taken`));
  return out;
}
