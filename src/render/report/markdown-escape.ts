/**
 * Data that reaches the Markdown stage (a cell's text, a title from front matter) must print literally:
 * every ASCII punctuation character is backslash-escaped, which CommonMark turns back into the character.
 * So `**x**`, `<b>x</b>`, `[x](javascript:…)` and `{{x}}` from a spreadsheet stay text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

/** Deep copy of template data with every string escaped for Markdown. */
export function escapeData(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeData);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeData(v)]));
  return value;
}
