import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

/** Dates cross our API as yyyy-mm-dd strings: no time zones, no clocks. Inside, local calendar dates. */
export function fromIso(iso: string): Date {
  const d = parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== iso) throw new RangeError(`"${iso}" is not a date as yyyy-mm-dd`);
  return d;
}

export const toIso = (d: Date) => format(d, 'yyyy-MM-dd');
export const shiftIso = (iso: string, days: number) => toIso(addDays(fromIso(iso), days));
export const isIsoDate = (s: string) => {
  try {
    fromIso(s);
    return true;
  } catch {
    return false;
  }
};
