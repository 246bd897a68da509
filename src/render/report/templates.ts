import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Our own house templates, beside src/ and dist/ at the package root. */
export const BUILTIN_TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'templates');

const FrontSheetSchema = z.array(z.strictObject({ label: z.string(), value: z.string() }));
const WordingSchema = z.strictObject({
  runningHeader: z.string(),
  agendaItem: z.string(),
  appendixTitle: z.string(),
  appendixListEntry: z.string(),
  exemptAppendixNote: z.string(),
  separatelyPublishedNote: z.string(),
  contentsTitle: z.string(),
  appendicesHeading: z.string(),
  backgroundPapersHeading: z.string(),
  noBackgroundPapers: z.string(),
  noAppendices: z.string(),
  purpose: z.strictObject({ decision: z.string(), information: z.string(), noting: z.string() }),
});

export interface Templates {
  frontSheet: z.infer<typeof FrontSheetSchema>;
  wording: z.infer<typeof WordingSchema>;
}

/** A council's folder first, ours for any file it does not have. */
function templateFile(name: string, councilDir?: string): string {
  const own = councilDir && path.join(councilDir, name);
  return own && fs.existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, name);
}

export function loadTemplates(councilDir?: string): Templates {
  const read = <T>(name: string, schema: z.ZodType<T>): T => {
    const file = templateFile(name, councilDir);
    const result = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
    if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return result.data;
  };
  return { frontSheet: read('front-sheet.yaml', FrontSheetSchema), wording: read('report.yaml', WordingSchema) };
}
