/**
 * A report source: YAML front matter (the front sheet and what the report draws on) and a Markdown body.
 * Validated with zod; every problem is a diagnostic with the file and line, never an exception.
 */
import { z } from 'zod';
import { lineOfKey, parseFrontMatter, readSourceFile, type Sourced } from './front-matter';
import { error, type Diagnostic } from '../diagnostics/diagnostic';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');
const Person = z.strictObject({
  name: z.string().min(1),
  jobTitle: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

export const AppendixSchema = z.strictObject({
  letter: z.string().min(1),
  title: z.string().min(1),
  /** Name of a workbook in `workbooks` whose plan is printed as this appendix. */
  plan: z.string().optional(),
  /** An appendix that exists elsewhere (a PDF, a letter), listed but not generated. */
  publishedSeparately: z.boolean().default(false),
  exempt: z.boolean().default(false),
  /** Schedule 12A paragraphs for an exempt appendix of a public report. */
  exemptParagraphs: z.array(z.number().int().min(1).max(18)).min(1).optional(),
  /** Why the public interest favours keeping an exempt appendix back; printed on the front sheet. */
  exemptReason: z.string().min(1).optional(),
});

export const ClassificationSchema = z.union([
  z.literal('public'),
  z.strictObject({
    exempt: z.array(z.number().int().min(1).max(18)).min(1, 'name at least one Schedule 12A paragraph'),
    reason: z.string().min(1, 'give the public interest reason'),
  }),
], { error: 'expected public, or { exempt: [Schedule 12A paragraphs], reason: "…" }' });

export const ReportFrontMatterSchema = z.strictObject({
  type: z.literal('report').default('report'),
  council: z.string().optional(),
  committee: z.string().min(1),
  meeting: z.strictObject({ date: IsoDate, time: z.string().regex(/^\d{2}:\d{2}$/, 'expected a time as HH:MM').optional(), venue: z.string().optional() }),
  agendaItem: z.union([z.string(), z.number()], { error: 'expected an agenda item number' }).transform(String).optional(),
  title: z.string().min(1),
  reportOf: z.string().min(1),
  portfolioHolder: z.string().min(1),
  author: Person,
  wards: z.union([z.literal('All'), z.array(z.string()).min(1)], { error: 'expected All or a list of ward names' }),
  keyDecision: z.strictObject({
    value: z.boolean(),
    forwardPlanRef: z.string().optional(),
    /** Why it is or is not key, in the council's words (seed 000 answers both reg 8 tests). */
    reason: z.string().optional(),
  }),
  classification: ClassificationSchema.default('public'),
  /** Absent: the front sheet says "Not applicable" in the paper's language (templates/words.yaml). */
  urgency: z.string().optional(),
  /** The paper's language (BCP 47): en-GB, or cy for a Welsh paper; the PDF's /Lang and the DOCX's proofing language. */
  language: z.enum(['en-GB', 'cy']).default('en-GB'),
  purpose: z.enum(['decision', 'information', 'noting']).default('decision'),
  priorities: z.array(z.string()).default([]),
  /** Workbooks the report draws on, by name, with paths relative to the report file. */
  workbooks: z.record(z.string(), z.string()).default({}),
  appendices: z.array(AppendixSchema).default([]),
  backgroundPapers: z.array(z.strictObject({ title: z.string(), link: z.string().optional() })).default([]),
  /** Per-report overrides of the render settings. */
  settings: z
    .strictObject({
      paragraphNumbering: z.enum(['section', 'continuous']).optional(),
      recommendationNumbering: z.enum(['paragraph', '1.', '(1)', '(a)', 'a)', 'i)', '(i)', 'A.']).optional(),
    })
    .default({}),
});
export type ReportFrontMatter = z.infer<typeof ReportFrontMatterSchema>;
export type Appendix = z.infer<typeof AppendixSchema>;

export type ReportSource = Sourced<ReportFrontMatter>;

export function readReportSource(file: string, shown?: string): ReportSource {
  return parseReportSource(readSourceFile(file, shown), file);
}

export function parseReportSource(text: string, file: string): ReportSource {
  const source = parseFrontMatter(text, file, ReportFrontMatterSchema);
  const hiding = source.front ? workbooksHidingFields(source.front, text, file) : [];
  if (!hiding.length) return source;
  const { front: _hidden, ...rest } = source;
  return { ...rest, diagnostics: [...source.diagnostics, ...hiding] };
}

/**
 * Names templates read beside the front matter's own fields (render/report/template-data.ts adds them):
 * a workbook may not take any of these names either.
 */
export const DERIVED_TEMPLATE_FIELDS = ['meetingDate'] as const;

/**
 * Templates see each workbook under its name, beside the front matter's fields ({{title}}, {{plan.actions}}):
 * a workbook named `title` would silently replace the title on the front sheet and in every running header.
 */
function workbooksHidingFields(front: ReportFrontMatter, text: string, file: string): Diagnostic[] {
  const fields = new Set<string>([...Object.keys(ReportFrontMatterSchema.shape), ...DERIVED_TEMPLATE_FIELDS]);
  return Object.keys(front.workbooks)
    .filter((name) => fields.has(name))
    .map((name) =>
      error('workbook-name-hides-field', `the workbook name "${name}" is also ${name in ReportFrontMatterSchema.shape ? `the front-matter field "${name}", which templates read as {{${name}}}` : `the field {{${name}}} templates read`}: give the workbook another name (for example "${name}Plan") and use that name in the body`, {
        file,
        line: lineOfKey(text, ['workbooks', name]) ?? 1,
      }),
    );
}
