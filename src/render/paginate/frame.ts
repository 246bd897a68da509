import type { LayoutDocument, LayoutSection } from '../layout';
import type { FontBook } from './font-book';
import { contentTwips, pageTwips, pt } from './page-size';
import { hasTemplateRunning, templatePart, templatePartHeight } from './template-running';

/** A section's page and the box text is set in, in points from the page's top-left corner. */
export interface PageFrame {
  width: number;
  height: number;
  /** Top and bottom of the text on the page with this 1-based number (a tall header pushes the text down). */
  top(page: number): number;
  bottom(page: number): number;
  left: number;
  /** Usable width between the margins: what lines are broken to and pictures scaled to. */
  contentWidth: number;
}

export function sectionFrame(doc: LayoutDocument, section: LayoutSection, fonts: FontBook): PageFrame {
  const size = pageTwips(doc.style.pageSize, section.orientation);
  const m = doc.style.margins;
  const height = pt(size.height);
  const look = doc.style.wordTemplate;
  let top = (_page: number) => m.top;
  let bottom = (_page: number) => height - m.bottom;
  if (look) {
    // As Word does: a template header taller than the room above the top margin moves the text down, a
    // footer taller than the room below the bottom margin moves its end up.
    const place = (page: number) => ({ number: page, count: page, sectionPages: page, first: page === 1 });
    const g = look.geometry.margins;
    if (hasTemplateRunning(look, 'headers')) {
      top = (page) => {
        const part = templatePart(look, 'headers', place(page));
        return Math.max(m.top, part ? g.header + templatePartHeight(part, fonts) : 0);
      };
    }
    if (hasTemplateRunning(look, 'footers')) {
      bottom = (page) => {
        const part = templatePart(look, 'footers', place(page));
        return Math.min(height - m.bottom, part ? height - g.footer - templatePartHeight(part, fonts) : Infinity);
      };
    }
  }
  return { width: pt(size.width), height, top, bottom, left: m.left, contentWidth: pt(contentTwips(doc.style, section.orientation)) };
}
