/**
 * What each house template file may hold, and in which languages: the one description both the loader
 * (templates.ts) and the folder check (template-files.ts) read.
 */
import { z } from 'zod';

/** The languages a paper may be written in (front matter `language`), as the templates key their words. */
export type Language = 'en' | 'cy';
export const LANGUAGES: readonly Language[] = ['en', 'cy'];
/** "cy" for a Welsh paper (BCP 47 cy, cy-GB), else "en". */
export const languageOf = (bcp47: string | undefined): Language => (/^cy\b/i.test(bcp47 ?? '') ? 'cy' : 'en');

/** One text for every language, or one per language; a language left out falls back to ours, then to English. */
const Text = z.union([z.string(), z.strictObject({ en: z.string().optional(), cy: z.string().optional() })], {
  error: 'expected a text, or a text per language as { en: "…", cy: "…" }',
});
export type Text = z.infer<typeof Text>;

const shape = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, Text.optional()])) as Record<K, z.ZodOptional<typeof Text>>;

export const WORDING_KEYS = [
  'runningHeader', 'agendaItem', 'appendixTitle', 'appendixListEntry', 'exemptAppendixNote', 'separatelyPublishedNote', 'contentsTitle',
  'appendicesHeading', 'backgroundPapersHeading', 'noBackgroundPapers', 'noAppendices',
] as const;
export const PURPOSE_KEYS = ['decision', 'information', 'noting'] as const;
export const WORDS_KEYS = [
  'pageNumbers', 'appendix', 'figure', 'allWards', 'statusKey', 'notGiven', 'notRated', 'noRef', 'noUpdate', 'none', 'noneArising', 'notApplicable', 'yes', 'no',
  'forwardPlanRef', 'exempt', 'exemptAppendix', 'strategicLead', 'impactMeasures', 'kpis', 'qualityIndicators', 'interdependencies', 'allSections',
  'item', 'detail', 'ref', 'action', 'byWhen', 'lead', 'status', 'progress', 'meaning', 'section', 'total', 'measure', 'details',
  'decisionDetails', 'decisionRecord', 'callInBy', 'midnight', 'noon', 'agenda', 'agendaItemStamp', 'dateAndTime', 'venue', 'at', 'business', 'pages', 'noPapers', 'restrictedPack', 'partTwoAgenda', 'partTwo', 'exemptNotForPublication',
] as const;
export const DECISION_KEYS = [
  'heading', 'titleLabel', 'recordHeading', 'resolvedLeadIn', 'reasons', 'alternatives', 'conflicts', 'dispensations', 'keyDecision', 'wards',
  'leadOfficer', 'callIn', 'notSubjectToCallIn', 'implementFrom', 'published',
] as const;

/** What a council's file may hold: any of our keys, each on its own (the others come from ours). */
export const TEMPLATE_SCHEMAS = {
  'report.yaml': z.strictObject({ ...shape(WORDING_KEYS), purpose: z.strictObject(shape(PURPOSE_KEYS)).optional() }),
  'front-sheet.yaml': z.array(z.strictObject({ label: Text, value: Text }), { error: 'expected a list of rows, each { label: …, value: … }' }),
  'words.yaml': z.strictObject(shape(WORDS_KEYS)),
  'decision-record.yaml': z.strictObject(shape(DECISION_KEYS)),
} as const;
export type TemplateYaml = keyof typeof TEMPLATE_SCHEMAS;
export const EMAIL_TEMPLATES = ['subject.hbs', 'body.hbs'] as const;

export type Strings<K extends string> = Record<K, string>;
export type Wording = Strings<(typeof WORDING_KEYS)[number]> & { purpose: Strings<(typeof PURPOSE_KEYS)[number]> };
export type Words = Strings<(typeof WORDS_KEYS)[number]>;
export type DecisionLabels = Strings<(typeof DECISION_KEYS)[number]>;

export interface Templates {
  language: Language;
  frontSheet: { label: string; value: string }[];
  wording: Wording;
  /** Words every paper prints outside the author's text: table headers, "Page X of Y", "Not given". */
  words: Words;
  decision: DecisionLabels;
}
