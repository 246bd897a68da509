import type { CellSpec, SheetSpec } from './xlsx-writer';
import type { PlanSource } from './plan-source';

export const TRACKER_HEADER = ['Ref', 'Section', 'Theme', 'Action', 'Responsible officer', 'Target date', 'Status', 'Latest update'];
const LETTER: Record<string, string> = { Blue: 'B', Green: 'G', Amber: 'A', Red: 'R', Grey: 'Not started' };
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** Last day of a "Month yyyy" due text, as the real date a tracker would hold. */
export function monthEnd(text: string): Date {
  const [name, year] = text.split(' ');
  const m = MONTHS.indexOf(name!);
  if (m < 0) throw new Error(`sample due date "${text}" is not "Month yyyy"`);
  return new Date(Date.UTC(Number(year), m + 1, 0));
}

/** The same plan flat, one row per action, every lead written out, as a performance team's tracker (March state). */
export function trackerRows(plan: PlanSource, dates: 'cells' | 'text'): CellSpec[][] {
  const rows: CellSpec[][] = [TRACKER_HEADER];
  const date = (text: string): CellSpec => (dates === 'cells' ? monthEnd(text) : monthEnd(text).toISOString().slice(0, 10).split('-').reverse().join('/'));
  for (const section of plan.sections) {
    let lead = '';
    for (const theme of section.themes)
      for (const a of theme.actions) {
        lead = a.lead ?? lead;
        rows.push([a.id ?? null, `${section.code}. ${section.title}`, theme.theme, a.text, lead, date(a.due), LETTER[a.status]!, a.progress ?? null]);
        for (const sub of a.subItems ?? []) rows.push([null, `${section.code}. ${section.title}`, theme.theme, sub.text, null, date(sub.due), null, null]);
      }
  }
  return rows;
}

export function trackerSheet(plan: PlanSource): SheetSpec {
  return { name: 'Tracker', rows: trackerRows(plan, 'cells'), widths: [8, 40, 36, 60, 40, 14, 12, 50] };
}

/** RFC 4180 CSV: quotes around fields with commas, quotes or new lines. */
export function toCsv(rows: CellSpec[][]): string {
  const field = (v: CellSpec) => {
    const s = v === null ? '' : String(v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? ('error' in v ? v.error : v.v) : v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
