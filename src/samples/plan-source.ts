import * as fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** The readable source of a sample plan (data/sources/*.yaml): reviewed by people, turned into workbooks by code. */
const SubItemSource = z.strictObject({ text: z.string(), due: z.string(), lead: z.string().optional() });
const ActionSource = z.strictObject({
  id: z.string().optional(),
  text: z.string(),
  due: z.string(),
  /** Absent: the cell is blank in the council layout ("same as above"). */
  lead: z.string().optional(),
  status: z.string(),
  progress: z.string().optional(),
  feb: z.string().optional(),
  febProgress: z.string().optional(),
  febDue: z.string().optional(),
  newInMarch: z.boolean().optional(),
  subItems: z.array(SubItemSource).optional(),
});
const SectionSource = z.strictObject({
  code: z.string(),
  title: z.string(),
  strategicLead: z.string(),
  aim: z.string(),
  themes: z.array(z.strictObject({ theme: z.string(), actions: z.array(ActionSource) })),
  impact: z.strictObject({ kpis: z.array(z.string()), quality: z.array(z.string()), interdependencies: z.array(z.string()) }),
});
export const PlanSourceSchema = z.strictObject({
  title: z.string(),
  legend: z.object({
    basis: z.string(),
    entries: z.array(z.strictObject({ label: z.string(), meaning: z.string(), colour: z.string() })),
  }),
  sections: z.array(SectionSource),
  kpis: z
    .array(z.strictObject({ name: z.string(), section: z.string(), baseline: z.number(), target: z.number(), current: z.number(), unit: z.string(), better: z.enum(['Higher', 'Lower']) }))
    .optional(),
});
export type PlanSource = z.infer<typeof PlanSourceSchema>;
export type ActionSource = z.infer<typeof ActionSource>;

export function loadPlanSource(file: string): PlanSource {
  return PlanSourceSchema.parse(parse(fs.readFileSync(file, 'utf8')));
}

export type Month = 'feb' | 'mar';

/** The plan as it stood in a month: February keeps its own statuses, notes and dates, and lacks March's new actions. */
export function stateFor(action: ActionSource, month: Month): { status: string; progress: string; due: string } | undefined {
  if (month === 'feb' && action.newInMarch) return undefined;
  if (month === 'mar') return { status: action.status, progress: action.progress ?? '', due: action.due };
  return { status: action.feb ?? action.status, progress: action.febProgress ?? action.progress ?? '', due: action.febDue ?? action.due };
}
