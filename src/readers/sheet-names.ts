import { UnreadableInputError } from '../diagnostics/diagnostic';

/**
 * Excel never saves two sheets of one name (names compare case-insensitively), but a hand-made file can,
 * and a parser then keeps one sheet under both names. Refuse rather than guess which one was meant.
 */
export function refuseDuplicateNames(names: string[], file: string): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLocaleLowerCase('en-GB');
    const first = seen.get(key);
    if (first !== undefined)
      throw new UnreadableInputError(file, `the workbook has two sheets named "${first}"${first === name ? '' : ` and "${name}"`} (Excel does not allow this); rename one and save again`);
    seen.set(key, name);
  }
}
