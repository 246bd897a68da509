/** A meeting file: the committee, when and where, and the agenda items in order. */
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { readBoundedText } from '../io/safe-read';
import { validateYaml } from '../diagnostics/yaml-schema';
import { lineOfYamlKey, withoutInvalidCharacters } from './front-matter';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd');

export const AgendaItemSchema = z.union([
  /** A report (with its appendices) built from a report source, path relative to the meeting file. */
  z.strictObject({ report: z.string().min(1) }),
  /** A short item printed on the agenda itself: apologies, minutes, declarations. */
  z.strictObject({ title: z.string().min(1), text: z.string().default('') }),
], { error: 'expected { report: path/to/report.md } or { title: …, text: … }' });
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingSchema = z.strictObject({
  council: z.string().optional(),
  committee: z.string().min(1),
  date: IsoDate,
  time: z.string().regex(/^\d{2}:\d{2}$/, 'expected a time as HH:MM'),
  venue: z.string().default('To be confirmed'),
  /** When the agenda is (to be) published; checked against the statutory deadline. */
  agendaPublished: IsoDate.optional(),
  items: z.array(AgendaItemSchema).min(1),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export interface MeetingSource {
  file: string;
  text: string;
  meeting?: Meeting;
  diagnostics: Diagnostic[];
}

export function readMeeting(file: string, shown = file): MeetingSource {
  // Bounded: a meeting file named as /dev/zero or a FIFO is refused, not read for ever.
  const text = readBoundedText(file, { shown, kind: 'text' });
  const r = validateYaml(text, MeetingSchema, { file: shown, codes: { yaml: 'meeting-yaml', invalid: 'meeting-invalid', unknownKey: 'meeting-unknown-key' } });
  if (!r.data) return { file: shown, text, diagnostics: r.diagnostics };
  // Control characters pasted into an item's title would reach the agenda, the packs' bookmarks and metadata.
  const { data: meeting, diagnostics } = withoutInvalidCharacters(r.data, 'meeting field', shown, (path) => lineOfYamlKey(text, path));
  return { file: shown, text, meeting, diagnostics };
}
