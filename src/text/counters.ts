/**
 * List counters as Word prints them, for every number both writers show (the report's recommendations, a
 * council template's heading numbers): the DOCX leaves the counting to Word, so the PDF counts the same way.
 */
export type CounterFormat = 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman';

export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** Word's letters repeat past z: aa, bb... (not a spreadsheet's aa, ab). */
export function wordLetters(n: number): string {
  if (n < 1) return '';
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

export function counterText(n: number, format: CounterFormat): string {
  switch (format) {
    case 'decimal': return String(n);
    case 'lowerLetter': return wordLetters(n);
    case 'upperLetter': return wordLetters(n).toUpperCase();
    case 'lowerRoman': return romanNumeral(n);
    case 'upperRoman': return romanNumeral(n).toUpperCase();
  }
}
