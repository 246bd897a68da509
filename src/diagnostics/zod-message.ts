/**
 * Zod issues in words a council officer can act on: what was expected and what was found
 * ("wards: expected All or a list of ward names, found 3"), instead of zod's "Invalid input".
 * A schema may carry its own wording as a message starting with "expected …"; it is kept and the value found
 * is added. Every other issue is worded from its code.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** The value as the user wrote it, short enough for one line. */
export function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (typeof input === 'string') return input === '' ? 'empty text' : JSON.stringify(input.length > 60 ? input.slice(0, 57) + '…' : input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (input instanceof Date) return input.toISOString().slice(0, 10);
  if (Array.isArray(input)) return `a list of ${input.length} item${input.length === 1 ? '' : 's'}`;
  if (typeof input === 'object') {
    const keys = Object.keys(input);
    return keys.length ? `a group of keys (${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''})` : 'an empty group';
  }
  return typeof input;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of keys (key: value lines)',
  date: 'a date',
  literal: 'a fixed value',
};

const quote = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** What one issue expected, without the "found" part. */
function expectation(issue: Issue): string {
  if (/^expected /.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${quote(issue.values[0])}` : `expected one of ${issue.values.map(quote).join(', ')}`;
    case 'invalid_union': {
      const options = issue.errors.map((branch) => branch[0]).filter((i): i is Issue => i !== undefined && i.path.length === 0);
      const words = [...new Set(options.map((i) => expectation(i).replace(/^expected /, '')))];
      return words.length ? `expected ${words.join(' or ')}` : 'expected a different shape';
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'expected some text' : `expected at least ${issue.minimum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `expected at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      return `expected ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `expected at most ${issue.maximum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `expected at most ${issue.maximum} items`;
      return `expected ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'expected an email address';
      if (issue.format === 'regex') return `expected text of the form ${issue.pattern ?? ''}`.trim();
      return `expected ${issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** "expected …, found …" for an issue from a parse run with { reportInput: true }. */
export function issueMessage(issue: Issue): string {
  const expected = expectation(issue);
  if (issue.code === 'unrecognized_keys') return expected;
  const found = (issue as { input?: unknown }).input;
  if (issue.code === 'too_small' && Array.isArray(found)) return `${expected}, found ${found.length}`;
  return `${expected}, found ${describeFound(found)}`;
}

/** True when the issue says a required key is absent. */
export function isMissing(issue: Issue): boolean {
  return issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
}
