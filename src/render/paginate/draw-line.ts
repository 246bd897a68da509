import { breakLines, type Segment } from './break-lines';
import type { ParaItem } from './items';
import type { StructNode, TextBox } from './page-model';

const LINK_COLOUR = '#1F3864';

export interface DrawnLine {
  boxes: TextBox[];
  /**
   * Empty boxes at the right of a contents entry's last line, in reading order, for its dot leader (an
   * artifact) and its page number; `lineEnd` is where the entry's text ends.
   */
  numberSlot?: { leader: TextBox; number: TextBox; lineEnd: number };
}

/**
 * One line of a paragraph as text boxes, one per element that owns part of it (the paragraph or a link),
 * with its label on the first line. `artifact`: the boxes belong to no element (a repeated header row).
 */
export function drawLine(item: ParaItem, k: number, left: number, top: number, artifact = false): DrawnLine {
  const line = item.lines[k]!;
  const baseline = top + item.box.baseline;
  const boxes: TextBox[] = [];
  const nodeOf = (owner: StructNode) => (artifact ? null : owner);
  let x = left + item.indent;
  const free = item.width - item.indent - line.width;
  if (item.align === 'center') x += free / 2;
  else if (item.align === 'right') x += free;
  if (k === 0 && item.label) boxes.push(textBox(left + item.label.x, baseline, item, [{ text: item.label.text, ...singleSegment(item.label.text, item) }], nodeOf(item.label.node)));
  let current: TextBox | undefined;
  let currentOwner: StructNode | undefined;
  for (const seg of line.segments) {
    const owner = item.linkNodes[seg.run] ?? item.node;
    const link = Boolean(item.runs[seg.run]?.link);
    if (!current || currentOwner !== owner) {
      current = textBox(x + seg.x, baseline, item, [], nodeOf(owner));
      currentOwner = owner;
      if (link) Object.assign(current, { colour: LINK_COLOUR, underline: true });
      boxes.push(current);
      if (owner !== item.node && !item.node.children.includes(owner)) item.node.children.push(owner);
    }
    current.segments.push({ ...seg, x: seg.x - (current.x - x) });
  }
  if (item.tocFor && k === item.lines.length - 1) {
    // A place in reading order for the page number, which is known only when every page is laid out.
    const leader = textBox(x + line.width, baseline, item, [], null);
    const number = textBox(left + item.width, baseline, item, [], nodeOf(item.node));
    boxes.push(leader, number);
    return { boxes, numberSlot: { leader, number, lineEnd: x + line.width } };
  }
  return { boxes };
}

/** A short text (a label, a page number) as one segment in the item's format. */
export function singleSegment(text: string, item: ParaItem): Omit<Segment, 'text'> {
  const lines = breakLines([{ text }], item.fmt.face, item.fmt.size, 1e6, item.fonts);
  const seg = lines[0]!.segments[0]!;
  return { face: seg.face, style: seg.style, x: 0, width: lines[0]!.width, run: 0 };
}

export function textBox(x: number, baseline: number, item: ParaItem, segments: TextBox['segments'], owner: StructNode | null): TextBox {
  return { kind: 'text', x, baseline, size: item.fmt.size, colour: item.colour, segments, node: owner };
}
