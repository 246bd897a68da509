import { format } from 'date-fns/format';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { subMonths } from 'date-fns/subMonths';
import { fromIso } from '../dates/iso';
import { monthName as monthWord } from '../dates/format';

/** "2024-03", or "auto": the month that ended most recently before `today`. */
export function resolveMonth(month: string, today: string): string {
  if (month === 'auto') return format(subMonths(fromIso(today), 1), 'yyyy-MM');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`--month expects yyyy-mm or auto, found "${month}"`);
  return month;
}

/** The "position as at" date: the last day of the month. */
export const monthEnd = (month: string) => format(lastDayOfMonth(fromIso(`${month}-01`)), 'yyyy-MM-dd');
export const previousMonth = (month: string) => format(subMonths(fromIso(`${month}-01`), 1), 'yyyy-MM');
/** "March 2024", by the one date formatter. */
export const monthName = (month: string) => `${monthWord(Number(month.slice(5, 7)) - 1)} ${month.slice(0, 4)}`;
