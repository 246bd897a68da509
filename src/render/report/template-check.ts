/**
 * Checks an author's body template before it runs, so every problem is reported at once, at its real line,
 * saying what was expected: a field that does not exist ("plan.titel": did you mean plan.title?), a helper
 * that does not exist, or text handlebars cannot read (an unclosed {{#if}}, a stray "}}").
 */
import Handlebars from 'handlebars';
import { nearestWord } from '../../text/edit-distance';

export interface TemplateProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

type Node = { type: string; loc?: { start: { line: number } } } & Record<string, unknown>;
interface PathNode extends Node {
  original: string;
  parts: string[];
  data: boolean;
  depth?: number;
}

const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
/** Blocks whose body is read against something other than the report's data: their fields are not checked. */
const CHANGES_CONTEXT = new Set(['each', 'with']);

const keysOf = (v: unknown): string[] => (v && typeof v === 'object' ? Object.keys(v) : []);

function describeKnown(path: string[], at: unknown): string {
  const keys = keysOf(at).filter((k) => !k.startsWith('_'));
  const prefix = path.length ? `${path.join('.')}.` : '';
  if (!keys.length) return path.length ? `"${path.join('.')}" has no fields` : 'no fields can be printed here';
  const shown = keys.slice(0, 8).map((k) => prefix + k);
  return `expected one of ${shown.join(', ')}${keys.length > 8 ? ', …' : ''}`;
}

/** Where a field path stops resolving in the data, with the "did you mean". */
function fieldProblem(path: PathNode, data: unknown): string | undefined {
  if (path.data || path.depth || path.original === 'this' || path.original.startsWith('this.')) return undefined;
  let at: unknown = data;
  for (let i = 0; i < path.parts.length; i++) {
    const part = path.parts[i]!;
    if (at && typeof at === 'object' && Object.prototype.hasOwnProperty.call(at, part)) {
      at = (at as Record<string, unknown>)[part];
      continue;
    }
    if (Array.isArray(at) && part === 'length') return undefined;
    const done = path.parts.slice(0, i);
    const near = nearestWord(part, keysOf(at));
    const field = path.parts.join('.');
    return `unknown field "${field}": ${near ? `did you mean "${[...done, near].join('.')}"? ` : ''}${describeKnown(done, at)}`;
  }
  return undefined;
}

/** Handlebars' parse error ("Parse error on line 3: ... Expecting 'CLOSE', got 'EOF'") in the author's terms. */
function parseProblem(e: unknown, body: string): TemplateProblem {
  const text = e instanceof Error ? e.message : String(e);
  const line = Number(/line (\d+)/.exec(text)?.[1] ?? 1);
  const got = /got '([^']+)'/.exec(text)?.[1];
  const closeTag = /(\w+) doesn't match (\w+)/.exec(text);
  let message: string;
  if (closeTag) message = `{{/${closeTag[2]}}} closes a block that was opened as {{#${closeTag[1]}}}: expected {{/${closeTag[1]}}}`;
  else if (got === 'EOF') {
    // Handlebars reports the end of the text; the author needs the line where the block was opened.
    const open: { name: string; line: number }[] = [];
    body.split('\n').forEach((text, i) => {
      for (const m of text.matchAll(/\{\{\s*([#/])\s*([\w-]+)/g)) {
        if (m[1] === '#') open.push({ name: m[2]!, line: i + 1 });
        else if (open[open.length - 1]?.name === m[2]) open.pop();
      }
    });
    const unclosed = open[open.length - 1];
    if (unclosed) return { line: unclosed.line, message: `{{#${unclosed.name}}} is never closed: expected {{/${unclosed.name}}} before the end of the text` };
    message = 'a {{ field is never closed: expected "}}" before the end of the text';
  }
  else message = `handlebars cannot read this${got ? `: found ${got.toLowerCase().replace(/_/g, ' ')}` : ''}; write a field as {{plan.title}} and a helper as {{status-summary}}, or put literal braces in a cell, not in the report text`;
  return { line, message };
}

export function checkTemplate(body: string, data: unknown, helpers: readonly string[]): TemplateProblem[] {
  let ast: Node;
  try {
    ast = Handlebars.parse(body) as unknown as Node;
  } catch (e) {
    return [parseProblem(e, body)];
  }
  const known = new Set([...BUILT_IN, ...helpers]);
  const problems: TemplateProblem[] = [];
  const visit = (node: Node | undefined, checked: boolean) => {
    if (!node) return;
    const line = node.loc?.start.line ?? 1;
    if (node.type === 'Program') for (const s of node.body as Node[]) visit(s, checked);
    else if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const path = node.path as PathNode;
      const params = (node.params as Node[] | undefined) ?? [];
      const isCall = params.length > 0 || node.type !== 'MustacheStatement' || Boolean((node.hash as { pairs?: unknown[] } | undefined)?.pairs?.length);
      if (path.type === 'PathExpression') {
        if (known.has(path.original)) {
          // a helper: its arguments may be fields
        } else if (isCall) {
          const near = nearestWord(path.original, [...known]);
          problems.push({ line, message: `unknown helper "${path.original}": ${near ? `did you mean "${near}"? ` : ''}expected one of ${[...helpers, ...BUILT_IN].join(', ')}` });
        } else if (checked) {
          const p = fieldProblem(path, data);
          const helper = path.parts.length === 1 ? nearestWord(path.original, helpers) : undefined;
          if (p && helper) problems.push({ line, message: `unknown helper or field "${path.original}": did you mean "${helper}"?` });
          else if (p) problems.push({ line, message: p });
        }
      }
      for (const param of params) if (param.type === 'PathExpression' && checked) {
        const p = fieldProblem(param as PathNode, data);
        if (p) problems.push({ line: param.loc?.start.line ?? line, message: p });
      } else visit(param, checked);
      const inner = checked && !CHANGES_CONTEXT.has(path.original);
      visit(node.program as Node | undefined, inner);
      visit(node.inverse as Node | undefined, inner);
    }
  };
  visit(ast, true);
  return problems;
}
