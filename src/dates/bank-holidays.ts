import { addDays } from 'date-fns/addDays';
import { getDay } from 'date-fns/getDay';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { easterSunday } from './easter';
import { toIso } from './iso';

export type Region = 'england-and-wales' | 'scotland' | 'northern-ireland';

export interface BankHoliday {
  date: string;
  name: string;
}

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const firstMonday = (y: number, m: number) => {
  const d = day(y, m, 1);
  return addDays(d, (8 - getDay(d)) % 7);
};
const lastMonday = (y: number, m: number) => {
  const d = lastDayOfMonth(day(y, m, 1));
  return addDays(d, -((getDay(d) + 6) % 7));
};
/** A holiday falling on a weekend moves to the next weekday not already taken. */
function substitute(d: Date, taken: Set<string>): Date {
  let out = d;
  while (getDay(out) === 0 || getDay(out) === 6 || taken.has(toIso(out))) out = addDays(out, 1);
  return out;
}

/** Announced one-off days and moved days (royal and state occasions). */
const ONE_OFF: Record<string, BankHoliday[]> = {
  '2020': [{ date: '2020-05-08', name: 'Early May bank holiday (VE Day)' }],
  '2022': [{ date: '2022-06-02', name: 'Spring bank holiday' }, { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' }, { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' }],
  '2023': [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }],
};
/** Regular days that a one-off replaced that year. */
const REPLACED: Record<string, string[]> = { '2020': ['Early May bank holiday'], '2022': ['Spring bank holiday'] };

/**
 * UK bank holidays by rule, for planning statutory deadlines (the gov.uk feed is not reachable from a
 * council build server; announced changes go in settings as extraBankHolidays / removedBankHolidays).
 */
export function bankHolidays(year: number, region: Region = 'england-and-wales'): BankHoliday[] {
  const [em, ed] = easterSunday(year);
  const easter = day(year, em, ed);
  const list: { date: Date; name: string }[] = [];
  const taken = new Set<string>();
  const add = (date: Date, name: string, movable = true) => {
    const d = movable ? substitute(date, taken) : date;
    taken.add(toIso(d));
    list.push({ date: d, name });
  };
  add(day(year, 1, 1), "New Year's Day");
  if (region === 'scotland') add(day(year, 1, 2), '2nd January');
  if (region === 'northern-ireland') add(day(year, 3, 17), "St Patrick's Day");
  add(addDays(easter, -2), 'Good Friday', false);
  if (region !== 'scotland') add(addDays(easter, 1), 'Easter Monday', false);
  add(firstMonday(year, 5), 'Early May bank holiday', false);
  add(lastMonday(year, 5), 'Spring bank holiday', false);
  if (region === 'northern-ireland') add(day(year, 7, 12), 'Battle of the Boyne (Orangemen’s Day)');
  add(region === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8), 'Summer bank holiday', false);
  if (region === 'scotland') add(day(year, 11, 30), "St Andrew's Day");
  add(day(year, 12, 25), 'Christmas Day');
  add(day(year, 12, 26), 'Boxing Day');
  const replaced = REPLACED[year] ?? [];
  const regular = list.filter((h) => !replaced.includes(h.name)).map((h) => ({ date: toIso(h.date), name: h.name }));
  return [...regular, ...(ONE_OFF[year] ?? [])].sort((a, b) => a.date.localeCompare(b.date));
}
