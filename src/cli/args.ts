import { parseArgs } from 'node:util';
import { UsageError } from './command';

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
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    return parsed;
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}
