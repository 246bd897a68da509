import type * as XLSX from 'xlsx';
import type { CellSpec, SheetSpec } from './xlsx-writer';
import { stateFor, type Month, type PlanSource } from './plan-source';

const COLS = 6; // Theme | What we are going to do | By when | Lead | BRAG | Progress update
const HEADER: CellSpec[] = ['Theme', 'What we are going to do', 'By when', 'Lead', 'BRAG', 'Progress update'];

/** Seed 001's layout as a council keeps it: key block, section bands, merged themes, repeated headers. */
export function councilLayout(plan: PlanSource, month: Month): SheetSpec {
  const rows: CellSpec[][] = [];
  const merges: XLSX.Range[] = [];
  const band = (text: string) => {
    merges.push({ s: { r: rows.length, c: 0 }, e: { r: rows.length, c: COLS - 1 } });
    rows.push([text]);
  };
  const colour = new Map(plan.legend.entries.map((e) => [e.label, e.colour]));
  band(plan.title);
  rows.push([]);
  rows.push(['Status', plan.legend.basis]);
  for (const e of plan.legend.entries) rows.push([{ v: e.label, fill: e.colour }, e.meaning]);
  rows.push([]);
  for (const section of plan.sections) {
    band(`${section.code}. ${section.title}`);
    band(`Strategic Lead – ${section.strategicLead}`);
    band(section.aim);
    for (const theme of section.themes) {
      const actions = theme.actions.map((a) => ({ a, s: stateFor(a, month) })).filter((x) => x.s);
      if (!actions.length) continue;
      rows.push([...HEADER]);
      const first = rows.length;
      for (const { a, s } of actions) {
        rows.push([rows.length === first ? theme.theme : null, a.id ? `${a.id} ${a.text}` : a.text, s!.due, a.lead ?? null, { v: s!.status, fill: colour.get(s!.status)! }, s!.progress || null]);
        for (const sub of a.subItems ?? []) rows.push([null, sub.text, sub.due, sub.lead ?? null, null, null]);
      }
      if (rows.length - first > 1) merges.push({ s: { r: first, c: 0 }, e: { r: rows.length - 1, c: 0 } });
    }
    band('Impact Measures');
    const measure = (label: string, items: string[]) => {
      merges.push({ s: { r: rows.length, c: 1 }, e: { r: rows.length, c: COLS - 1 } });
      rows.push([label, items.map((i) => `• ${i}`).join('\n')]);
    };
    measure('Key performance indicators', section.impact.kpis);
    measure('Feedback and quality indicators', section.impact.quality);
    measure('Interdependencies with other plans', section.impact.interdependencies);
    rows.push([]);
  }
  return { name: 'Action Plan', rows, merges, widths: [28, 60, 16, 36, 10, 50] };
}
