import type { Action, Plan, Section, Theme } from '../model/plan';
import type { RenderSettings } from '../config/schema';
import type { Block, LayoutDocument, LayoutSection, LayoutStyle, RunningText, TableBlock, TableCell } from './layout';
import { houseStyle } from './style';
import { IdAllocator } from './ids';
import { legendTable } from './legend-table';
import { statusCell } from './status-cell';
import { englishWords, type Words } from './report/templates';

export interface PlanAppendixOptions {
  /** "A" for "Appendix A"; omit for a plan printed on its own. */
  letter?: string;
  /** Defaults to the plan's title. */
  title?: string;
  header: RunningText;
  settings: RenderSettings;
  /** Heading level of the appendix title (1 standalone, 2 inside a report). */
  headingLevel?: 1 | 2;
  /** Prefix for heading ids so several plans can share one document. */
  idPrefix?: string;
  /** The heading as printed ("Atodiad A: …" for a Welsh paper); default "Appendix A: title". */
  heading?: string;
  /** The words of the paper's language (templates/words.yaml); default English. */
  words?: Words;
  /** The paper's language (BCP 47) for the appendix printed on its own; default en-GB. */
  language?: string;
}

type Level = 1 | 2 | 3 | 4;
const text = (t: string): TableCell => ({ runs: [{ text: t }] });

export function appendixTitle(plan: Plan, options: Pick<PlanAppendixOptions, 'letter' | 'title'>): string {
  const title = options.title ?? plan.title;
  return options.letter ? `Appendix ${options.letter}: ${title}` : title;
}

const headingOf = (plan: Plan, options: PlanAppendixOptions) => options.heading ?? appendixTitle(plan, options);

/** How the appendix is laid out as a document of its own: its title a level-1 heading, its ids plan-…. */
export const OWN_DOCUMENT = { headingLevel: 1, idPrefix: 'plan-' } as const;

/**
 * Seed 001's shape, made accessible: landscape; the key; per section its heading, strategic lead and aim;
 * per theme a heading and a table of its own (no merged cells, no empty cells, header row repeated);
 * the impact measures after each section.
 */
export function planAppendixSections(plan: Plan, options: PlanAppendixOptions): LayoutSection[] {
  const ids = new IdAllocator(options.idPrefix ?? OWN_DOCUMENT.idPrefix);
  const top = (options.headingLevel ?? OWN_DOCUMENT.headingLevel) as Level;
  const overrides = options.settings.legendColours;
  const words = options.words ?? englishWords();
  const heading = headingOf(plan, options);
  const blocks: Block[] = [
    { kind: 'heading', level: top, text: heading, id: ids.id(heading) },
    { kind: 'paragraph', style: 'label', keepWithNext: true, runs: [{ text: words.statusKey }] },
    legendTable(plan.legend, overrides, words),
  ];
  for (const section of plan.sections) blocks.push(...sectionBlocks(section, plan, Math.min(top + 1, 4) as Level, ids, overrides, words));
  return [{ orientation: 'landscape', header: options.header, blocks }];
}

function sectionBlocks(section: Section, plan: Plan, level: Level, ids: IdAllocator, overrides: Record<string, string>, words: Words): Block[] {
  const title = section.code ? `${section.code}. ${section.title}` : section.title;
  const blocks: Block[] = [{ kind: 'heading', level, text: title, id: ids.id(title) }];
  if (section.strategicLeads.length)
    blocks.push({ kind: 'paragraph', runs: [{ text: `${words.strategicLead} `, bold: true }, { text: section.strategicLeads.map((l) => l.text).join('; ') }] });
  if (section.aim) blocks.push({ kind: 'paragraph', runs: [{ text: section.aim }] });
  const themeLevel = Math.min(level + 1, 4) as Level;
  for (const theme of section.themes) {
    // A plan without themes has one unnamed theme per section: its table sits under the section heading.
    if (theme.title) blocks.push({ kind: 'heading', level: themeLevel, text: themeHeading(theme), id: ids.id(themeHeading(theme)) });
    blocks.push(actionTable(theme, plan, overrides, words));
  }
  const impact = impactTable(section, words);
  if (impact) blocks.push({ kind: 'heading', level: themeLevel, text: words.impactMeasures, id: ids.id(`${title} impact measures`), toc: false }, impact);
  return blocks;
}

function themeHeading(theme: Theme): string {
  return theme.number ? `${theme.number}. ${theme.title}` : theme.title;
}

export const actionColumns = (w: Words) => [
  { header: w.ref, width: 0.9 },
  { header: w.action, width: 6 },
  { header: w.byWhen, width: 1.6 },
  { header: w.lead, width: 3 },
  { header: w.status, width: 1.3 },
  { header: w.progress, width: 4 },
];

export function actionTable(theme: Theme, plan: Plan, overrides: Record<string, string>, words: Words = englishWords()): TableBlock {
  return {
    kind: 'table',
    summary: `Actions${theme.title ? ` for ${theme.title}` : ''}: reference, action, due date, lead, status and progress`,
    role: 'data',
    columns: actionColumns(words),
    rows: theme.actions.map((a) => actionRow(a, plan, overrides, words)),
  };
}

export function actionRow(a: Action, plan: Plan, overrides: Record<string, string>, words: Words = englishWords()): TableCell[] {
  return [
    text(a.id ?? words.noRef),
    text(actionText(a)),
    text(a.due.text || words.notGiven),
    text(a.leads.map((l) => l.text).join('\n') || words.notGiven),
    statusCell(a.status, plan.legend, overrides, words.notRated),
    text(a.progress || words.noUpdate),
  ];
}

/** The action with its id-less workstreams underneath, each with its own date (seed 001, 18.3). */
function actionText(a: Action): string {
  const subs = a.subItems.map((s) => `• ${s.text}${s.due.text ? ` (${s.due.text})` : ''}`);
  return [a.text, ...subs].join('\n');
}

function impactTable(section: Section, words: Words): TableBlock | undefined {
  const rows: [string, string[]][] = [
    [words.kpis, section.impact.kpis],
    [words.qualityIndicators, section.impact.quality],
    [words.interdependencies, section.impact.interdependencies],
  ];
  const present = rows.filter(([, items]) => items.length);
  if (!present.length) return undefined;
  return {
    kind: 'table',
    summary: `Impact measures for ${section.title}`,
    role: 'key-value',
    columns: [{ header: words.measure, width: 2 }, { header: words.details, width: 6 }],
    rows: present.map(([label, items]) => [text(label), text(items.join('\n'))]),
  };
}

/**
 * The appendix as a document of its own (agenda packs publish appendices separately). `made`: its style and
 * sections already made (a report's inline copy, as its own file), so only the document's own parts are.
 */
export function planAppendixDocument(plan: Plan, options: PlanAppendixOptions & { created: string }, made?: { style: LayoutStyle; sections: LayoutSection[] }): LayoutDocument {
  const title = headingOf(plan, options);
  return {
    meta: { title, subject: plan.title, author: options.settings.council, language: options.language ?? 'en-GB', created: options.created },
    style: made?.style ?? houseStyle(options.settings),
    numbering: {},
    footer: { pageNumbers: true, left: options.settings.council },
    sections: made?.sections ?? planAppendixSections(plan, { ...options, headingLevel: OWN_DOCUMENT.headingLevel }),
  };
}
