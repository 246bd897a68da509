import { dayList } from '../../src/dates/day-list';

describe('dayList: clear days written out with their month and year', () => {
  it.each([
    [['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-13'], '7, 8, 9, 10 and 13 April 2026'],
    [['2026-03-30', '2026-03-31', '2026-04-01'], '30 and 31 March, 1 April 2026'],
    [['2025-12-31', '2026-01-02'], '31 December 2025, 2 January 2026'],
    [['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05'], '30 and 31 December 2025, 2 and 5 January 2026'],
    [['2026-04-07'], '7 April 2026'],
    [[], ''],
  ])('%j -> %s', (days, words) => expect(dayList(days)).toBe(words));

  it('in Welsh', () => expect(dayList(['2026-04-07', '2026-04-08'], 'cy')).toBe('7 a 8 Ebrill 2026'));
});
