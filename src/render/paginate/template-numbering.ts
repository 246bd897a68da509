/**
 * Heading numbers from a council template's own numbering: when its Heading N styles carry a w:numPr that
 * prints a number ("1", "1.1", "A."), Word numbers every heading in those styles itself, so the PDF prints
 * the same numbers, counted as Word counts them, and the DOCX writes no number of its own on a heading.
 * The template's numbering wins over the report's section numbers (render.paragraphNumbering: section):
 * a numbered paragraph then takes the number of the heading it follows ("2.3" after a heading numbered "2").
 */
import type { Block, HeadingBlock, LayoutDocument, NumberingSequence, NumberRef, ParagraphBlock } from '../layout';
import type { TemplateLook, WordNumberingLevel } from '../../readers/word-template/types';
import { counterText, type CounterFormat } from '../../text/counters';

/** The sequence name of a heading numbered by the template's own list: the DOCX writes no w:numPr for it. */
export const TEMPLATE_HEADING_SEQUENCE = 'word-template-heading';

interface HeadingList {
  numId: string;
  level: number;
}

/** The list each heading level's style is in, through the template's styles (basedOn included). */
function headingLists(look: TemplateLook): Partial<Record<1 | 2 | 3 | 4, HeadingList>> {
  const out: Partial<Record<1 | 2 | 3 | 4, HeadingList>> = {};
  for (const level of [1, 2, 3, 4] as const) {
    const id = look.styles.builtIn[`Heading${level}`];
    const numbering = id ? look.styles.byId[id]?.para.numbering : undefined;
    if (numbering && look.numbering?.nums[numbering.numId]) out[level] = numbering;
  }
  return out;
}

const COUNTERS = new Set<string>(['lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman']);

/** One level's counter in its w:numFmt; a format we do not know is set as decimal, as LibreOffice does. */
function wordCounter(n: number, format: string): string {
  if (format === 'none') return '';
  if (format === 'decimalZero') return n < 10 ? `0${n}` : String(n);
  return counterText(n, COUNTERS.has(format) ? (format as CounterFormat) : 'decimal');
}

/** A level's number as Word prints it: its w:lvlText with each %N replaced by level N's counter. */
function levelText(levels: readonly (WordNumberingLevel | undefined)[], counters: readonly number[], level: number): string {
  const own = levels[level];
  if (!own || own.format === 'bullet') return '';
  return own.text.replace(/%([1-9])/g, (_, d: string) => {
    const k = Number(d) - 1;
    const l = levels[k];
    return l ? wordCounter(counters[k] ?? l.start, l.format) : '';
  }).trim();
}

/** Does a heading list print something at its level? */
function prints(look: TemplateLook, h: HeadingList): boolean {
  const levels = look.numbering!.nums[h.numId]!.levels;
  return levelText(levels, levels.map((l) => l?.start ?? 0), h.level) !== '';
}

/** Word's counting: a paragraph at a level counts one on, and restarts the levels below it. */
class Counters {
  private readonly byNum = new Map<string, number[]>();

  next(look: TemplateLook, list: HeadingList): string {
    const levels = look.numbering!.nums[list.numId]!.levels;
    let counters = this.byNum.get(list.numId);
    if (!counters) this.byNum.set(list.numId, (counters = levels.map((l) => (l?.start ?? 0) - 1)));
    counters[list.level] = (counters[list.level] ?? (levels[list.level]?.start ?? 0) - 1) + 1;
    levels.forEach((l, k) => {
      if (k <= list.level || !l) return;
      // w:lvlRestart absent: restart after any higher level; 0: never; N: after level N (1-based) or higher.
      if (l.restart === 0 || (l.restart !== undefined && list.level + 1 > l.restart)) return;
      counters[k] = l.start - 1;
    });
    // A level not yet reached shows its start, as Word shows it.
    const shown = counters.map((c, k) => (k <= list.level ? Math.max(c, levels[k]?.start ?? 0) : c));
    return levelText(levels, shown, list.level);
  }
}

/** The number without its closing punctuation, to lead a paragraph number: "2." -> "2". */
const stem = (text: string) => text.replace(/[.)\s]+$/, '');

/**
 * The document with its headings numbered by the template (see the file comment); unchanged when the
 * template's heading styles print no numbers.
 */
export function numberHeadingsFromTemplate(doc: LayoutDocument): LayoutDocument {
  const look = doc.style.wordTemplate;
  if (!look) return doc;
  const lists = headingLists(look);
  if (!Object.values(lists).some((h) => prints(look, h))) return doc;
  const counters = new Counters();
  const numbering: Record<string, NumberingSequence> = { ...doc.numbering };
  let prefix: string | undefined;
  let sequence: string | undefined;
  const renumber = (b: Block): Block => {
    if (b.kind === 'heading') {
      const list = lists[b.level];
      const text = list ? counters.next(look, list) : '';
      const ours = b.number;
      // A heading that carried the report's section number leads the paragraph numbers after it.
      if (ours && ours.level === 0 && numbering[ours.sequence]?.levels.length === 2) {
        prefix = stem(text) || stem(ours.text);
        // Named after the heading (unique in a document, and in a pack made of several).
        sequence = `${ours.sequence}@${b.id}`;
        numbering[sequence] = { levels: [{ format: 'decimal', pattern: `${prefix}.%1` }] };
      }
      const { number: _dropped, ...rest } = b;
      const heading: HeadingBlock = text && list ? { ...rest, number: { text, sequence: TEMPLATE_HEADING_SEQUENCE, level: list.level } } : rest;
      return heading;
    }
    if (b.kind === 'paragraph' && b.number && b.number.level === 1 && sequence && numbering[b.number.sequence]?.levels.length === 2) {
      const tail = b.number.text.slice(b.number.text.lastIndexOf('.') + 1);
      const number: NumberRef = { text: `${prefix}.${tail}`, sequence, level: 0 };
      const para: ParagraphBlock = { ...b, number };
      return para;
    }
    return b;
  };
  const sections = doc.sections.map((s) => ({ ...s, blocks: s.blocks.map(renumber) }));
  return { ...doc, numbering, sections };
}
