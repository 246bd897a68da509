import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigSchema, type Config } from './schema';
import { type Diagnostic, UnreadableInputError } from '../diagnostics/diagnostic';
import { validateYaml } from '../diagnostics/yaml-schema';
import { readBoundedText } from '../io/safe-read';

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

/** Settings are a few kilobytes; a larger file is a wrong path, not a settings file. */
const SETTINGS_MAX_BYTES = 1024 * 1024;

/**
 * Through the bounded reader like every input (a regular file only, never a device or FIFO, at most 1 MB),
 * but not confined to paths.readRoots: the settings are what name the roots.
 */
function readSettings(file: string, shown: string): string {
  try {
    return readBoundedText(file, { shown, confined: false, fixedLimit: { bytes: SETTINGS_MAX_BYTES, why: '(a settings file is a few kilobytes of YAML: is this the right file?)' } });
  } catch (e) {
    if (e instanceof UnreadableInputError && e.reason === 'file not found') throw new UnreadableInputError(shown, 'settings file not found');
    throw e;
  }
}

export function parseConfigText(text: string, file: string): LoadedConfig {
  const r = validateYaml(text, ConfigSchema, { file, codes: { yaml: 'config-yaml', invalid: 'config-invalid', unknownKey: 'config-unknown-key' } });
  // render.wordTemplate is relative to the settings file: kept relative to where cabinet runs, for messages.
  const template = r.data?.render.wordTemplate;
  if (r.data && template && !path.isAbsolute(template)) r.data.render.wordTemplate = path.join(path.dirname(file), template);
  return r.data ? { config: r.data, file, diagnostics: [] } : { config: defaultConfig(), file, diagnostics: r.diagnostics };
}
