import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic';

/** File names the readers accept. */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|ods|csv)$/i;

/**
 * Files in a plan folder that are not plans, whatever their extension: Excel's owner file `~$plan.xlsx`
 * (there whenever someone has the workbook open on a shared drive), LibreOffice's `.~lock.plan.xlsx#`,
 * Windows' Thumbs.db and desktop.ini, and dot-files (macOS's `._plan.xlsx`, `.DS_Store`).
 */
export function notAPlan(name: string): string | undefined {
  if (name.startsWith('~$')) return 'an Excel lock file (the workbook is open in Excel somewhere)';
  if (/^\.~lock\..*#$/.test(name)) return 'a LibreOffice lock file (the workbook is open in LibreOffice somewhere)';
  if (/^(thumbs\.db|desktop\.ini)$/i.test(name)) return 'a Windows folder file';
  if (name.startsWith('.')) return 'a hidden file';
  return undefined;
}

/**
 * Workbooks directly in a folder, sorted. Lock files and system files are skipped; when `skipped` is
 * given, each gets an info line there saying why, so a file the reader did not open is never a mystery.
 */
export function workbooksIn(dir: string, skipped?: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const reason = notAPlan(name);
    if (reason) {
      skipped?.push(diagnostic('info', 'not-a-plan-skipped', `skipped ${name}: ${reason}, not a plan`, { file: path.join(dir, name) }));
      continue;
    }
    if (WORKBOOK_FILE.test(name)) out.push(path.join(dir, name));
  }
  return out;
}
