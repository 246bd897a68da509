import type { LayoutSection, LayoutStyle, TableBlock } from './layout';
import { contentTwips } from './paginate/page-size';
import { fontSet, type FontSet } from './fonts/font-set';
import { paragraphFormats } from './paginate/formats';
import { fontBook } from './paginate/font-book';

/** Word's default cell margins (108 twips each side) plus a little for borders and rounding. */
const CELL_PADDING = 5.4 * 2 + 3;

/**
 * A word's width in bold at `size`, measured in the fonts the table is set in (each character in the face
 * that draws it, as pagination does), so a header word fits the column in the PDF and in Word alike.
 */
export function boldWordWidth(word: string, size: number, fonts: FontSet = fontSet()): number {
  let units = 0;
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    const face = fonts.faceFor(cp, 'bold') ?? fonts.faces('bold', 1)[0]!;
    units += fonts.advance(face, cp);
  }
  return (units / fonts.unitsPerEm) * size;
}

/** Word breaks lines at spaces and after hyphens only: "30/04/2024" and "RB3.1" are one word each. */
const words = (text: string) => text.split(/\s+|(?<=-)/).filter(Boolean);
/** Cell words (or whole short values) longer than this are prose ("recommendations"), left to wrap rather than widen a column. */
const SHORT_WORD = 12;

/**
 * Column widths in points that fill the usable width, keep the author's proportions where they can, and
 * give every column at least the width of its longest header word and of its longest short cell word,
 * so no header breaks inside a word ("Complet/e"), nor a short cell word such as a reference or a date
 * ("30/04/20/24"). Widths that must grow take from the columns that can spare it.
 */
export function fitColumns(table: TableBlock, available: number, fontSize: number, fonts: FontSet = fontSet()): number[] {
  const minimum = table.columns.map((c, i) => {
    // A short value ("11 (65%)", "Not started") is kept on one line whole; a longer one by its short words.
    const cellWords = table.rows.flatMap((r) => {
      const text = (r[i]?.runs ?? []).map((x) => x.text).join(' ').trim();
      return [...text].length <= SHORT_WORD && !text.includes('\n') ? [text] : words(text).filter((w) => [...w].length <= SHORT_WORD);
    });
    // Bold widths for every word: headers are bold, and bold is never narrower than regular.
    return Math.max(0, ...[...words(c.header), ...cellWords].map((w) => boldWordWidth(w, fontSize, fonts))) + CELL_PADDING;
  });
  const relative = table.columns.map((c) => c.width);
  const fixed = new Set<number>();
  let widths = relative.map(() => 0);
  // Pin each too-narrow column at its minimum and share the rest out again, until none is too narrow.
  for (let round = 0; round <= table.columns.length; round++) {
    const spare = available - [...fixed].reduce((s, i) => s + minimum[i]!, 0);
    const share = relative.reduce((s, w, i) => (fixed.has(i) ? s : s + w), 0);
    widths = relative.map((w, i) => (fixed.has(i) ? minimum[i]! : (w / share) * spare));
    const short = widths.map((w, i) => (!fixed.has(i) && w < minimum[i]! ? i : -1)).filter((i) => i >= 0);
    if (!short.length || spare <= 0) break;
    short.forEach((i) => fixed.add(i));
  }
  // More header than page: the least bad is each column in proportion to what it needs.
  if (widths.some((w) => !(w > 0))) {
    const need = minimum.reduce((a, b) => a + b, 0);
    widths = minimum.map((m) => (m / need) * available);
  }
  return widths.map((w) => Math.round(w * 10) / 10);
}

// A table block fitted once per style and width: a plan appendix printed in its report and as its own file
// is the same blocks in both (report/appendix-copies.ts), and both documents must hold the same fitted table.
const fitted = new WeakMap<TableBlock, { style: LayoutStyle; available: number; table: TableBlock }>();

/** Every table of a section fitted to that section's usable width (portrait or landscape, on the house page size). */
export function fitTables(sections: LayoutSection[], style: LayoutStyle): LayoutSection[] {
  const text = paragraphFormats(style).tableText;
  const fonts = fontBook(style).fontsFor(text);
  return sections.map((s) => {
    const available = contentTwips(style, s.orientation) / 20;
    const blocks = s.blocks.map((b) => {
      if (b.kind !== 'table') return b;
      const known = fitted.get(b);
      if (known && known.style === style && known.available === available) return known.table;
      const widths = fitColumns(b, available, text.size, fonts);
      const table = { ...b, columns: b.columns.map((c, i) => ({ ...c, width: widths[i]! })) };
      fitted.set(b, { style, available, table });
      return table;
    });
    return { ...s, blocks };
  });
}
