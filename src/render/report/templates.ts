import * as fs from 'node:fs';
import * as path from 'node:path';
import type { z } from 'zod';
import { UnreadableInputError } from '../../diagnostics/diagnostic';
import { validateYaml } from '../../diagnostics/yaml-schema';
import { BUILTIN_TEMPLATES, readTemplateFile } from './template-read';
import { checkTemplatesFolder } from './template-files';
import { DECISION_KEYS, PURPOSE_KEYS, TEMPLATE_SCHEMAS, WORDING_KEYS, WORDS_KEYS, type Language, type Strings, type Templates, type TemplateYaml, type Text, type Words } from './template-schemas';

export { EMAIL_TEMPLATES, LANGUAGES, languageOf, TEMPLATE_SCHEMAS, type DecisionLabels, type Language, type Templates, type TemplateYaml, type Wording, type Words } from './template-schemas';

export { BUILTIN_TEMPLATES } from './template-read';

type Raw<F extends TemplateYaml> = z.infer<(typeof TEMPLATE_SCHEMAS)[F]>;

/** A template file as data, or an error naming every problem in it (the CLI reports them one per line first). */
export function readTemplateYaml<F extends TemplateYaml>(file: string, name: F): Raw<F> {
  const r = validateYaml(readTemplateFile(file), TEMPLATE_SCHEMAS[name], { file, codes: { yaml: 'template-yaml', invalid: 'template-invalid', unknownKey: 'template-unknown-key' } });
  if (r.data === undefined) throw new UnreadableInputError(file, r.diagnostics.map((d) => `${d.line ? `line ${d.line}: ` : ''}${d.message}`).join('; '));
  return r.data as Raw<F>;
}

const pick = (t: Text | undefined, lang: Language): string | undefined => (t === undefined ? undefined : typeof t === 'string' ? t : (t[lang] ?? undefined));
/** The council's text in this language, else ours, else the council's English, else ours in English. */
function resolve(own: Text | undefined, ours: Text | undefined, lang: Language, key: string, file: string): string {
  const found = pick(own, lang) ?? pick(ours, lang) ?? pick(own, 'en') ?? pick(ours, 'en');
  if (found === undefined) throw new UnreadableInputError(file, `no text for "${key}"`);
  return found;
}

type Given<K extends string> = { [P in K]?: Text | undefined };
function merged<K extends string>(keys: readonly K[], own: Given<K> | undefined, ours: Given<K>, lang: Language, file: string): Strings<K> {
  return Object.fromEntries(keys.map((k) => [k, resolve(own?.[k], ours[k], lang, k, file)])) as Strings<K>;
}

let english: Words | undefined;
/** Our English words, for papers that have no language of their own (board packs). */
export function englishWords(): Words {
  return (english ??= loadTemplates(undefined, 'en').words);
}

/** A council's folder holds only the files, and in them only the keys, it changes: everything else is ours. */
export function loadTemplates(councilDir?: string, language: Language = 'en'): Templates {
  if (councilDir !== undefined) {
    // The CLI checks the folder first and prints each problem on its own line; callers of the library get them here.
    const problems = checkTemplatesFolder(councilDir, process.cwd()).filter((d) => d.severity === 'error');
    if (problems.length) throw new UnreadableInputError(councilDir, problems.map((d) => `${d.file ?? ''}${d.line ? `:${d.line}` : ''}: ${d.message}`).join('; '));
  }
  const ours = <F extends TemplateYaml>(name: F) => readTemplateYaml(path.join(BUILTIN_TEMPLATES, name), name);
  const own = <F extends TemplateYaml>(name: F): Raw<F> | undefined => {
    const file = councilDir && path.join(councilDir, name);
    return file && fs.existsSync(file) ? readTemplateYaml(file, name) : undefined;
  };
  const at = (name: string) => path.join(councilDir ?? BUILTIN_TEMPLATES, name);
  const report = { own: own('report.yaml'), ours: ours('report.yaml') };
  const rows = own('front-sheet.yaml') ?? ours('front-sheet.yaml');
  return {
    language,
    frontSheet: rows.map((r, i) => ({ label: resolve(r.label, undefined, language, `row ${i + 1} label`, at('front-sheet.yaml')), value: resolve(r.value, undefined, language, `row ${i + 1} value`, at('front-sheet.yaml')) })),
    wording: {
      ...merged(WORDING_KEYS, report.own, report.ours, language, at('report.yaml')),
      purpose: merged(PURPOSE_KEYS, report.own?.purpose, report.ours.purpose ?? {}, language, at('report.yaml')),
    },
    words: merged(WORDS_KEYS, own('words.yaml'), ours('words.yaml'), language, at('words.yaml')),
    decision: merged(DECISION_KEYS, own('decision-record.yaml'), ours('decision-record.yaml'), language, at('decision-record.yaml')),
  };
}
