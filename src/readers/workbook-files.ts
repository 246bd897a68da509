import * as fs from 'node:fs';
import * as path from 'node:path';

/** File names the readers accept. */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|ods|csv)$/i;

/** Workbooks directly in a folder, sorted. */
export function workbooksIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => WORKBOOK_FILE.test(f)).sort().map((f) => path.join(dir, f));
}
