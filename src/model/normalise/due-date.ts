import { endOfQuarter } from 'date-fns/endOfQuarter';
import { isValid } from 'date-fns/isValid';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import type { DueDate } from '../plan';
import type { RawCell } from '../../readers/raw';
import { dateWords } from '../../dates/format';

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
const pad = (n: number) => String(n).padStart(2, '0');
/** yyyy-mm-dd by hand, and "31 August 2023" by the one date formatter: date-fns' format parses its pattern
 * on every call, a third of the normaliser's time on a 200,000-row plan. */
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const longDate = (d: Date) => dateWords(d.getFullYear(), d.getMonth(), d.getDate());
const utcDay = (y: number, m: number, d: number) => new Date(y, m, d);

/** Month number 0-11 from "August", "Aug", "Sept"; undefined if not a month. */
function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w) || (w === 'sept' && name === 'september'));
  return i >= 0 ? i : undefined;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function day(y: number, m: number, d: number): { date: string; start?: string } | undefined {
  const dt = utcDay(y, m, d);
  if (!isValid(dt) || dt.getMonth() !== m || dt.getDate() !== d) return undefined;
  return { date: iso(dt) };
}

function month(y: number, m: number): { date: string; start: string } {
  return { start: iso(utcDay(y, m, 1)), date: iso(lastDayOfMonth(utcDay(y, m, 1))) };
}

type Parsed = Omit<DueDate, 'text' | 'source'>;

const RULES: [RegExp, (m: RegExpMatchArray) => Parsed | undefined][] = [
  [/^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/, (m) => withPrecision('day', day(fullYear(m[3]!), Number(m[2]) - 1, Number(m[1])))],
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => withPrecision('day', day(Number(m[1]), Number(m[2]) - 1, Number(m[3])))],
  [/^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i, (m) => {
    const mi = monthIndex(m[2]!);
    return mi === undefined ? undefined : withPrecision('day', day(fullYear(m[3]!), mi, Number(m[1])));
  }],
  [/^(?:(?:by\s+)?(?:the\s+)?end\s+(?:of\s+)?|by\s+)?([a-z]+)\.?[\s\-'’]+(\d{4}|\d{2})$/i, (m) => {
    const mi = monthIndex(m[1]!);
    return mi === undefined ? undefined : { precision: 'month', ...month(fullYear(m[2]!), mi) };
  }],
  [/^Q([1-4])\s*(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i, (m) => quarter(Number(m[1]), Number(m[2]))],
  [/^(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i, (m) => financialYear(Number(m[1]), m[2]!)],
  [/^(ongoing|continuous|rolling|business as usual|bau)$/i, () => ({ precision: 'ongoing' })],
  [/^(tbc|tba|tbd|to be confirmed|to be agreed|to be determined)$/i, () => ({ precision: 'tbc' })],
  [/^(complete|completed|done|achieved)$/i, () => ({ precision: 'complete' })],
];

function withPrecision(precision: 'day', d: { date: string } | undefined): Parsed | undefined {
  return d ? { precision, ...d } : undefined;
}

/** Financial quarters run from April: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar of the next year. */
function quarter(q: number, fyStart: number): Parsed {
  const startMonth = (3 + (q - 1) * 3) % 12;
  const year = q === 4 ? fyStart + 1 : fyStart;
  const start = utcDay(year, startMonth, 1);
  return { precision: 'quarter', start: iso(start), date: iso(endOfQuarter(start)) };
}

function financialYear(first: number, second: string): Parsed | undefined {
  const end = second.length === 2 ? Math.floor(first / 100) * 100 + Number(second) : Number(second);
  if (end !== first + 1) return undefined;
  return { precision: 'financial-year', start: iso(utcDay(first, 3, 1)), date: iso(utcDay(end, 2, 31)) };
}

/** Parses one piece of due-date text; undefined when not understood. */
function parseText(text: string): Parsed | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  for (const [re, build] of RULES) {
    const m = t.match(re);
    if (m) return build(m);
  }
  // "Launched April 2024 - Ongoing": the work continues, so it is ongoing.
  if (/\bongoing\b/i.test(t)) return { precision: 'ongoing' };
  // Two dates in a cell ("July 2023 / October 2023"): the later one is when it is due.
  const parts = t.split(/\s*(?:\/|;|\band\b|\bthen\b|\n|,)\s*/i).filter(Boolean);
  if (parts.length > 1 && parts.length <= 4) {
    const parsed = parts.map(parseText);
    if (parsed.every((p) => p?.date)) return parsed.reduce((a, b) => (b!.date! > a!.date! ? b : a));
  }
  return undefined;
}

/**
 * A due-date cell: keeps the author's text and says how precise it is. Returns `understood: false` (with
 * precision 'unknown') so the caller can raise a warning with the cell address.
 */
export function parseDueDate(cell: RawCell | string | undefined): { due: DueDate; understood: boolean } {
  if (cell === undefined) return { due: { text: '', precision: 'none' }, understood: true };
  if (typeof cell === 'string') return fromText(cell);
  // A formula error is reported once, as formula-error, not again as a date.
  if (cell.type === 'error') return { due: { text: cell.text, precision: 'unknown' }, understood: true };
  if (cell.type === 'date' && cell.value instanceof Date) {
    const d = cell.value;
    const local = utcDay(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return { due: { text: longDate(local), precision: 'day', date: iso(local) }, understood: true };
  }
  if (cell.type === 'number' && typeof cell.value === 'number' && cell.value > 20000 && cell.value < 80000) {
    // An Excel serial that lost its date format (common after copy-paste between workbooks).
    const local = new Date(Date.UTC(1899, 11, 30) + cell.value * 86400000);
    const d = utcDay(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    return { due: { text: longDate(d), precision: 'day', date: iso(d) }, understood: true };
  }
  return fromText(cell.text);
}

function fromText(text: string): { due: DueDate; understood: boolean } {
  const t = text.trim();
  if (!t) return { due: { text: '', precision: 'none' }, understood: true };
  const parsed = parseText(t);
  return parsed ? { due: { text: t, ...parsed }, understood: true } : { due: { text: t, precision: 'unknown' }, understood: false };
}
