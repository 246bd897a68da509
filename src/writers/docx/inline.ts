import { TextRun, type ParagraphChild } from 'docx';
import type { DocumentIds } from './document-ids';
import { StableExternalHyperlink } from './external-link';
import type { Inline } from '../../render/layout';
import { defined } from './defined';

const hex = (colour?: string) => colour?.replace('#', '');

/** Plain text as Word runs, new lines kept as line breaks (cells with several leads, one per line). */
export function textWithBreaks(text: string, options: { bold?: boolean | undefined; italics?: boolean | undefined; colour?: string | undefined; underline?: boolean | undefined } = {}): TextRun[] {
  return String(text)
    .split('\n')
    .map((line, i) =>
      new TextRun(defined({
        text: line,
        break: i === 0 ? undefined : 1,
        bold: options.bold,
        italics: options.italics,
        color: hex(options.colour),
        underline: options.underline ? {} : undefined,
      })),
    );
}

/** Runs as Word runs; the text itself is never interpreted. Links get their relationship ids from `ids`. */
export function docxRuns(runs: Inline[], ids: DocumentIds, colour?: string): ParagraphChild[] {
  return runs.flatMap((r): ParagraphChild[] => {
    const pieces = textWithBreaks(r.text, { bold: r.bold, italics: r.italic, colour: r.link ? '#1F3864' : colour, underline: Boolean(r.link) });
    return r.link ? [new StableExternalHyperlink(pieces, ids.nextLink(), r.link)] : pieces;
  });
}
