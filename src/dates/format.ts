import { fromIso } from './iso';

/** The languages dates are written in: English, or Welsh for a paper whose front matter says `language: cy`. */
export type DateLanguage = 'en' | 'cy';

const MONTHS: Record<DateLanguage, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};
const DAYS: Record<DateLanguage, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'],
};

/**
 * "30 December 2025" ("30 Rhagfyr 2025") from a calendar date's parts, month 0-11: the one way every date
 * is written out in words. By hand, not date-fns' format, which parses its pattern on every call (a third of
 * the normaliser's time on a 200,000-row plan).
 */
export function dateWords(year: number, month: number, day: number, language: DateLanguage = 'en'): string {
  return `${day} ${MONTHS[language][month]!} ${year}`;
}

/** The month's name, for "March 2024" in a board pack's subject. */
export const monthName = (month: number, language: DateLanguage = 'en') => MONTHS[language][month]!;

/** "30 December 2025" */
export function longDate(iso: string, language: DateLanguage = 'en'): string {
  const d = fromIso(iso);
  return dateWords(d.getFullYear(), d.getMonth(), d.getDate(), language);
}

/** "Tuesday 30 December 2025" ("Dydd Mawrth 30 Rhagfyr 2025") */
export function longDay(iso: string, language: DateLanguage = 'en'): string {
  const d = fromIso(iso);
  return `${DAYS[language][d.getDay()]!} ${dateWords(d.getFullYear(), d.getMonth(), d.getDate(), language)}`;
}

/** "30/12/2025" */
export function shortDate(iso: string): string {
  const d = fromIso(iso);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** How a cut-off time is said on decision records: "Midnight", "12 noon", "4pm", "10.30am". */
export function cutOffWords(hhmm: string): string {
  if (hhmm === '24:00' || hhmm === '00:00') return 'Midnight';
  if (hhmm === '12:00') return '12 noon';
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `.${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}
