/**
 * A council's templates folder, checked as reports are: every problem at once, each with its file and line.
 * A folder that is not there, a file we do not read (front_sheet.yaml), a key we do not know (runingHeader),
 * a field no paper has ({{committe}}) or handlebars that cannot be read: each would otherwise print our
 * wording, or a blank, with exit 0.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { error, type Diagnostic, UnreadableInputError } from '../../diagnostics/diagnostic';
import { validateYaml } from '../../diagnostics/yaml-schema';
import { nearestWord } from '../../text/edit-distance';
import { checkTemplate } from './template-check';
import { EMAIL_FIELDS, fieldsFor } from './template-fields';
import { readTemplateFile } from './template-read';
import { hasPageFields } from './page-words';
import { EMAIL_TEMPLATES, TEMPLATE_SCHEMAS, type TemplateYaml } from './template-schemas';

const YAML_FILES = Object.keys(TEMPLATE_SCHEMAS) as TemplateYaml[];
const TEMPLATE_LIKE = /\.(ya?ml|hbs|handlebars)$/i;

const lineAt = (text: string, offset: number | undefined) => (offset === undefined ? undefined : text.slice(0, offset).split('\n').length);

/** Every string value in the YAML with the key it belongs to and the line it starts on. */
function strings(node: unknown, text: string, key: string, out: { key: string; value: string; line: number | undefined }[]): void {
  if (isMap(node))
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // A language map belongs to the key above it ({ en: …, cy: … }).
      strings(pair.value, text, k === 'en' || k === 'cy' ? key : key ? `${key}.${k}` : k, out);
    }
  else if (isSeq(node)) for (const item of node.items) strings(item, text, key, out);
  else if (isScalar(node) && typeof node.value === 'string') out.push({ key, value: node.value, line: lineAt(text, (node as Node).range?.[0]) });
}

/** Handlebars problems in one template text, at the file's lines. */
function fieldProblems(template: string, data: unknown, file: string, firstLine: number): Diagnostic[] {
  return checkTemplate(template, data, []).map((p) => error('template-field-unknown', p.message, { file, line: firstLine + p.line - 1 }));
}

function checkYaml(dir: string, shownDir: string, name: TemplateYaml): Diagnostic[] {
  const shown = path.join(shownDir, name);
  const text = readTemplateFile(path.join(dir, name), shown);
  const r = validateYaml(text, TEMPLATE_SCHEMAS[name], { file: shown, codes: { yaml: 'template-yaml', invalid: 'template-invalid', unknownKey: 'template-unknown-key' } });
  const out = [...r.diagnostics];
  if (r.doc && !r.diagnostics.some((d) => d.code === 'template-yaml')) {
    const found: { key: string; value: string; line: number | undefined }[] = [];
    strings(r.doc.contents, text, '', found);
    // front-sheet.yaml: each row's value is filled with the front sheet's data; its label is printed as written.
    for (const s of found) if (name !== 'front-sheet.yaml' || s.key === 'value') out.push(...fieldProblems(s.value, fieldsFor(name, s.key.split('.')[0]!), shown, s.line ?? 1));
    for (const s of found)
      if (name === 'words.yaml' && s.key === 'pageNumbers' && !hasPageFields(s.value))
        out.push(error('template-invalid', `pageNumbers must hold {{page}} and then {{pages}} (as "Page {{page}} of {{pages}}"), found "${s.value}"`, { file: shown, line: s.line }));
  }
  return out;
}

const ALL_TEMPLATES = [...YAML_FILES, ...EMAIL_TEMPLATES.map((e) => `email/${e}`)].join(', ');

function unknownFiles(shownDir: string, entries: string[], known: readonly string[]): Diagnostic[] {
  return entries
    .filter((e) => TEMPLATE_LIKE.test(e) && !known.includes(e))
    .map((e) => {
      const near = nearestWord(e, known);
      return error('template-file-unknown', `${e} is not a template we read, so it changes nothing: ${near ? `did you mean ${near}? ` : ''}the templates are ${ALL_TEMPLATES}`, { file: path.join(shownDir, e) });
    });
}

/** Diagnostics for a council's templates folder (`shown` as the user typed it); none when all is well. */
export function checkTemplatesFolder(shownDir: string, cwd: string): Diagnostic[] {
  const dir = path.resolve(cwd, shownDir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return [error('templates-folder-missing', `the templates folder ${shownDir} does not exist: give the folder that holds your report.yaml, front-sheet.yaml, words.yaml, decision-record.yaml or email/ (relative to ${cwd})`, { file: shownDir })];
  }
  if (!stat.isDirectory()) return [error('templates-folder-missing', `--templates ${shownDir} is a file: give the folder that holds your template files`, { file: shownDir })];
  const out: Diagnostic[] = [];
  const guard = (fn: () => Diagnostic[]) => {
    try {
      out.push(...fn());
    } catch (e) {
      if (!(e instanceof UnreadableInputError)) throw e;
      out.push(error('template-unreadable', e.reason, { file: e.file }));
    }
  };
  const entries = fs.readdirSync(dir);
  out.push(...unknownFiles(shownDir, entries, [...YAML_FILES, 'email']));
  for (const name of YAML_FILES) if (entries.includes(name)) guard(() => checkYaml(dir, shownDir, name));
  const email = path.join(dir, 'email');
  if (entries.includes('email') && fs.statSync(email).isDirectory()) {
    const mails = fs.readdirSync(email);
    out.push(...unknownFiles(path.join(shownDir, 'email'), mails, EMAIL_TEMPLATES));
    for (const name of EMAIL_TEMPLATES)
      if (mails.includes(name)) guard(() => fieldProblems(readTemplateFile(path.join(email, name), path.join(shownDir, 'email', name)), EMAIL_FIELDS, path.join(shownDir, 'email', name), 1));
  }
  return out.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}
