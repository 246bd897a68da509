import type { CommandIO } from './command';
import { UsageError } from './command';
import { formatDiagnostic } from '../diagnostics/reporter';
import { loadConfig } from '../config/load';
import type { Config } from '../config/schema';
import type { Format } from '../pipeline/render-document';

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
  if (!loaded.diagnostics.length) return loaded.config;
  for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  const n = loaded.diagnostics.length;
  io.stderr(`${n} problem${n === 1 ? '' : 's'} in the settings file ${loaded.file ?? ''}: nothing was done (exit 2)\n`);
  return undefined;
}
