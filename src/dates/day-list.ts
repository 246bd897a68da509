import { fromIso } from './iso';
import { dateWords, monthName, type DateLanguage } from './format';

/**
 * A run of dates in words, each month and year said once: "7, 8, 9, 10 and 13 April 2026",
 * "30 and 31 March, 1 and 2 April 2026", "31 December 2025, 2 January 2026". Dates in order.
 */
export function dayList(isos: readonly string[], language: DateLanguage = 'en'): string {
  const and = language === 'cy' ? 'a' : 'and';
  const groups: { year: number; month: number; days: number[] }[] = [];
  for (const iso of isos) {
    const d = fromIso(iso);
    const last = groups[groups.length - 1];
    if (last && last.year === d.getFullYear() && last.month === d.getMonth()) last.days.push(d.getDate());
    else groups.push({ year: d.getFullYear(), month: d.getMonth(), days: [d.getDate()] });
  }
  const days = (list: number[]) => (list.length === 1 ? String(list[0]) : `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`);
  return groups
    .map((g, i) => {
      const next = groups[i + 1];
      // The year is said at the end of each year's run: once for runs within one year.
      const withYear = !next || next.year !== g.year;
      if (g.days.length === 1 && withYear) return dateWords(g.year, g.month, g.days[0]!, language);
      return `${days(g.days)} ${monthName(g.month, language)}${withYear ? ` ${g.year}` : ''}`;
    })
    .join(', ');
}
