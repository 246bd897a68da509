import type { CommandIO } from './command';
import { UsageError } from './command';
import { formatDiagnostic } from '../diagnostics/reporter';
import { loadConfig } from '../config/load';
import type { Config } from '../config/schema';
import { readPolicyOf } from '../config/read-policy';
import { setProcessReadPolicy } from '../io/read-policy';
import type { Format } from '../pipeline/render-document';

/** The options every command that writes papers (build, agenda) takes, parsed and explained alike. */
export const PAPER_OPTIONS = {
  out: { type: 'string' }, format: { type: 'string' }, templates: { type: 'string' }, config: { type: 'string' }, 'word-template': { type: 'string' },
} as const;

export const PAPER_OPTIONS_HELP = `  --out DIR          output folder (default output)
  --format LIST      docx,pdf (default both)
  --templates DIR    a council's own templates folder: files and keys it lacks come from ours;
                     checked first, every problem listed (exit 2)
  --config FILE      settings file (default data/cabinet.config.yaml if present)
  --word-template FILE  a council's Word template (.dotx or .docx), instead of render.wordTemplate`;

/** --format docx,pdf (default both). */
export function parseFormats(value: string | undefined): Format[] {
  if (!value) return ['pdf', 'docx'];
  const list = value.split(',').map((f) => f.trim().toLowerCase());
  const bad = list.find((f) => f !== 'pdf' && f !== 'docx');
  if (bad) throw new UsageError(`--format takes docx and/or pdf, found "${bad}"`);
  return list as Format[];
}

/** The settings for a command, or undefined after printing every problem in the file (the command exits 2). */
export function settingsOrReport(explicit: string | undefined, io: CommandIO): Config | undefined {
  const loaded = loadConfig(explicit, io.cwd);
  // From here on every file the command reads is held to the settings' limits and read roots.
  if (!loaded.diagnostics.length) {
    setProcessReadPolicy(readPolicyOf(loaded.config, io.cwd));
    return loaded.config;
  }
  for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  const n = loaded.diagnostics.length;
  io.stderr(`${n} problem${n === 1 ? '' : 's'} in the settings file ${loaded.file ?? ''}: nothing was done (exit 2)\n`);
  return undefined;
}

/**
 * A council's --templates folder, checked before anything is built: true when it is usable, else false after
 * printing every problem in it with its file and line (the command exits 2, as for the settings file).
 */
export function templatesOrReport(dir: string | undefined, io: CommandIO): boolean {
  if (dir === undefined) return true;
  // Loaded only when a folder is named: the check reads handlebars, which --help and dates never need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkTemplatesFolder } = require('../render/report/template-files') as typeof import('../render/report/template-files');
  const problems = checkTemplatesFolder(dir, io.cwd);
  if (!problems.length) return true;
  for (const d of problems) io.stderr(formatDiagnostic(d) + '\n');
  const n = problems.length;
  io.stderr(`${n} problem${n === 1 ? '' : 's'} in the templates folder ${dir}: nothing was built (exit 2)\n`);
  return false;
}
