import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';

/**
 * Problems as a board member reads them: the workbook's name, the sheet and cell, and what is wrong, in
 * words. No rule codes (`error[unknown-status]`) and no server paths: a pack is read far from the server.
 */
export function plainProblem(d: Diagnostic): string {
  const where = d.sheet && d.cell ? `Sheet “${d.sheet}”, cell ${d.cell}: ` : d.sheet ? `Sheet “${d.sheet}”: ` : d.line !== undefined ? `Line ${d.line}: ` : '';
  // A file that could not be opened at all is said so first: the reason alone ("file not found") is terse.
  const what = d.code === 'unreadable' ? `The workbook could not be opened: ${withoutPaths(d.message)}` : withoutPaths(d.message);
  const sentence = where ? what : what.charAt(0).toUpperCase() + what.slice(1);
  return `${where}${sentence}${/[.!?:]$/.test(sentence) ? '' : '.'}`.replace(/:\.$/, '.');
}

/** "nope.xlsx", whatever folder it was read from. */
export const workbookName = (file: string) => path.basename(file);

/** Every absolute path in a message becomes its last part: "/srv/plans/2024-03/plan.xlsx" -> "plan.xlsx". */
export function withoutPaths(text: string): string {
  // A path starts a word: "31/03/2024" and "2023/24" are dates, not paths.
  return text.replace(/(^|[\s"'“(])((?:[A-Za-z]:)?(?:[\\/][^\s\\/"'“”(),;]+){2,})/g, (_, before: string, p: string) => before + path.basename(p.replace(/\\/g, '/')));
}

/** The cover's warning when plans were left out: what a member needs to know before reading the figures. */
export function incompleteNotice(left: number, included: number): string {
  // Only called with at least one plan in the pack, so there are always two or more in all.
  return `This pack is incomplete: ${left} of the ${left + included} plans for this month could not be included, so ${left === 1 ? 'its' : 'their'} figures are missing from every summary below. The “Data problems” section at the end names each workbook and what needs correcting.`;
}
