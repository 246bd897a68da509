import type { Plan, Kpi } from '../model/plan';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Config } from '../config/schema';
import type { Block, ImageBlock, LayoutDocument, LayoutSection, TableBlock, TableCell } from '../render/layout';
import { houseStyle } from '../render/style';
import { finishLayout } from '../render/house-style';
import { IdAllocator } from '../render/ids';
import { statusCell } from '../render/status-cell';
import { statusSummaryTable } from '../render/plan-summary';
import { planAppendixSections } from '../render/plan-appendix';
import { incompleteNotice, plainProblem, workbookName } from './plain-problems';
import { longDate } from '../dates/format';
import { changes, dueSoon, exceptionEntries, exceptions, inconsistencies, type Changes, type Located } from './analysis';
import { statusChart } from './chart';
import { monthName } from './month';

export interface PackPlan {
  plan: Plan;
  previous?: Plan | undefined;
  earlier?: Plan | undefined;
}

export interface PackInput {
  month: string;
  asAt: string;
  plans: PackPlan[];
  /** Plans left out because of data errors, with their diagnostics. */
  problems: { file: string; diagnostics: Diagnostic[] }[];
  config: Config;
  created: string;
}

const text = (t: string): TableCell => ({ runs: [{ text: t }] });
const ref = (l: Located) => text(l.action.id ?? 'No ref');
const leads = (l: Located) => text(l.action.leads.map((x) => x.text).join('\n') || 'No lead');

function table(summary: string, headers: [string, number][], rows: TableCell[][]): TableBlock {
  return { kind: 'table', role: 'data', summary, columns: headers.map(([header, width]) => ({ header, width })), rows };
}

/** A table, or a plain sentence when there is nothing to list (an empty table helps nobody). */
function listOrNone(t: TableBlock, none: string): Block {
  return t.rows.length ? t : { kind: 'paragraph', runs: [{ text: none }] };
}

/** "Red and Amber", "Off track, Slipping and At risk". */
function words(list: string[], conjunction: 'and' | 'or'): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${conjunction} ${list[list.length - 1]}`;
}

function planBlocks(p: PackPlan, chart: ImageBlock, input: PackInput, ids: IdAllocator): Block[] {
  const { plan } = p;
  const overrides = input.config.render.legendColours;
  const h = (level: 2 | 3, t: string): Block => ({ kind: 'heading', level, text: t, id: ids.id(`${plan.title} ${t}`) });
  const blocks: Block[] = [h(2, plan.title), h(3, 'RAG summary'), statusSummaryTable(plan), chart];
  // Titled in the key's own words, worst first: "Red and Amber", "Off track and Slipping", "1 and 2".
  const worst = words(exceptionEntries(plan).map((e) => e.label), 'and');
  const none = worst ? `No actions are rated ${words(exceptionEntries(plan).map((e) => e.label), 'or')}.` : 'The plan’s key marks no status as an exception (set exception: true under legend: in the settings).';
  blocks.push(h(3, worst ? `Exceptions: ${worst} actions` : 'Exceptions'), listOrNone(table(`${worst || 'Exception'} actions in full`, [['Ref', 1], ['Action', 5], ['Lead', 3], ['Due', 2.1], ['Status', 1.4], ['Progress', 4]],
    exceptions(plan).map((l) => [ref(l), text(l.action.text), leads(l), text(l.action.due.text || 'Not given'), statusCell(l.action.status, plan.legend, overrides), text(l.action.progress || 'No update')])), none));
  blocks.push(h(3, 'Consistency warnings'), listOrNone(table('Actions whose rating, dates or notes do not agree', [['Ref', 1], ['Action', 6], ['Problem', 5]],
    inconsistencies(plan, input.asAt).map((w) => [ref(w.item), text(w.item.action.text), text(w.problem)])), 'None.'));
  blocks.push(h(3, 'Due in the next 60 days'), listOrNone(table('Actions due within 60 days of the position date', [['Ref', 1], ['Action', 6], ['Lead', 3], ['Due', 2.1], ['Status', 1.4]],
    dueSoon(plan, input.asAt).map((l) => [ref(l), text(l.action.text), leads(l), text(l.action.due.text), statusCell(l.action.status, plan.legend, overrides)])), 'No actions fall due in the next 60 days.'));
  blocks.push(h(3, 'Changes since last month'), ...changeBlocks(p, overrides));
  if (plan.kpis.length) blocks.push(h(3, 'Key performance indicators'), kpiTable(plan.kpis));
  return blocks;
}

function changeBlocks(p: PackPlan, overrides: Record<string, string>): Block[] {
  if (!p.previous) return [{ kind: 'paragraph', runs: [{ text: 'There is no snapshot of this plan for the previous month, so no changes can be shown. Next month’s pack will compare with this one.' }] }];
  const c: Changes = changes(p.plan, p.previous, p.earlier);
  const label = (t: string): Block => ({ kind: 'paragraph', style: 'label', keepWithNext: true, runs: [{ text: t }] });
  return [
    label('Status changes'),
    listOrNone(table('Actions whose status moved since last month', [['Ref', 1], ['Action', 6], ['Last month', 1.5], ['This month', 1.5], ['Change', 2]],
      c.moved.map((m) => [ref(m.item), text(m.item.action.text), statusCell({ label: m.from, text: m.from }, p.plan.legend, overrides), statusCell({ label: m.to, text: m.to }, p.plan.legend, overrides), text(m.direction === 'up' ? '↑ Improved' : '↓ Worsened')])), 'No status changed.'),
    label('New actions'),
    listOrNone(table('Actions added since last month', [['Ref', 1], ['Action', 8], ['Status', 1.5]], c.added.map((l) => [ref(l), text(l.action.text), statusCell(l.action.status, p.plan.legend, overrides)])), 'None.'),
    label('Removed actions'),
    listOrNone(table('Actions removed since last month', [['Ref', 1], ['Action', 8], ['Last status', 1.5]], c.removed.map((l) => [ref(l), text(l.action.text), statusCell(l.action.status, p.previous!.legend, overrides)])), 'None.'),
    label('Due dates moved'),
    listOrNone(table('Actions whose due date moved later, with the slippage in days', [['Ref', 1], ['Action', 6], ['Was due', 2.1], ['Now due', 2.1], ['Slippage', 1.4]],
      c.slipped.map((s) => [ref(s.item), text(s.item.action.text), text(s.from), text(s.to), text(`${s.days} ${s.days === 1 ? 'day' : 'days'}`)])), 'No due dates moved.'),
    label('Progress notes unchanged for three months'),
    listOrNone(table('Open actions whose progress note has not changed in three months', [['Ref', 1], ['Action', 5], ['Progress note', 5]], c.stale.map((l) => [ref(l), text(l.action.text), text(l.action.progress!)])), p.earlier ? 'None.' : 'Needs three months of snapshots.'),
  ];
}

function kpiTable(kpis: Kpi[]): TableBlock {
  const num = (n: number | undefined, unit = '') => (n === undefined ? 'Not given' : `${n}${unit}`);
  const direction = (k: Kpi) => {
    if (k.current === undefined || k.baseline === undefined || k.current === k.baseline) return 'No change';
    const better = (k.current > k.baseline) === (k.polarity !== 'down');
    return better ? '↑ Better than baseline' : '↓ Worse than baseline';
  };
  return table('Key performance indicators: baseline, target, current value and direction', [['Indicator', 5], ['Section', 1.2], ['Baseline', 1.3], ['Target', 1.3], ['Current', 1.3], ['Direction', 2.5]],
    kpis.map((k) => [text(k.name), text(k.section ?? 'All'), text(num(k.baseline, k.unit)), text(num(k.target, k.unit)), text(num(k.current, k.unit)), text(direction(k))]));
}

function problemBlocks(input: PackInput, ids: IdAllocator): Block[] {
  if (!input.problems.length) return [];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Data problems', id: ids.id('data problems') },
    { kind: 'paragraph', runs: [{ text: 'These plans could not be included this month: their workbooks could not be opened or hold mistakes. Each problem says where in the workbook it is and what to correct; the plan’s owner can fix it for next month’s pack.' }] },
  ];
  for (const p of input.problems) {
    const items = p.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ runs: [{ text: plainProblem(d) }], level: 0 }));
    blocks.push({ kind: 'paragraph', style: 'label', keepWithNext: true, runs: [{ text: `Workbook “${workbookName(p.file)}”` }] }, { kind: 'list', ordered: false, items });
  }
  return blocks;
}

export async function boardPackDocument(input: PackInput): Promise<LayoutDocument> {
  const ids = new IdAllocator();
  // Charts first: drawing one is asynchronous (vega), the rest of the layout is not.
  const charts: ImageBlock[] = [];
  for (const p of input.plans) charts.push(await statusChart(p.plan, input.config.render.legendColours, input.config.render.font));
  const board = input.config.boardPack.board;
  const title = `${board}: monthly board pack, ${monthName(input.month)}`;
  const cover: Block[] = [
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: input.config.render.council }] },
    { kind: 'heading', level: 1, text: title, id: ids.id(title) },
    { kind: 'paragraph', style: 'lead', runs: [{ text: `Position as at ${longDate(input.asAt)}` }] },
    { kind: 'paragraph', runs: [{ text: `Plans in this pack: ${input.plans.map((p) => p.plan.title).join('; ') || 'none'}.` }] },
    ...(input.problems.length ? [{ kind: 'paragraph', style: 'lead', runs: [{ text: incompleteNotice(input.problems.length, input.plans.length), bold: true }] } as Block] : []),
    { kind: 'toc', title: 'Contents', maxLevel: 2 },
  ];
  const body = input.plans.flatMap((p, i) => planBlocks(p, charts[i]!, input, ids));
  const header = { left: `${board} – ${monthName(input.month)}`, right: 'Board pack' };
  const sections: LayoutSection[] = [{ orientation: 'portrait', header, blocks: [...cover, ...body, ...problemBlocks(input, ids)] }];
  input.plans.forEach((p, i) =>
    sections.push(...planAppendixSections(p.plan, { title: `Appendix: ${p.plan.title}`, header: { ...header, right: 'Appendix' }, settings: input.config.render, headingLevel: 2, idPrefix: `appendix-${i + 1}-` })),
  );
  return finishLayout({
    meta: { title, subject: `Position as at ${longDate(input.asAt)}`, author: input.config.render.council, language: 'en-GB', created: input.created },
    style: houseStyle(input.config.render),
    numbering: {},
    footer: { pageNumbers: true, left: input.config.render.council },
    sections,
  }, input.config.render);
}
