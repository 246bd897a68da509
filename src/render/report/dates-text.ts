import { format, parseISO } from 'date-fns';

/** "12 September 2023", as front sheets print dates. */
export const longDate = (iso: string) => format(parseISO(iso), 'd MMMM yyyy');
