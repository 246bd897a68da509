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
  const first = k === 0 ? (item.firstLine ?? 0) : 0;
  let x = left + item.indent + first;
  const free = item.width - item.indent - first - item.fmt.indentRight - line.width;
  if (item.align === 'center') x += free / 2;
  else if (item.align === 'right') x += free;
  // Justified (a template's style): every line but the paragraph's last, and but one its text breaks, is spread.
  // (Not a contents entry: its lines are broken short of the page number's room, which is not to be filled.)
  const justified = item.fmt.justify === true && item.align === 'left' && !item.tocFor && k < item.lines.length - 1 && !line.hardEnd && free > 0;
  if (k === 0 && item.label) boxes.push(textBox(left + item.label.x, baseline, item, [{ text: item.label.text, ...singleSegment(item.label.text, item) }], nodeOf(item.label.node)));
  let current: TextBox | undefined;
  let currentOwner: StructNode | undefined;
  for (const seg of justified ? spread(line.segments, free, item) : line.segments) {
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

/**
 * A justified line's segments cut after each space, each moved right by the share of the free width that
 * the spaces before it take, as Word widens a justified line's spaces.
 */
function spread(segments: readonly Segment[], free: number, item: ParaItem): Segment[] {
  const spaces = segments.reduce((n, s) => n + (s.text.match(/ /g)?.length ?? 0), 0);
  if (!spaces) return [...segments];
  const extra = free / spaces;
  const scale = item.fmt.size / item.fonts.unitsPerEm;
  const out: Segment[] = [];
  let seen = 0;
  for (const seg of segments) {
    let text = '';
    let at = seg.x;
    let x = seg.x;
    const flush = () => {
      if (text) out.push({ ...seg, text, x: at + seen * extra, width: x - at });
      text = '';
      at = x;
    };
    for (const ch of seg.text) {
      text += ch;
      x += item.fonts.advance(seg.face, ch.codePointAt(0)!) * scale;
      if (ch === ' ') {
        flush();
        seen++;
      }
    }
    flush();
  }
  return out;
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
