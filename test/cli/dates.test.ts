import { cabinet } from '../support/cli';

describe('cabinet dates', () => {
  it('prints the timetable for a meeting', () => {
    const r = cabinet(['dates', '--meeting', '2026-04-14', '--key-decision', '--decision-published', '2026-04-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Agenda published by \(5 clear working days\)\s+Thursday 2 April 2026/);
    expect(r.stdout).toMatch(/clear days counted\s+07, 08, 09, 10, 13/);
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
});
