/** A decision record source (regs 12-13 of SI 2012/2089; seed 004's shape): front matter and the narrative. */
import { z } from 'zod';
import { parseFrontMatter, readSourceFile, type Sourced } from './front-matter';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');

export const DecisionFrontMatterSchema = z.strictObject({
  type: z.literal('decision'),
  council: z.string().optional(),
  decisionMaker: z.string().min(1),
  meeting: z.strictObject({ date: IsoDate, time: z.string().optional() }),
  title: z.string().min(1),
  /** The RESOLVED list, in order. */
  resolved: z.array(z.string().min(1)).min(1),
  reasons: z.string().min(1),
  alternatives: z.string().default('None.'),
  conflicts: z.string().default('None.'),
  dispensations: z.string().default('N/A'),
  keyDecision: z.strictObject({ value: z.boolean(), forwardPlanRef: z.string().optional() }).default({ value: false }),
  wards: z.union([z.literal('All'), z.array(z.string()).min(1)], { error: 'expected All or a list of ward names' }).default('All'),
  leadOfficer: z.string().optional(),
  published: IsoDate,
  /** This council's call-in rule when it differs from the settings (seed 004: 4 working days to midnight). */
  callIn: z.strictObject({ workingDays: z.number().int().min(0), cutOff: z.string().regex(/^\d{2}:\d{2}$/) }).optional(),
  /** A decision taken under urgency is not subject to call-in: say why. */
  notSubjectToCallIn: z.strictObject({ reason: z.string().min(1) }).optional(),
  /** The record's language (BCP 47): en-GB, or cy for a Welsh record, as for reports. */
  language: z.enum(['en-GB', 'cy']).default('en-GB'),
});
export type DecisionFrontMatter = z.infer<typeof DecisionFrontMatterSchema>;
export type DecisionSource = Sourced<DecisionFrontMatter>;

export function readDecisionSource(file: string, shown?: string): DecisionSource {
  return parseFrontMatter(readSourceFile(file, shown), file, DecisionFrontMatterSchema);
}
