/**
 * A section's items onto pages: page breaks, keep-with-next chains, then each item by its kind. Word's
 * rules throughout, so the DOCX breaks where the PDF does.
 */
import { BORDER } from './formats';
import { gapBetween, type Item } from './items';
import type { PageCursor } from './page-cursor';
import { placeImage } from './place-image';
import { placePara } from './place-para';
import { placeTable } from './place-table';

export function placeItems(cur: PageCursor, items: Item[]): void {
  items.forEach((item, i) => {
    if (item.kind === 'break') {
      cur.newPage();
      return;
    }
    if (item.pageBreakBefore && !cur.empty) cur.newPage();
    if (item.keepNext && !cur.empty) {
      // The chain of keep-with-next items and the start of the first one that is not.
      let need = ownHeight(item);
      let j = i + 1;
      while (items[j]?.keepNext && items[j]!.kind !== 'break') {
        need += gapBetween(items[j - 1]!, items[j]!) + ownHeight(items[j]!);
        j++;
      }
      need += firstChunk(items[j], items[j - 1]!);
      if (cur.y + cur.gapBefore(item) + need > cur.bottom && need <= cur.bottom - cur.top) cur.newPage();
    }
    if (item.kind === 'para') placePara(cur, item);
    else if (item.kind === 'table') placeTable(cur, item);
    else placeImage(cur, item);
  });
}

function ownHeight(item: Item): number {
  if (item.kind === 'para') return item.lines.length * item.box.height;
  if (item.kind === 'image') return item.block.height;
  return 0;
}

/** Height the start of an item needs on a page: what keep-with-next must fit beside the item before it. */
function firstChunk(item: Item | undefined, before: Item): number {
  if (!item || item.kind === 'break') return 0;
  const gap = gapBetween(before, item);
  // Orphan and widow control: a paragraph of three lines or fewer cannot split, a longer one starts with two.
  if (item.kind === 'para') {
    if (!item.fmt.widowControl) return gap + item.box.height;
    return gap + (item.lines.length <= 3 ? item.lines.length : 2) * item.box.height;
  }
  if (item.kind === 'image') return gap + item.block.height;
  return gap + BORDER + (item.header?.height ?? 0) + (item.rows[0]?.height ?? 0);
}
