import { singleSegment } from './draw-line';
import type { NumberSlot } from './page-cursor';

/** Room kept clear of dots after an entry's text and before its number. */
const LEADER_PAD = 3;

/**
 * The contents entries' page numbers, once every heading has its page: each number set flush right in the
 * slot its entry's last line left for it, with a dot leader from the text to the number, as the DOCX's
 * right tab with dot leader draws it (an entry whose heading was never placed keeps empty slots).
 */
export function fillContentsNumbers(slots: readonly NumberSlot[], headingPages: Record<string, number>): void {
  for (const { leader, number, lineEnd, item } of slots) {
    const page = headingPages[item.tocFor!];
    if (page === undefined) continue;
    const text = String(page);
    const seg = singleSegment(text, item);
    number.x -= seg.width;
    number.segments.push({ text, ...seg });
    const dot = singleSegment('.', item);
    const room = number.x - LEADER_PAD - (lineEnd + LEADER_PAD);
    const count = Math.floor(room / dot.width);
    if (count < 2) continue;
    // Dots end just before the number, so leaders of every entry line up on the right.
    const dots = '.'.repeat(count);
    leader.x = number.x - LEADER_PAD - count * dot.width;
    leader.segments.push({ text: dots, ...dot, width: count * dot.width });
  }
}
