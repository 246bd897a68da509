/**
 * YAML front matter over a Markdown body, validated by a zod schema, with every problem a diagnostic that
 * names the file and the line. Shared by reports, decision records and any later source kind.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { validateYaml } from '../diagnostics/yaml-schema';
import { readBoundedText } from '../io/safe-read';
import { DEFAULT_READ_LIMITS } from '../io/read-limits';

export interface Sourced<T> {
  file: string;
  front?: T;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

/** Bounded: only regular files, at most limits.maxFileMB (a report named as /dev/zero is refused, not read). */
export function readSourceFile(file: string): string {
  return readBoundedText(file, { maxBytes: DEFAULT_READ_LIMITS.maxFileBytes });
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
  if (!split) return { file, body: text, bodyLine: 1, diagnostics: [error('front-matter-missing', 'expected YAML front matter between --- lines at the top of the file', { file, line: 1 })] };
  const base = { file, body: split.body, bodyLine: split.bodyLine };
  // Line numbers count the opening --- line, so they are the file's own lines.
  const r = validateYaml(split.yaml, schema, {
    file,
    lineOffset: 1,
    codes: { yaml: 'front-matter-yaml', invalid: 'front-matter-invalid', unknownKey: 'front-matter-unknown-key', missing: 'front-matter-missing-field' },
    missingMessage: (key) => `missing front-sheet field "${key}"`,
  });
  return r.data !== undefined ? { ...base, front: r.data, diagnostics: [] } : { ...base, diagnostics: r.diagnostics };
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
