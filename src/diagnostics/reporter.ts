import type { Diagnostic } from './diagnostic';

/** `plan.xlsx: Actions!E41: error[unknown-status]: "Purple" is not in this plan's legend (…)` */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, placeInFile(d)].filter(Boolean).join(': ');
  return `${place ? place + ': ' : ''}${d.severity}[${d.code}]: ${d.message}`;
}

function placeInFile(d: Diagnostic): string | undefined {
  if (d.sheet && d.cell) return `${d.sheet}!${d.cell}`;
  if (d.sheet) return d.sheet;
  if (d.line !== undefined) return `line ${d.line}`;
  return undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning in 3 files` */
export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}
