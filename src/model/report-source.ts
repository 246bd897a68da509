/**
 * A report source: YAML front matter (the front sheet and what the report draws on) and a Markdown body.
 * Validated with zod; every problem is a diagnostic with the file and line, never an exception.
 */
import * as fs from 'node:fs';
import { isMap, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { error, type Diagnostic, UnreadableInputError } from './diagnostic';

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
});

export const ClassificationSchema = z.union([
  z.literal('public'),
  z.strictObject({
    exempt: z.array(z.number().int().min(1).max(18)).min(1, 'name at least one Schedule 12A paragraph'),
    reason: z.string().min(1, 'give the public interest reason'),
  }),
]);

export const ReportFrontMatterSchema = z.strictObject({
  type: z.literal('report').default('report'),
  council: z.string().optional(),
  committee: z.string().min(1),
  meeting: z.strictObject({ date: IsoDate, time: z.string().regex(/^\d{2}:\d{2}$/).optional(), venue: z.string().optional() }),
  agendaItem: z.union([z.string(), z.number()]).transform(String).optional(),
  title: z.string().min(1),
  reportOf: z.string().min(1),
  portfolioHolder: z.string().min(1),
  author: Person,
  wards: z.union([z.literal('All'), z.array(z.string()).min(1)]),
  keyDecision: z.strictObject({
    value: z.boolean(),
    forwardPlanRef: z.string().optional(),
    /** Why it is or is not key, in the council's words (seed 000 answers both reg 8 tests). */
    reason: z.string().optional(),
  }),
  classification: ClassificationSchema.default('public'),
  urgency: z.string().default('Not applicable'),
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

export interface ReportSource {
  file: string;
  front?: ReportFrontMatter;
  body: string;
  /** 1-based line of the body's first line, so body diagnostics point at the file's real line. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

export function readReportSource(file: string): ReportSource {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UnreadableInputError(file, 'file not found');
  }
  return parseReportSource(text, file);
}

export function parseReportSource(text: string, file: string): ReportSource {
  const m = text.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  if (!m) return { file, body: text, bodyLine: 1, diagnostics: [error('front-matter-missing', 'expected YAML front matter between --- lines at the top of the file', { file, line: 1 })] };
  const yamlText = m[1]!;
  const bodyLine = yamlText.split('\n').length + 3;
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => error('front-matter-yaml', e.message.split('\n')[0]!, { file, line: (e.linePos?.[0]?.line ?? 0) + 1 }));
  if (diagnostics.length) return { file, body: m[2]!, bodyLine, diagnostics };
  const parsed = ReportFrontMatterSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { file, front: parsed.data, body: m[2]!, bodyLine, diagnostics };
  for (const issue of parsed.error.issues) diagnostics.push(frontMatterIssue(issue, doc, yamlText, file));
  return { file, body: m[2]!, bodyLine, diagnostics };
}

function frontMatterIssue(issue: z.core.$ZodIssue, doc: Document, yamlText: string, file: string): Diagnostic {
  const key = issue.path.map(String).join('.');
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  const code = missing ? 'front-matter-missing-field' : 'front-matter-invalid';
  const message = missing ? `missing front-sheet field "${key}"` : `${key || 'front matter'}: ${issue.message}`;
  return error(code, message, { file, line: lineOf(doc, yamlText, issue.path) });
}

/** Line (in the whole file, counting the opening ---) of the deepest key of `path` that exists. */
function lineOf(doc: Document, yamlText: string, path: PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n).map((p) => (typeof p === 'number' ? p : String(p))), true) as { range?: number[] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return yamlText.slice(0, offset).split('\n').length + 1;
  }
  return isMap(doc.contents) ? 2 : 1;
}
