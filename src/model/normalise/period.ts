import type { Plan } from '../plan';

/**
 * A plan's period from its title: "2023-24", "2023 – 2024", "2023/24", "2017-2020" run from 1 April of the
 * first year to 31 March of the last (council plans follow the financial year).
 */
export function periodFromTitle(title: string): Plan['period'] {
  const m = title.match(/\b(20\d{2})\s*[-–—/]\s*(20\d{2}|\d{2})\b/);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (last <= first || last - first > 10) return undefined;
  return { start: `${first}-04-01`, end: `${last}-03-31` };
}
