import { cabinet } from '../support/cli';

describe('cabinet dates', () => {
  it('prints the timetable for a meeting', () => {
    const r = cabinet(['dates', '--meeting', '2026-04-14', '--key-decision', '--decision-published', '2026-04-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Agenda published by \(5 clear working days\)\s+Thursday 2 April 2026/);
    expect(r.stdout).toMatch(/clear days counted\s+7, 8, 9, 10 and 13 April 2026\n/);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Key decision notice by \(28 clear days\)\s+Monday 16 March 2026/);
    expect(r.stdout).toMatch(/Call-in ends \(5 working days\)\s+Midnight on 22 April 2026/);
  });

  it('prints JSON and rejects bad dates with exit 2', () => {
    const json = JSON.parse(cabinet(['dates', '--meeting', '2026-04-14', '--json']).stdout) as { agendaPublishBy: string };
    expect(json.agendaPublishBy).toBe('2026-04-02');
    const bad = cabinet(['dates', '--meeting', '14/04/2026']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--meeting expects a date as yyyy-mm-dd, found "14/04/2026"');
  });

  it('names the month of every clear day, across a month end too', () => {
    const r = cabinet(['dates', '--meeting', '2026-04-07']);
    // 7 April 2026 is a Tuesday; Good Friday (3 April) and Easter Monday (6 April) are not counted.
    expect(r.stdout).toMatch(/clear days counted\s+27, 30 and 31 March, 1 and 2 April 2026\n/);
  });

  it('warns on a meeting on Christmas Day, a decision published on a Saturday and before its meeting, and still exits 0', () => {
    const r = cabinet(['dates', '--meeting', '2026-12-25', '--decision-published', '2026-12-19']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[meeting-not-a-working-day]: the meeting on Friday 25 December 2026 is not a working day (Christmas Day, a bank holiday): check the date');
    expect(r.stderr).toContain('warning[publication-not-a-working-day]: the decision is published on Saturday 19 December 2026, not a working day: call-in is counted from the next working day');
    expect(r.stderr).toContain('warning[decision-before-meeting]: the decision is published on Saturday 19 December 2026, before the meeting on Friday 25 December 2026');
  });

  it('warns on a Saturday meeting, and lists the warnings in --json', () => {
    const r = cabinet(['dates', '--meeting', '2026-04-11', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] };
    expect(json.warnings.map((w) => w.code)).toEqual(['meeting-not-a-working-day']);
    expect(json.warnings[0]!.message).toContain('Saturday 11 April 2026 is not a working day');
  });
});
