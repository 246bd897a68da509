/**
 * YAML front matter over a Markdown body, validated by a zod schema, with every problem a diagnostic that
 * names the file and the line. Shared by reports, decision records and any later source kind.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { validateYaml } from '../diagnostics/yaml-schema';
import { readBoundedText } from '../io/safe-read';
import { describeRemoved, removeXmlInvalid } from '../text/xml-chars';

export interface Sourced<T> {
  file: string;
  front?: T;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  diagnostics: Diagnostic[];
  /** The whole file as read, so later checks can find a key's line without reading it again. */
  text?: string;
}

/**
 * Bounded: only regular files inside paths.readRoots, at most limits.maxTextMB (a report named as /dev/zero
 * is refused, not read). `shown` is the path as the user would type it, for messages.
 */
export function readSourceFile(file: string, shown?: string): string {
  return readBoundedText(file, { kind: 'text', ...(shown !== undefined ? { shown } : {}) });
}

interface Split {
  yaml: string;
  body: string;
  bodyLine: number;
}

export function splitFrontMatter(text: string): Split | undefined {
  const m = text.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  return m ? { yaml: m[1]!, body: m[2]!, bodyLine: m[1]!.split('\n').length + 3 } : undefined;
}

/** The `type:` a source declares (report when absent), read before choosing a schema. */
export function sourceType(text: string): string {
  const split = splitFrontMatter(text);
  const m = split?.yaml.match(/^type:\s*["']?([a-z-]+)/m);
  return m?.[1] ?? 'report';
}

export function parseFrontMatter<S extends z.ZodType>(text: string, file: string, schema: S): Sourced<z.infer<S>> {
  const split = splitFrontMatter(text);
  if (!split) return { file, body: text, bodyLine: 1, text, diagnostics: [error('front-matter-missing', 'expected YAML front matter between --- lines at the top of the file', { file, line: 1 })] };
  const base = { file, body: split.body, bodyLine: split.bodyLine };
  // Line numbers count the opening --- line, so they are the file's own lines.
  const r = validateYaml(split.yaml, schema, {
    file,
    lineOffset: 1,
    codes: { yaml: 'front-matter-yaml', invalid: 'front-matter-invalid', unknownKey: 'front-matter-unknown-key', missing: 'front-matter-missing-field' },
    missingMessage: (key) => `missing front-sheet field "${key}"`,
  });
  if (r.data === undefined) return { ...base, text, diagnostics: r.diagnostics };
  const { data: front, diagnostics } = withoutInvalidCharacters(r.data as z.infer<S>, 'front-matter field', file, (path) => (r.doc ? lineOf(r.doc, split.yaml, path) : 1));
  return { ...base, text, front, diagnostics };
}

/**
 * Every string of parsed YAML (front matter, a meeting file) without the characters a document cannot hold,
 * and an `invalid-characters` warning naming each field that had them, at its line.
 */
export function withoutInvalidCharacters<T>(data: T, what: string, file: string, lineOfPath: (path: (string | number)[]) => number): { data: T; diagnostics: Diagnostic[] } {
  const found: Removed[] = [];
  const clean = cleanStrings(data, [], found) as T;
  const diagnostics = found.map((f) => warning('invalid-characters', `${describeRemoved(f.removed)} from the ${what} "${fieldName(f.path)}"`, { file, line: lineOfPath(f.path) }));
  return { data: clean, diagnostics };
}

interface Removed {
  path: (string | number)[];
  removed: string[];
}

/**
 * Control characters pasted into front matter (a title copied from another system) would reach the front
 * sheet, the running header and the PDF's metadata, where Word refuses the file: removed, each field named.
 */
function cleanStrings(value: unknown, at: (string | number)[], found: Removed[]): unknown {
  if (typeof value === 'string') {
    const clean = removeXmlInvalid(value);
    if (clean.removed.length) found.push({ path: at, removed: clean.removed });
    return clean.text;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanStrings(v, [...at, i], found));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, [...at, k], found)]));
  return value;
}

/** "author.name", "resolved (item 2)": the field as the author wrote it, items counted from 1. */
function fieldName(at: (string | number)[]): string {
  const keys = at.filter((p): p is string => typeof p === 'string').join('.');
  const items = at.filter((p): p is number => typeof p === 'number').map((i) => ` (item ${i + 1})`);
  return `${keys}${items.join('')}`;
}

/** Line (in the whole file, counting the opening ---) of the deepest key of `path` that exists. */
export function lineOf(doc: Document, yamlText: string, path: PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n).map((p) => (typeof p === 'number' ? p : String(p))), true) as { range?: number[] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return yamlText.slice(0, offset).split('\n').length + 1;
  }
  return isMap(doc.contents) ? 2 : 1;
}

/** The line of a front matter key in a source file, for checks that run after parsing. */
export function lineOfKey(text: string, path: PropertyKey[]): number | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  return lineOf(parseDocument(split.yaml), split.yaml, path);
}

/** The line of a key in a plain YAML file (a meeting file), for messages about what it names. */
export function lineOfYamlKey(yamlText: string, path: PropertyKey[]): number {
  // lineOf counts a front matter's opening --- line, which a plain YAML file does not have.
  return Math.max(1, lineOf(parseDocument(yamlText), yamlText, path) - 1);
}
