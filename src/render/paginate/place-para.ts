import { drawLine } from './draw-line';
import type { ParaItem } from './items';
import type { PageCursor } from './page-cursor';

/** Places a paragraph's lines, moving to new pages as needed with two-line widow and orphan control. */
export function placePara(cur: PageCursor, item: ParaItem): void {
  let from = 0;
  const total = item.lines.length;
  let gap = cur.gapBefore(item);
  if (item.heading) cur.markHeading(item, gap);
  while (from < total) {
    // The last line may hang its leading below the text's descent over the bottom margin, as LibreOffice
    // lets it: measured on the W&F contents list, whose ninth entry LibreOffice fits by 0.05pt.
    const room = cur.bottom - (cur.y + gap);
    let fit = Math.max(0, Math.floor((room + item.box.slack + 1e-6) / item.box.height));
    const left = total - from;
    if (fit < left) {
      // Widow and orphan control: two lines at least at the foot and at the head of a page.
      const least = item.fmt.widowControl ? 2 : 1;
      if (left - fit < least) fit = left - least;
      if (fit < least || (from === 0 && left <= least)) fit = 0;
      if (fit === 0) {
        if (cur.empty) fit = Math.max(1, Math.floor((cur.bottom - cur.y) / item.box.height)); // a line taller than the page
        else {
          cur.newPage();
          gap = 0;
          if (from === 0 && item.heading) cur.markHeading(item, 0);
          continue;
        }
      }
    }
    cur.y += gap;
    for (let k = from; k < Math.min(total, from + fit); k++) {
      placeLine(cur, item, k, cur.left, cur.y);
      cur.y += item.box.height;
    }
    from += fit;
    cur.empty = false;
    if (from < total) {
      cur.newPage();
      gap = 0;
    }
  }
  if (total === 0) cur.y += gap;
  cur.prevAfter = item.fmt.after;
  cur.empty = false;
}

/** One line's boxes on the current page; a contents entry's number slot is kept for later. */
export function placeLine(cur: PageCursor, item: ParaItem, k: number, left: number, top: number, artifact = false): void {
  const drawn = drawLine(item, k, left, top, artifact);
  cur.push(...drawn.boxes);
  if (drawn.numberSlot) cur.numberSlots.push({ ...drawn.numberSlot, item });
}
