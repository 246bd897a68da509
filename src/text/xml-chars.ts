/**
 * Text hygiene in one place: the characters XML 1.0 cannot carry (C0 controls other than tab, newline and
 * carriage return; U+FFFE and U+FFFF; surrogates without their other half). A workbook cell or a Markdown
 * line may hold them (pasted from other systems); a DOCX holding one is a file Word refuses to open, so
 * they are removed when the text is read and the caller warns with the cell or line.
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVALID_ALL = new RegExp(INVALID.source, 'g');

export interface CleanText {
  text: string;
  /** The removed characters as code points ("U+0007"), in order; empty when the text was clean. */
  removed: string[];
}

export function removeXmlInvalid(text: string): CleanText {
  // Almost every string is clean: test once, allocate nothing.
  if (!INVALID.test(text)) return { text, removed: [] };
  const removed: string[] = [];
  const cleaned = text.replace(INVALID_ALL, (ch) => {
    removed.push(`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return '';
  });
  return { text: cleaned, removed };
}

/** "3 characters XML cannot hold (U+0007, U+0007, U+FFFE) were removed" — the words every warning uses. */
export function describeRemoved(removed: readonly string[]): string {
  const shown = removed.length > 5 ? [...removed.slice(0, 5), '…'] : removed;
  return `${removed.length} character${removed.length === 1 ? '' : 's'} a document cannot hold (${shown.join(', ')}) removed`;
}
