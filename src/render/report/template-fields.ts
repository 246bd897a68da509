/**
 * The fields each house template may print, as a skeleton of its data (every field present, values empty),
 * so a template is checked when it is loaded, not when a paper happens to leave a field blank. Derived from
 * the front-matter schemas, so a new front-matter field is a known template field at once.
 */
import type { z } from 'zod';
import { AppendixSchema, ReportFrontMatterSchema } from '../../model/report-source';
import { DecisionFrontMatterSchema } from '../../model/decision-source';
import type { TemplateYaml } from './template-schemas';

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
}
const defOf = (s: z.core.$ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of a schema with an empty value: objects as objects, lists as one-element lists. */
export function skeleton(schema: z.core.$ZodType, depth = 0): unknown {
  const d = defOf(schema);
  if (depth > 8) return '';
  if (d.innerType) return skeleton(d.innerType, depth + 1);
  if (d.type === 'pipe' && d.in) return skeleton(d.in, depth + 1);
  if (d.type === 'object' && d.shape) return Object.fromEntries(Object.entries(d.shape).map(([k, v]) => [k, skeleton(v, depth + 1)]));
  if (d.type === 'array' && d.element) return [skeleton(d.element, depth + 1)];
  if (d.type === 'union' && d.options) {
    const parts = d.options.map((o) => skeleton(o, depth + 1)).filter((p): p is Record<string, unknown> => Boolean(p) && typeof p === 'object' && !Array.isArray(p));
    return parts.length ? Object.assign({}, ...parts) : '';
  }
  return '';
}

/** The prepared texts the front sheet and running header add to the front matter (see front-sheet.ts). */
const PREPARED = { meetingDate: '', wardsText: '', exemptText: '', keyDecisionText: '', purposeText: '', appendicesText: '' };

/** The fields of the email templates: what delivery/compose.ts fills them with. */
export const EMAIL_FIELDS = {
  recipientName: '', committee: '', meetingDateText: '', agendaItem: '', boardPack: false, month: '', title: '', attached: true,
  exempt: false, exemptWording: '', sizeText: '', files: [{ name: '', url: '' }],
};

const WORDS_FIELDS: Record<string, Record<string, string>> = {
  pageNumbers: { page: '', pages: '' },
  appendix: { letter: '' },
  figure: { n: '' },
  exemptAppendix: { letter: '' },
  forwardPlanRef: { ref: '' },
  agendaItemStamp: { item: '' },
  callInBy: { time: '', date: '' },
};

/** The data a template file's key is filled with ("appendixTitle" in report.yaml: an appendix). */
export function fieldsFor(file: TemplateYaml, key: string): unknown {
  switch (file) {
    case 'report.yaml':
      if (key === 'appendixTitle' || key === 'appendixListEntry') return skeleton(AppendixSchema);
      return { ...(skeleton(ReportFrontMatterSchema) as object), ...PREPARED };
    case 'front-sheet.yaml':
      return { ...(skeleton(ReportFrontMatterSchema) as object), ...PREPARED };
    case 'decision-record.yaml':
      return skeleton(DecisionFrontMatterSchema);
    case 'words.yaml':
      return WORDS_FIELDS[key] ?? {};
  }
}
