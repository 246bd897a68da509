/**
 * Problems are data, not exceptions (after unified/vfile-message): every stage collects Diagnostics and
 * one reporter (src/diagnostics/reporter.ts) formats them. Codes are stable kebab-case names users and tests rely on.
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const DiagnosticSchema = z.object({
  severity: SeveritySchema,
  code: z.string(),
  message: z.string(),
  /** Path of the input as the user named it. */
  file: z.string().optional(),
  /** Workbook sheet name, for spreadsheet input. */
  sheet: z.string().optional(),
  /** A1 cell address (or range) within `sheet`. */
  cell: z.string().optional(),
  /** 1-based line, for text input (Markdown, YAML). */
  line: z.number().int().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export interface Place {
  file?: string | undefined;
  sheet?: string | undefined;
  cell?: string | undefined;
  line?: number | undefined;
}

export function diagnostic(severity: Severity, code: string, message: string, place: Place = {}): Diagnostic {
  const d: Diagnostic = { severity, code, message };
  if (place.file !== undefined) d.file = place.file;
  if (place.sheet !== undefined) d.sheet = place.sheet;
  if (place.cell !== undefined) d.cell = place.cell;
  if (place.line !== undefined) d.line = place.line;
  return d;
}

export const error = (code: string, message: string, place?: Place) => diagnostic('error', code, message, place);
export const warning = (code: string, message: string, place?: Place) => diagnostic('warning', code, message, place);

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Thrown only for input that cannot be read at all (exit code 2); data problems are Diagnostics instead. */
export class UnreadableInputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableInputError';
  }
}
