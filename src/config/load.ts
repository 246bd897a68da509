import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigSchema, type Config } from './schema';
import { type Diagnostic, UnreadableInputError } from '../diagnostics/diagnostic';
import { validateYaml } from '../diagnostics/yaml-schema';

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

/**
 * The one settings loader every command uses: --config FILE, else $CABINET_CONFIG, else the default places.
 * A file the user named (by flag or environment) that cannot be read is UnreadableInputError (exit 2);
 * problems inside it are diagnostics with the line, all of them at once, never exceptions.
 */
export function loadConfig(explicit?: string, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const named = explicit ?? env.CABINET_CONFIG;
  if (named) {
    const file = path.resolve(cwd, named);
    return parseConfigText(readSettings(file, explicit ? named : `${named} (from CABINET_CONFIG)`), path.relative(cwd, file) || file);
  }
  const file = DEFAULT_CONFIG_PATHS.map((p) => path.resolve(cwd, p)).find((p) => fs.existsSync(p));
  if (!file) return { config: defaultConfig(), diagnostics: [] };
  return parseConfigText(readSettings(file, path.relative(cwd, file)), path.relative(cwd, file) || file);
}

function readSettings(file: string, shown: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UnreadableInputError(shown, 'settings file not found');
  }
  if (!stat.isFile()) throw new UnreadableInputError(shown, 'the settings file is not a regular file (a folder or device?)');
  // Settings are a few kilobytes; a huge file is a wrong path, not a settings file.
  if (stat.size > 1024 * 1024) throw new UnreadableInputError(shown, `the settings file is ${Math.round(stat.size / 1024)} KB; expected a YAML file of at most 1 MB`);
  return fs.readFileSync(file, 'utf8');
}

export function parseConfigText(text: string, file: string): LoadedConfig {
  const r = validateYaml(text, ConfigSchema, { file, codes: { yaml: 'config-yaml', invalid: 'config-invalid', unknownKey: 'config-unknown-key' } });
  return r.data ? { config: r.data, file, diagnostics: [] } : { config: defaultConfig(), file, diagnostics: r.diagnostics };
}
