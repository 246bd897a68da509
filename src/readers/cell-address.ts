/** A1 addresses without the spreadsheet library (the .xlsx path never loads it). */
const NAMES: string[] = [];

/** Column letters of a 0-based column: 0 -> "A", 27 -> "AB". */
export function columnName(c: number): string {
  let name = NAMES[c];
  if (name !== undefined) return name;
  name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  if (c < 20_000) NAMES[c] = name;
  return name;
}

/** "B14" for (13, 1). */
export function cellName(r: number, c: number): string {
  return columnName(c) + String(r + 1);
}

/** The 0-based column of a reference such as "AB12" (or "AB"); -1 when it has no letters. */
export function columnOfRef(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return i === 0 ? -1 : c - 1;
}

/** The 0-based row of a reference such as "AB12"; -1 when it has no digits. */
export function rowOfRef(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) - 1 : -1;
}

/** "A1:C3" as 0-based corners; undefined when not a range or a cell. */
export function rangeOf(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } | undefined {
  const [a, b = a] = ref.split(':');
  if (!a || !b) return undefined;
  const s = { r: rowOfRef(a), c: columnOfRef(a) };
  const e = { r: rowOfRef(b), c: columnOfRef(b) };
  if (s.r < 0 || s.c < 0 || e.r < 0 || e.c < 0) return undefined;
  return { s, e };
}
