/**
 * A council template's own headers and footers drawn on our pages: each paragraph of the part that applies
 * to the page (first page, even pages, default), its text, PAGE / NUMPAGES fields and inline images on one
 * line, split at tabs into left, centre and right as Word's Header and Footer styles' tab stops place them;
 * floating pictures at their own place on the page, taking no room in the line.
 * Headers start at the template's header distance from the top; footers end at its footer distance.
 */
import type { ImageAnchor, TemplateLook, RunningPart, RunningPiece, WordRunFormat } from '../../readers/word-template/types';
import { breakLines } from './break-lines';
import { lineBox } from './line-metrics';
import type { FontBook } from './font-book';
import { faceOf, wordFormat } from './template-formats';
import type { Box, Page } from './page-model';

export interface PagePlace {
  /** 1-based number across the document, and the page count. */
  number: number;
  count: number;
  /** Pages in this page's section. */
  sectionPages: number;
  /** The document's first page (the template's first-page header, when it has a different one). */
  first: boolean;
}

type Which = 'headers' | 'footers';

export function templatePart(look: TemplateLook, which: Which, place: PagePlace): RunningPart | undefined {
  const parts = look.running[which];
  if (place.first && look.geometry.titlePage) return parts.first;
  if (look.geometry.evenAndOdd && place.number % 2 === 0) return parts.even ?? parts.default;
  return parts.default;
}

/** Does the template have headers (or footers) of its own? Then ours give way to them. */
export function hasTemplateRunning(look: TemplateLook, which: Which): boolean {
  const p = look.running[which];
  return Boolean(p.default ?? p.first ?? p.even);
}

/**
 * Does any of the template's headers (default, first page, even) carry a picture of its own, most likely the
 * council's logo? Then render.logo gives way to it, in both formats, so page 1 does not show it twice.
 */
export function templateHeaderHasImage(look: TemplateLook): boolean {
  const p = look.running.headers;
  return [p.default, p.first, p.even].some((part) => part?.paragraphs.some((para) => para.pieces.some((x) => x.kind === 'image')));
}

interface Measured {
  boxes: (left: number, top: number, width: number, pageWidth: number) => Box[];
  height: number;
}

// Asked for at every page's top and bottom: a 300-page appendix measured its header 600 times.
const heights = new WeakMap<RunningPart, WeakMap<FontBook, number>>();

/** A running part's height (its fields' digits do not change it). */
export function templatePartHeight(part: RunningPart, fonts: FontBook): number {
  let byFonts = heights.get(part);
  if (!byFonts) heights.set(part, (byFonts = new WeakMap()));
  let height = byFonts.get(fonts);
  if (height === undefined) {
    const place: PagePlace = { number: 1, count: 1, sectionPages: 1, first: true };
    height = part.paragraphs.reduce((a, p) => a + measureParagraph(p, fonts, place).height, 0);
    byFonts.set(fonts, height);
  }
  return height;
}

/** A running part's boxes; returns its height. `edge` is where it starts (headers) or ends (footers). */
export function drawTemplatePart(page: Page, part: RunningPart, fonts: FontBook, place: PagePlace, left: number, width: number, edge: number, fromBottom: boolean): number {
  const paragraphs = part.paragraphs.map((p) => measureParagraph(p, fonts, place));
  const total = paragraphs.reduce((a, p) => a + p.height, 0);
  let y = fromBottom ? edge - total : edge;
  for (const p of paragraphs) {
    page.boxes.push(...p.boxes(left, y, width, page.width));
    y += p.height;
  }
  return total;
}

function pieceText(piece: RunningPiece, place: PagePlace): string | undefined {
  if (piece.kind === 'text') return piece.text;
  if (piece.kind !== 'field') return undefined;
  return String(piece.field === 'PAGE' ? place.number : piece.field === 'NUMPAGES' ? place.count : place.sectionPages);
}

function measureParagraph(p: RunningPart['paragraphs'][number], fonts: FontBook, place: PagePlace): Measured {
  const fmt = wordFormat({ para: p.para, run: p.run });
  const fontsOf = (run: WordRunFormat) => fonts.fontsFor({ font: run.font ?? fmt.font });
  const own = lineBox(fontsOf(p.run), fmt.size, fmt.line, fmt.lineRule);
  // Zones between tabs: left, centre, right (Word's Header style: a centre and a right tab stop).
  const zones: RunningPiece[][] = [[]];
  for (const piece of p.pieces) {
    if (piece.kind === 'tab') zones.push([]);
    else zones[zones.length - 1]!.push(piece);
  }
  let ascent = own.baseline;
  let below = own.height - own.baseline;
  const laid = zones.map((zone) => {
    let x = 0;
    const items = zone.map((piece) => {
      // A floating picture takes no room in the line (its place is worked out when the page is known).
      if (piece.kind === 'image' && piece.anchor) return { kind: 'image' as const, piece, x };
      if (piece.kind === 'image') {
        const at = x;
        x += piece.width;
        ascent = Math.max(ascent, piece.height);
        return { kind: 'image' as const, piece, x: at };
      }
      const run = { ...p.run, ...(piece.kind === 'text' || piece.kind === 'field' ? strip(piece) : {}) };
      const size = run.size ?? fmt.size;
      const set = fontsOf(run);
      const text = pieceText(piece, place) ?? '';
      const face = faceOf(run.bold, run.italic);
      const line = breakLines([{ text }], face, size, 1e6, set)[0]!;
      const box = lineBox(set, size, fmt.line, fmt.lineRule);
      ascent = Math.max(ascent, box.baseline);
      below = Math.max(below, box.height - box.baseline);
      const at = x;
      // A line's width leaves out its trailing spaces; between pieces ("Page " then the number) they count.
      const trailing = text.length - text.trimEnd().length;
      const space = trailing ? (set.advance(set.faces(face, 1)[0]!, 0x20) * size) / set.unitsPerEm : 0;
      x += line.width + trailing * space;
      return { kind: 'text' as const, line, size, colour: run.colour ?? fmt.colour, x: at };
    });
    return { items, width: x };
  });
  const height = fmt.before + ascent + below + fmt.after;
  return {
    height,
    boxes(left, top, width, pageWidth) {
      const baseline = top + fmt.before + ascent;
      const out: Box[] = [];
      const starts = zoneStarts(laid.map((z) => z.width), width, fmt.align ?? 'left');
      laid.forEach((zone, z) => {
        const x0 = left + starts[z]!;
        for (const it of zone.items) {
          if (it.kind === 'image') {
            const p = it.piece;
            // A floating picture at its anchor's place; an inline one on the line, standing on the baseline.
            const { x, y } = p.anchor ? anchoredAt(p, p.anchor, { left, width, pageWidth, inLine: x0 + it.x, paragraphTop: top }) : { x: x0 + it.x, y: baseline - p.height };
            out.push({ kind: 'image', x, y, width: p.width, height: p.height, image: { kind: 'image', format: p.format, data: p.data, width: p.width, height: p.height, alt: p.alt }, node: null });
          } else if (it.line.segments.length) out.push({ kind: 'text', x: x0 + it.x, baseline, size: it.size, colour: it.colour, segments: it.line.segments, node: null });
        }
      });
      return out;
    },
  };
}

interface AnchorFrame {
  left: number;
  width: number;
  pageWidth: number;
  /** Where the picture is anchored in its line, and the top of its paragraph. */
  inLine: number;
  paragraphTop: number;
}

/** A floating picture's top-left corner on the page, from its place across (page, margin, line) and down. */
function anchoredAt(piece: { width: number }, a: ImageAnchor, f: AnchorFrame): { x: number; y: number } {
  const [from, span] = a.x.from === 'page' ? [0, f.pageWidth] : a.x.from === 'character' ? [f.inLine, 0] : [f.left, f.width];
  const x = a.x.align === 'center' ? from + (span - piece.width) / 2 : a.x.align === 'right' ? from + span - piece.width : from + (a.x.align ? 0 : a.x.offset);
  const y = a.y.from === 'page' ? a.y.offset : f.paragraphTop + a.y.offset;
  return { x, y };
}

function strip(piece: Extract<RunningPiece, { kind: 'text' | 'field' }>): WordRunFormat {
  const out: WordRunFormat = {};
  if (piece.font !== undefined) out.font = piece.font;
  if (piece.size !== undefined) out.size = piece.size;
  if (piece.bold !== undefined) out.bold = piece.bold;
  if (piece.italic !== undefined) out.italic = piece.italic;
  if (piece.colour !== undefined) out.colour = piece.colour;
  return out;
}

/** Where each zone starts: one zone by the paragraph's alignment; two, left and right; three, left, centre, right. */
function zoneStarts(widths: number[], width: number, align: 'left' | 'center' | 'right'): number[] {
  if (widths.length === 1) return [align === 'center' ? (width - widths[0]!) / 2 : align === 'right' ? width - widths[0]! : 0];
  if (widths.length === 2) return [0, width - widths[1]!];
  return widths.map((w, i) => (i === 0 ? 0 : i === widths.length - 1 ? width - w : (width - w) / 2));
}
