import { parseArgs } from 'node:util';
import { UsageError } from './command';
import { outputFolderProblem } from '../io/atomic-write';
import { nearestWord } from '../text/edit-distance';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
}
type Options = Record<string, OptionSpec>;
type ValueOf<S extends OptionSpec> = S['type'] extends 'string'
  ? S['multiple'] extends true
    ? string[]
    : string
  : S['multiple'] extends true
    ? boolean[]
    : boolean;

export interface ParsedArgs<O extends Options> {
  values: { [K in keyof O]?: ValueOf<O[K]> } & { help?: boolean; debug?: boolean };
  positionals: string[];
}

/** node:util parseArgs with our conventions: unknown flags are usage errors, --help and --debug always accepted. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O): ParsedArgs<O> {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } };
  checkFlags(argv, all);
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true, strict: true }) as ParsedArgs<O>;
  } catch (e) {
    // Anything checkFlags did not foresee: the parser's sentence, without its error class.
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  checkOut((parsed.values as Record<string, unknown>).out);
  return parsed;
}

/** Every command's --out is a folder it can write in: said before any work, not after the build. */
function checkOut(out: unknown): void {
  if (typeof out !== 'string') return;
  const problem = outputFolderProblem(out);
  if (problem) throw new UsageError(`--out ${out} ${problem}`);
}

/**
 * Every flag named is one the command knows, with a value when it takes one, before the parser sees
 * them: its own messages advise `--` and quoting, which is not what someone who mistyped --format needs.
 */
function checkFlags(argv: string[], options: Options): void {
  const longs = Object.keys(options);
  const shorts = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const [flag, inline] = long ? splitInline(arg.slice(2)) : [shorts.get(arg.slice(1, 2)) ?? '', arg.length > 2 ? arg.slice(2) : undefined];
    const spec = options[flag];
    if (!spec) {
      const typed = long ? splitInline(arg.slice(2))[0] : arg.slice(1);
      const near = nearestWord(typed, longs);
      throw new UsageError(`unknown option ${long ? '--' : '-'}${typed}${near ? `: did you mean --${near}?` : ''}`);
    }
    if (spec.type === 'boolean' && inline !== undefined) throw new UsageError(`--${flag} is a switch and takes no value, found "${inline}"`);
    if (spec.type === 'string' && inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${flag} needs a value (--${flag} VALUE)`);
      i++;
    }
  }
}

/** "format=pdf" -> ["format", "pdf"]; "format" -> ["format", undefined]. */
function splitInline(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}
