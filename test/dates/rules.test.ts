import { WorkingCalendar } from '../../src/dates/calendar';
import { agendaPublicationDeadline, callInDeadline, keyDecisionNoticeDeadline } from '../../src/dates/rules';
import { checkAgendaPublication, checkCallIn, checkKeyDecisionNotice, checkWorkingDay } from '../../src/dates/checks';
import { defaultConfig } from '../../src/config/load';

const cal = new WorkingCalendar();
const g = defaultConfig().governance;

describe('the worked examples in domain.md', () => {
  it('published Fri 19 Dec 2025, 5 working days: call-in ends Tue 30 Dec 2025', () => {
    expect(callInDeadline('2025-12-19', cal, { workingDays: 5, cutOff: '24:00' }).date).toBe('2025-12-30');
  });

  it('Salford: published 16/09/2022, 5 working days to 4pm, effective from 27/09/2022 (State Funeral excluded)', () => {
    const c = callInDeadline('2022-09-16', cal, { workingDays: 5, cutOff: '16:00' });
    expect(c).toEqual({ date: '2022-09-26', cutOff: '16:00', wording: '4pm on 26 September 2022', implementFrom: '2022-09-27' });
  });

  it('meeting Tue 14 Apr 2026: clear days 7-13 Apr, so the agenda is out by Thu 2 Apr (Easter)', () => {
    expect(agendaPublicationDeadline('2026-04-14', cal, 5)).toEqual({
      date: '2026-04-02',
      clearDays: ['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-13'],
    });
  });

  it('key decision on Wed 11 Mar 2026 needs notice by Tue 10 Feb 2026', () => {
    expect(keyDecisionNoticeDeadline('2026-03-11', cal, 28)).toBe('2026-02-10');
  });

  it('seed 004: published Monday 19 June 2023, 4 working days: "Midnight on 23 June 2023"', () => {
    expect(callInDeadline('2023-06-19', cal, { workingDays: 4, cutOff: '24:00' }).wording).toBe('Midnight on 23 June 2023');
  });

  it('states noon cut-offs as councils write them', () => {
    expect(callInDeadline('2023-06-19', cal, { workingDays: 3, cutOff: '12:00' }).wording).toBe('12 noon on 22 June 2023');
  });
});

describe('council settings', () => {
  it('skips closure days and announced one-offs, and honours removed holidays', () => {
    const closed = new WorkingCalendar('england-and-wales', { closureDays: ['2025-12-29'], extraBankHolidays: ['2025-12-22'] });
    expect(callInDeadline('2025-12-19', closed, { workingDays: 5, cutOff: '24:00' }).date).toBe('2026-01-02');
    const moved = new WorkingCalendar('england-and-wales', { removedBankHolidays: ['2026-12-28'] });
    expect(moved.isWorkingDay('2026-12-28')).toBe(true);
  });
});

describe('date checks', () => {
  const place = { file: 'meeting.yaml', line: 3 };
  it('flags a late agenda, a late key decision notice, call-in before publication and non-working days', () => {
    expect(checkAgendaPublication('2026-04-14', '2026-04-07', cal, g, place)[0]).toMatchObject({ code: 'agenda-late', file: 'meeting.yaml', line: 3 });
    expect(checkAgendaPublication('2026-04-14', '2026-04-02', cal, g, place)).toEqual([]);
    expect(checkKeyDecisionNotice('2026-03-11', '2026-02-11', cal, g, place)[0]!.code).toBe('key-decision-notice-late');
    expect(checkKeyDecisionNotice('2026-03-11', '2026-02-10', cal, g, place)).toEqual([]);
    expect(checkCallIn('2023-06-19', '2023-06-16', place)[0]!.code).toBe('call-in-before-publication');
    expect(checkWorkingDay('2026-04-06', 'publication date', cal, place)[0]!.message).toBe('publication date Monday 6 April 2026 is not a working day (Easter Monday, a bank holiday)');
  });
});
