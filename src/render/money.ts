/** Money as council finance tables print it: £'000 columns, negatives (savings, income) in brackets. */

const grouped = (n: number, decimals = 0) => Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** 2500000 in thousands -> "2,500"; -150000 -> "(150)"; pounds -> "£2,500,000" / "(£150,000)". */
export function formatAmount(pounds: number, unit: 'pounds' | 'thousands'): string {
  const value = unit === 'thousands' ? pounds / 1000 : pounds;
  const text = unit === 'thousands' ? grouped(value, Number.isInteger(value) ? 0 : 1) : `£${grouped(value)}`;
  return value < 0 ? `(${text})` : text;
}

export type MoneyUnit = 'pounds' | 'thousands';

/**
 * Money in running text under the same setting as the tables, so a figure reads the same in both:
 * thousands -> "£195k", "(£195k)"; pounds -> "£195,000", "(£195,000)". Negatives (savings, income) are
 * bracketed in text too, never "-£".
 */
export function formatMoneyText(pounds: number, unit: MoneyUnit): string {
  const text = unit === 'thousands' ? `£${grouped(pounds / 1000, Number.isInteger(pounds / 1000) ? 0 : 1)}k` : `£${grouped(pounds)}`;
  return pounds < 0 ? `(${text})` : text;
}

/** Words authors quote: £2.5m, £500,000, £75k. */
export function formatMoneyWords(pounds: number): string {
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? '-' : '';
  if (abs >= 1e6) return `${sign}£${(abs / 1e6).toFixed(abs % 1e6 === 0 ? 0 : abs % 1e5 === 0 ? 1 : 2)}m`;
  return `${sign}£${grouped(abs)}`;
}
