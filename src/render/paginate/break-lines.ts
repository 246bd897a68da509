/**
 * Line breaking as a word processor does it: greedy, at spaces and after hyphens, dashes and slashes; a word
 * wider than the line is broken between characters rather than running off the page. Widths come from the
 * fonts' own advances at the given size, with no kerning (Word's default), so the PDF and the DOCX agree.
 */
import type { Inline } from '../layout';
import type { Face, FaceStyle, FontSet } from '../fonts/font-set';

export interface Segment {
  text: string;
  face: Face;
  style: FaceStyle;
  /** Offset from the line's start, in points. */
  x: number;
  width: number;
  /** Index of the run this text came from. */
  run: number;
}

export interface Line {
  segments: Segment[];
  /** Width without trailing spaces. */
  width: number;
  /** Ends at a line break the text asked for (not the paragraph's last line): a justified line is not spread. */
  hardEnd?: true;
}

interface Atom {
  cp: number;
  ch: string;
  face: Face;
  style: FaceStyle;
  run: number;
  width: number;
}

export function styleOf(base: FaceStyle, run: Pick<Inline, 'bold' | 'italic'>): FaceStyle {
  const bold = base === 'bold' || base === 'boldItalic' || Boolean(run.bold);
  const italic = base === 'italic' || base === 'boldItalic' || Boolean(run.italic);
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

const isSpace = (cp: number) => cp === 0x20 || cp === 0xa0 || cp === 0x09;
const isDigit = (cp: number) => cp >= 0x30 && cp <= 0x39;

/** May a line end after atoms[i]? (UAX #14 in brief: spaces, hyphens before letters, dashes, solidus.) */
function breakAfter(atoms: Atom[], i: number): boolean {
  const cp = atoms[i]!.cp;
  const next = atoms[i + 1];
  if (!next || next.cp === 0x0a) return false;
  if (cp === 0x20 || cp === 0x09) return !isSpace(next.cp);
  if (isSpace(next.cp)) return false;
  const prev = atoms[i - 1];
  if (cp === 0x2d || cp === 0x2f) return Boolean(prev && !isSpace(prev.cp)) && !isDigit(next.cp);
  if (cp === 0x2013 || cp === 0x2014) return Boolean(prev && !isSpace(prev.cp));
  return false;
}

export interface Missing {
  char: string;
  text: string;
}

/** `first`: how much further in the first line starts (a first-line indent; negative for a hanging one). */
export function breakLines(runs: readonly Inline[], base: FaceStyle, size: number, width: number, fonts: FontSet, missing?: (m: Missing) => void, first = 0): Line[] {
  const scale = size / fonts.unitsPerEm;
  const atoms: Atom[] = [];
  runs.forEach((run, r) => {
    const style = styleOf(base, run);
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x0a) {
        atoms.push({ cp, ch, face: fonts.faces(style, 1)[0]!, style, run: r, width: 0 });
        continue;
      }
      let face = fonts.faceFor(cp, style);
      if (!face) {
        missing?.({ char: ch, text: run.text });
        face = fonts.faces(style, 1)[0]!;
      }
      atoms.push({ cp, ch, face, style, run: r, width: fonts.advance(face, cp) * scale });
    }
  });

  const lines: Line[] = [];
  const finish = (from: number, to: number, hardEnd = false) => {
    const line = makeLine(atoms, from, to);
    if (hardEnd) line.hardEnd = true;
    lines.push(line);
  };
  const room = () => (lines.length === 0 ? width - first : width);
  let start = 0;
  let lastBreak = -1;
  let w = 0;
  const measure = (from: number, to: number) => {
    let sum = 0;
    for (let k = from; k <= to; k++) sum += atoms[k]!.width;
    return sum;
  };
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    if (a.cp === 0x0a) {
      finish(start, i - 1, true);
      start = i + 1;
      lastBreak = -1;
      w = 0;
      continue;
    }
    w += a.width;
    if (!isSpace(a.cp) && w > room() + 1e-6) {
      if (lastBreak >= start) {
        finish(start, lastBreak);
        start = lastBreak + 1;
        w = measure(start, i);
      }
      // Still too wide: the word itself is wider than the line, so break it between characters.
      while (w > room() + 1e-6 && i > start) {
        let end = start;
        let acc = atoms[start]!.width;
        const limit = room();
        while (end + 1 <= i && acc + atoms[end + 1]!.width <= limit + 1e-6) acc += atoms[++end]!.width;
        finish(start, end);
        start = end + 1;
        w = measure(start, i);
      }
      lastBreak = -1;
    }
    if (breakAfter(atoms, i)) lastBreak = i;
  }
  if (start < atoms.length || lines.length === 0) finish(start, atoms.length - 1);
  return lines;
}

function makeLine(atoms: Atom[], from: number, to: number): Line {
  let end = to;
  while (end >= from && isSpace(atoms[end]!.cp)) end--;
  const segments: Segment[] = [];
  let x = 0;
  for (let k = from; k <= end; k++) {
    const a = atoms[k]!;
    const last = segments[segments.length - 1];
    if (last && last.face === a.face && last.run === a.run && last.style === a.style) {
      last.text += a.ch;
      last.width += a.width;
    } else segments.push({ text: a.ch, face: a.face, style: a.style, x, width: a.width, run: a.run });
    x += a.width;
  }
  return { segments, width: x };
}
