/**
 * One way to read any YAML the user writes (settings, front matter, meeting files) against its zod schema:
 * every problem at once, each a diagnostic with the file and the line of the key, in plain words.
 * Keys the schema does not know are errors naming the nearest known key ("did you mean render.font?"),
 * because a misspelt setting that is silently ignored is worse than one that stops the run.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { error, type Diagnostic, UnreadableInputError } from './diagnostic';
import { YAML_MAX_DEPTH, yamlDepth } from '../text/yaml-depth';
import { isMissing, issueMessage } from './zod-message';
import { editDistance } from '../text/edit-distance';

export interface YamlCodes {
  /** Broken YAML syntax. */
  yaml: string;
  /** A value of the wrong kind or form. */
  invalid: string;
  /** A key the schema does not know. */
  unknownKey: string;
  /** A required key that is absent (defaults to `invalid`). */
  missing?: string;
}

export interface YamlValidation<T> {
  data?: T;
  diagnostics: Diagnostic[];
  doc?: Document;
}

export interface YamlOptions {
  file: string;
  codes: YamlCodes;
  /** Lines before `text` in the file (1 for front matter, after its opening ---). */
  lineOffset?: number;
  /** Wording for a missing key; default "missing key "x"". */
  missingMessage?: (key: string) => string;
}

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  left?: AnySchema;
  right?: AnySchema;
  getter?: () => AnySchema;
}
const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips defaults, optionals and pipes down to the schema that says what shape a value has. */
function core(schema: AnySchema): AnySchema {
  let s = schema;
  for (let guard = 0; guard < 20; guard++) {
    const d = defOf(s);
    if (d.innerType && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = defOf(d.in).type === 'transform' && d.out ? d.out : d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else break;
  }
  return s;
}

/** What keys a map may have here: a shape, or undefined when any key is allowed (records, loose objects). */
function keysOf(schema: AnySchema): Record<string, AnySchema> | undefined | 'not-a-map' {
  const s = core(schema);
  const d = defOf(s);
  if (d.type === 'object' && d.shape) return d.catchall && defOf(d.catchall).type !== 'never' ? undefined : d.shape;
  if (d.type === 'record' || d.type === 'any' || d.type === 'unknown') return undefined;
  if (d.type === 'intersection' && d.left && d.right) {
    const l = keysOf(d.left);
    const r = keysOf(d.right);
    if (l === undefined || r === undefined) return undefined;
    return { ...(l === 'not-a-map' ? {} : l), ...(r === 'not-a-map' ? {} : r) };
  }
  if (d.type === 'union' && d.options) {
    const shapes = d.options.map(keysOf).filter((k) => k !== 'not-a-map');
    if (!shapes.length) return 'not-a-map';
    if (shapes.some((k) => k === undefined)) return undefined;
    // Earlier options win: they are the ones the author listed first.
    return Object.assign({}, ...[...shapes].reverse()) as Record<string, AnySchema>;
  }
  return 'not-a-map';
}

function elementOf(schema: AnySchema): AnySchema | undefined {
  const d = defOf(core(schema));
  if (d.type === 'array') return d.element;
  if (d.type === 'union' && d.options) return d.options.map(elementOf).find((e) => e !== undefined);
  return undefined;
}

function valueOfRecord(schema: AnySchema): AnySchema | undefined {
  const d = defOf(core(schema));
  return d.type === 'record' ? d.valueType : undefined;
}

function closeEnough(typed: string, known: string): number | undefined {
  const dist = editDistance(typed.toLowerCase(), known.toLowerCase());
  return dist <= Math.max(2, Math.floor(known.length / 3)) ? dist : undefined;
}

/** Every key path the schema knows ("render.font", "delivery.lists[].name"), for keys put at the wrong level. */
function allPaths(schema: AnySchema, prefix: string, out: string[], depth = 0): string[] {
  if (depth > 6) return out;
  const keys = keysOf(schema);
  if (keys && keys !== 'not-a-map')
    for (const [k, child] of Object.entries(keys)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.push(p);
      allPaths(child, p, out, depth + 1);
      const el = elementOf(child);
      if (el) allPaths(el, `${p}[]`, out, depth + 1);
    }
  return out;
}

function suggestion(typed: string, siblings: string[], prefix: string, root: AnySchema): string | undefined {
  const near = siblings
    .map((k) => ({ k, d: closeEnough(typed, k) }))
    .filter((x): x is { k: string; d: number } => x.d !== undefined)
    .sort((a, b) => a.d - b.d)[0];
  if (near) return prefix ? `${prefix}.${near.k}` : near.k;
  // The right word in the wrong place: `font:` at the top level means render.font.
  const elsewhere = allPaths(root, '', []).filter((p) => {
    const leaf = p.split('.').pop()!.replace(/\[\]$/, '');
    return leaf.toLowerCase() === typed.toLowerCase() || (typed.length > 4 && closeEnough(typed, leaf) === 1);
  });
  return elsewhere.length ? elsewhere.slice(0, 3).join(' or ') : undefined;
}

const show = (path: (string | number)[]) => path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');

/** Walks the YAML alongside the schema and reports every key the schema does not know. */
function unknownKeys(node: unknown, schema: AnySchema, root: AnySchema, path: (string | number)[], report: (offset: number | undefined, message: string) => void, depth = 0): void {
  if (depth > 64 || !node) return;
  if (isMap(node)) {
    const keys = keysOf(schema);
    const record = valueOfRecord(schema);
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (keys === 'not-a-map') return; // the value is of the wrong kind: zod says so
      if (keys === undefined) {
        if (record) unknownKeys(pair.value, record, root, [...path, key], report, depth + 1);
        continue;
      }
      const child = keys[key];
      if (child) {
        unknownKeys(pair.value, child, root, [...path, key], report, depth + 1);
        continue;
      }
      const near = suggestion(key, Object.keys(keys), show(path), root);
      const known = Object.keys(keys);
      report(
        keyNode?.range?.[0],
        `unknown key "${show([...path, key])}"${near ? `: did you mean ${near}?` : `; known keys here: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`}`,
      );
    }
  } else if (isSeq(node)) {
    const el = elementOf(schema);
    if (el) node.items.forEach((item, i) => unknownKeys(item, el, root, [...path, i], report, depth + 1));
  }
}

/** Offset of the deepest key of `path` that exists in the document (the key itself, so the line is the key's). */
function offsetOf(doc: Document, path: PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = doc.contents?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

/** Parses YAML text and validates it against `schema`: all problems at once, none thrown. */
export function validateYaml<S extends z.ZodType>(text: string, schema: S, o: YamlOptions): YamlValidation<z.infer<S>> {
  const lineOffset = o.lineOffset ?? 0;
  // Before parsing: the yaml library composes recursively, and "[[[[…" overflows the stack.
  const depth = yamlDepth(text);
  if (depth > YAML_MAX_DEPTH) throw new UnreadableInputError(o.file, `YAML nested ${depth} levels deep, over the limit of ${YAML_MAX_DEPTH} (no meeting file, front matter or settings file needs more than 5)`);
  const counter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter: counter, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line + lineOffset);
  const diagnostics: Diagnostic[] = doc.errors.map((e) =>
    error(o.codes.yaml, e.message.split('\n')[0] ?? e.message, { file: o.file, line: e.linePos?.[0]?.line !== undefined ? e.linePos[0].line + lineOffset : undefined }),
  );
  if (diagnostics.length) return { diagnostics, doc };
  unknownKeys(doc.contents, schema, schema, [], (offset, message) => diagnostics.push(error(o.codes.unknownKey, message, { file: o.file, line: lineAt(offset) })));
  const parsed = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') continue; // reported above, with the nearest known key
      const key = show(issue.path as (string | number)[]);
      const missing = isMissing(issue);
      const message = !missing
        ? `${key || '(top level)'}: ${issueMessage(issue)}`
        : o.missingMessage
          ? o.missingMessage(key)
          : `missing key "${key}" (${issueMessage(issue).replace(/, found nothing$/, '')})`;
      diagnostics.push(error(missing ? (o.codes.missing ?? o.codes.invalid) : o.codes.invalid, message, { file: o.file, line: lineAt(offsetOf(doc, issue.path)) }));
    }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return parsed.success && !diagnostics.length ? { data: parsed.data, diagnostics, doc } : { diagnostics, doc };
}
