import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigSchema, type Config } from './schema';
import { error, type Diagnostic, UnreadableInputError } from '../diagnostics/diagnostic';

/** Where the settings file is looked for when no --config is given. */
export const DEFAULT_CONFIG_PATHS = ['cabinet.config.yaml', path.join('data', 'cabinet.config.yaml')];

export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}

export interface LoadedConfig {
  config: Config;
  /** The file actually read, or undefined when defaults were used. */
  file?: string;
  diagnostics: Diagnostic[];
}

/** Reads and validates the settings file; problems are diagnostics with the YAML line, never exceptions. */
export function loadConfig(explicit?: string, cwd = process.cwd()): LoadedConfig {
  const candidates = explicit ? [explicit] : (process.env.CABINET_CONFIG ? [process.env.CABINET_CONFIG] : DEFAULT_CONFIG_PATHS);
  const file = candidates.map((p) => path.resolve(cwd, p)).find((p) => fs.existsSync(p));
  if (!file) {
    if (explicit) throw new UnreadableInputError(explicit, 'config file not found');
    return { config: defaultConfig(), diagnostics: [] };
  }
  return parseConfigText(fs.readFileSync(file, 'utf8'), path.relative(cwd, file) || file);
}

export function parseConfigText(text: string, file: string): LoadedConfig {
  const doc = parseDocument(text, { prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((e) =>
    error('config-yaml', e.message.split('\n')[0] ?? e.message, { file, line: e.linePos?.[0]?.line }),
  );
  if (diagnostics.length) return { config: defaultConfig(), file, diagnostics };
  const parsed = ConfigSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { config: parsed.data, file, diagnostics };
  for (const issue of parsed.error.issues) {
    diagnostics.push(
      error('config-invalid', `${issue.path.join('.') || '(root)'}: ${issue.message}`, {
        file,
        line: lineOfPath(doc, issue.path),
      }),
    );
  }
  return { config: defaultConfig(), file, diagnostics };
}

function lineOfPath(doc: ReturnType<typeof parseDocument>, keyPath: PropertyKey[]): number | undefined {
  const node = doc.getIn(keyPath.map(String), true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  return doc.toString().slice(0, offset).split('\n').length;
}
