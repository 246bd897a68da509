import type { ImageItem } from './items';
import type { PageCursor } from './page-cursor';

/** Places a picture, on the next page when it does not fit, scaled down to the content box when larger. */
export function placeImage(cur: PageCursor, item: ImageItem): void {
  let gap = cur.gapBefore(item);
  if (!cur.empty && cur.y + gap + item.block.height > cur.bottom) {
    cur.newPage();
    gap = 0;
  }
  cur.y += gap;
  const scale = Math.min(1, cur.frame.contentWidth / item.block.width, (cur.bottom - cur.top) / item.block.height);
  cur.push({ kind: 'image', x: cur.left, y: cur.y, width: item.block.width * scale, height: item.block.height * scale, image: item.block, node: item.node });
  cur.y += item.block.height * scale;
  cur.prevAfter = item.after;
  cur.empty = false;
}
