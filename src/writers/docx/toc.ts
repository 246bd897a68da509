import type { HeadingBlock, LayoutDocument, Pagination } from '../../render/layout';
import type { BodyOut } from './body-out';
import { textRun } from './inline';
import type { StyleIds } from './style-ids';
import { esc, val } from './xml-write';

interface Entry {
  heading: HeadingBlock;
  level: number;
  text: string;
}

export interface TocOptions {
  title: string;
  maxLevel: number;
  /** Right edge of the section's text, where the page numbers are aligned, in twips. */
  tabTwips: number;
  headingIds?: string[] | undefined;
  /** Word bookmark name of each heading (bookmarks.ts). */
  bookmarks: ReadonlyMap<HeadingBlock, string>;
  pagination?: Pagination | undefined;
  styles: StyleIds;
}

function entries(doc: LayoutDocument, maxLevel: number, only?: string[]): Entry[] {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'heading' && b.toc !== false && b.level <= maxLevel && (!only || only.includes(b.id))
        ? [{ heading: b, level: b.level, text: b.number ? `${b.number.text} ${b.text}` : b.text }]
        : [],
    ),
  );
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;

/**
 * A real TOC field whose cached result already lists every heading with its page (from the shared
 * pagination), so the contents read correctly as soon as the file is opened and Word can still refresh
 * them. Each entry links to its heading's Word bookmark. Not dirty, and no updateFields: nothing prompts
 * the reader. Page numbers sit on a right tab at the section's right margin, with dot leaders.
 */
export function docxToc(doc: LayoutDocument, options: TocOptions, out: BodyOut): void {
  const list = entries(doc, options.maxLevel, options.headingIds);
  const begin = `${fieldChar('begin')}<w:r><w:instrText xml:space="preserve"> TOC \\o "1-${options.maxLevel}" \\h \\z \\u </w:instrText></w:r>${fieldChar('separate')}`;
  out.paragraph(val('w:pStyle', options.styles.tocHeading), textRun(options.title));
  if (list.length === 0) {
    out.paragraph('', begin + fieldChar('end'));
    return;
  }
  const tabs = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${options.tabTwips}"/></w:tabs>`;
  list.forEach((e, i) => {
    const page = options.pagination?.headingPages[e.heading.id];
    const anchor = options.bookmarks.get(e.heading) ?? e.heading.id;
    const link = `<w:hyperlink w:anchor="${esc(anchor)}" w:history="1">${textRun(e.text)}${page === undefined ? '' : `<w:r><w:tab/><w:t>${page}</w:t></w:r>`}</w:hyperlink>`;
    const style = options.styles.toc[Math.min(e.level, 4) as 1 | 2 | 3 | 4];
    out.paragraph(val('w:pStyle', style) + tabs, (i === 0 ? begin : '') + link + (i === list.length - 1 ? fieldChar('end') : ''));
  });
}
