/**
 * Pagination: the layout document to pages of positioned boxes, with the rules Word and LibreOffice apply to
 * the DOCX we write (line heights from the font, space before/after collapsing to the larger of the two, rows
 * that do not split, header rows repeated, keep-with-next, two-line widow and orphan control). Both writers
 * take their page facts from here: the PDF draws these pages and the DOCX contents list quotes their numbers.
 *
 * Four steps, each its own module, in this order because each needs the one before:
 * 1. items (build-items): each section's blocks measured at the width of that section's frame;
 * 2. placement (place-items): the items on pages, recording each heading's page and the contents' number slots;
 * 3. contents numbers (contents-numbers): the slots filled from the heading pages;
 * 4. running heads (running-heads): header and footer on each page, now that the page count is known.
 */
import type { LayoutDocument } from '../layout';
import { fontBook } from './font-book';
import type { Missing } from './break-lines';
import { paragraphFormats } from './formats';
import { sectionFrame } from './frame';
import { sectionItems, type ItemContext } from './build-items';
import { PageCursor } from './page-cursor';
import { placeItems } from './place-items';
import { fillContentsNumbers } from './contents-numbers';
import { addRunningHeads } from './running-heads';
import type { Box, Paginated, StructNode } from './page-model';

export function paginate(doc: LayoutDocument): Paginated {
  const { cursor, root, missing, fonts, formats } = place(doc);
  const { pages, headingPages } = cursor;
  fillContentsNumbers(cursor.numberSlots, headingPages);
  addRunningHeads(pages, doc, fonts, formats);
  return { pages, root, pagination: { pageCount: pages.length, headingPages }, missing };
}

/**
 * Whether the document runs to at least `pages` pages, laying out only as many sections as it takes to
 * know: a 5,000-action appendix is not measured to learn that the report before it is already long enough.
 */
export function hasPages(doc: LayoutDocument, pages: number): boolean {
  return place(doc, pages).cursor.pages.length >= pages;
}

function place(doc: LayoutDocument, enough = Infinity) {
  const fonts = fontBook(doc.style);
  const formats = paragraphFormats(doc.style);
  const missing: Missing[] = [];
  const root: StructNode = { role: 'Document', children: [] };
  const cx: ItemContext = { doc, fonts, formats, root, missing };
  const cursor = new PageCursor();
  for (const [s, section] of doc.sections.entries()) {
    if (cursor.pages.length >= enough) break;
    const frame = sectionFrame(doc, section, fonts);
    const items = sectionItems(section.blocks, frame.contentWidth, cx);
    cursor.startSection(frame, s);
    placeItems(cursor, items);
  }
  return { cursor, root, missing, fonts, formats };
}

export type { Box };
