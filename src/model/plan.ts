/**
 * The normalised action plan: the typed model every renderer reads. zod schemas are the types (z.infer);
 * the normaliser parses at the boundary and everything downstream trusts these shapes.
 *
 * Every value read from a cell keeps a `source` so a later stage (board pack, checks) can still point at
 * the cell. Dates are ISO `yyyy-mm-dd` strings so the model round-trips through JSON snapshots unchanged.
 */
import { z } from 'zod';

export const CellRefSchema = z.object({ sheet: z.string(), cell: z.string() });
export type CellRef = z.infer<typeof CellRefSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One entry of the plan's own status legend, e.g. Blue = "Action completed and signed off". */
export const LegendEntrySchema = z.object({
  /** Canonical word printed in every output, e.g. "Blue". */
  label: z.string(),
  /** What the status means in this plan, e.g. "Action completed and signed off". */
  meaning: z.string(),
  /** Fill colour as #RRGGBB. */
  colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  /** Other spellings accepted in status cells: letters (B, G, A, R), words ("Complete", "On track"). */
  aliases: z.array(z.string()),
  /** Severity rank for "moved up / down" and ordering: 0 is worst (Red, "Off track") and higher is better; not started sits between. */
  rank: z.number(),
  /** True for the status meaning finished (Blue in BRAG, Green in a plain RAG with no Blue). */
  complete: z.boolean(),
  /**
   * True for the statuses a board must see in full (Red and Amber in BRAG; "Off track" and "Slipping" in a
   * council's own words): the board pack's exceptions. Defaults keep snapshots written before it readable.
   */
  exception: z.boolean().default(false),
  /** True for "not started" (Grey in BRAG, "Not yet begun"). */
  notStarted: z.boolean().default(false),
});
export type LegendEntry = z.infer<typeof LegendEntrySchema>;

export const LegendSchema = z.object({
  /** Where the legend came from: the workbook's own key, the settings' `legend:`, or the standard BRAG legend. */
  origin: z.enum(['workbook', 'settings', 'standard']),
  /** Heading over the meanings in the key, e.g. "Progress against timescale". */
  basis: z.string().optional(),
  entries: z.array(LegendEntrySchema),
  source: CellRefSchema.optional(),
});
export type Legend = z.infer<typeof LegendSchema>;

export const DuePrecisionSchema = z.enum([
  'day', // 31/08/2023, 31 August 2023, a date cell
  'month', // August 2023, Aug-23, End of March 2024
  'quarter', // Q3 2023/24
  'financial-year', // 2024/25, 2024-25
  'ongoing', // Ongoing
  'tbc', // TBC
  'complete', // Complete, Completed
  'unknown', // text kept, not understood (a warning is raised)
  'none', // empty cell
]);
export type DuePrecision = z.infer<typeof DuePrecisionSchema>;

export const DueDateSchema = z.object({
  /** The cell's text exactly as the author wrote it (a date cell is shown as d MMMM yyyy). */
  text: z.string(),
  precision: DuePrecisionSchema,
  /** Last day of the period the text names (31 August 2023 for "August 2023"); absent for ongoing/tbc/etc. */
  date: IsoDate.optional(),
  /** First day of the period, for month/quarter/financial-year precision. */
  start: IsoDate.optional(),
  source: CellRefSchema.optional(),
});
export type DueDate = z.infer<typeof DueDateSchema>;

export const LeadSchema = z.object({
  /** The lead's text as written, e.g. "Assistant Director Children & Families – Jonathan Taylor". */
  text: z.string(),
  role: z.string().optional(),
  name: z.string().optional(),
});
export type Lead = z.infer<typeof LeadSchema>;

export const StatusSchema = z.object({
  /** The legend entry's label, e.g. "Amber". */
  label: z.string(),
  /** What was in the cell ("A", "amber", or "fill #FFC000" when only a colour was found). */
  text: z.string(),
  source: CellRefSchema.optional(),
});
export type Status = z.infer<typeof StatusSchema>;

/** A line under an action with no id of its own (seed 001, 18.3's list of workstreams). */
export const SubItemSchema = z.object({
  text: z.string(),
  due: DueDateSchema,
  leads: z.array(LeadSchema),
  source: CellRefSchema.optional(),
});
export type SubItem = z.infer<typeof SubItemSchema>;

export const ActionSchema = z.object({
  /** "1.1", "18.3a", "D1", "ORG.1.01"; absent when the plan gives none (seed 001 section D). */
  id: z.string().optional(),
  text: z.string(),
  due: DueDateSchema,
  leads: z.array(LeadSchema),
  /** True when the lead cell was blank and the lead was carried down from the row above. */
  leadInherited: z.boolean(),
  status: StatusSchema.optional(),
  progress: z.string().optional(),
  /** Percent complete when the plan has such a column. */
  percentComplete: z.number().optional(),
  subItems: z.array(SubItemSchema),
  source: z.object({ sheet: z.string(), row: z.number().int() }),
});
export type Action = z.infer<typeof ActionSchema>;

export const ThemeSchema = z.object({
  /** "1", "18"; absent for unnumbered themes. */
  number: z.string().optional(),
  title: z.string(),
  actions: z.array(ActionSchema),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const ImpactMeasuresSchema = z.object({
  kpis: z.array(z.string()),
  quality: z.array(z.string()),
  interdependencies: z.array(z.string()),
});
export type ImpactMeasures = z.infer<typeof ImpactMeasuresSchema>;

export const SectionSchema = z.object({
  /** "A".."D"; absent when the plan has no sections (a single implicit section). */
  code: z.string().optional(),
  title: z.string(),
  strategicLeads: z.array(LeadSchema),
  aim: z.string().optional(),
  themes: z.array(ThemeSchema),
  impact: ImpactMeasuresSchema,
});
export type Section = z.infer<typeof SectionSchema>;

/** A KPI row where the workbook has values (Kpis sheet); used by the board pack. */
export const KpiSchema = z.object({
  name: z.string(),
  section: z.string().optional(),
  baseline: z.number().optional(),
  target: z.number().optional(),
  current: z.number().optional(),
  unit: z.string().optional(),
  /** "up" when a higher value is better. */
  polarity: z.enum(['up', 'down']).optional(),
  source: CellRefSchema.optional(),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const RiskSchema = z.object({
  risk: z.string(),
  likelihood: z.number().int().min(1).max(5).optional(),
  impact: z.number().int().min(1).max(5).optional(),
  /** likelihood x impact, computed. */
  rating: z.number().int().optional(),
  mitigation: z.string(),
  owner: z.string().optional(),
  source: CellRefSchema.optional(),
});
export type Risk = z.infer<typeof RiskSchema>;

export const FinanceLineSchema = z.object({
  description: z.string(),
  kind: z.enum(['revenue', 'capital']),
  recurrence: z.enum(['one-off', 'recurring']),
  funding: z.string().optional(),
  /** Amount in pounds per financial year label ("2024/25"); negatives are savings or income. */
  amounts: z.record(z.string(), z.number()),
  source: CellRefSchema.optional(),
});
export type FinanceLine = z.infer<typeof FinanceLineSchema>;

export const FinanceTableSchema = z.object({
  /** Financial year labels in column order, e.g. ["2018/19", "2019/20"]. */
  years: z.array(z.string()),
  /** How amounts in the sheet were given; the model always stores pounds. */
  unit: z.enum(['pounds', 'thousands']),
  lines: z.array(FinanceLineSchema),
  /** Totals per year, computed from the lines (never copied from the sheet). */
  totals: z.record(z.string(), z.number()),
});
export type FinanceTable = z.infer<typeof FinanceTableSchema>;

export const PlanSchema = z.object({
  title: z.string(),
  /** Period the plan covers, when the title or config says (2023-24 -> 2023-04-01..2024-03-31). */
  period: z.object({ start: IsoDate, end: IsoDate }).optional(),
  legend: LegendSchema,
  sections: z.array(SectionSchema),
  kpis: z.array(KpiSchema),
  risks: z.array(RiskSchema),
  finance: FinanceTableSchema.optional(),
  source: z.object({ file: z.string(), sheet: z.string(), headerRow: z.number().int() }),
});
export type Plan = z.infer<typeof PlanSchema>;

/** Every action of a plan in document order, with the section and theme it sits in. */
export function* planActions(plan: Plan): Generator<{ section: Section; theme: Theme; action: Action }> {
  for (const section of plan.sections)
    for (const theme of section.themes) for (const action of theme.actions) yield { section, theme, action };
}
