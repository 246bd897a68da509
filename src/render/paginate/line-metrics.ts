import type { FontSet } from '../fonts/font-set';

export interface LineBox {
  /** Distance from one line's top to the next's, in points. */
  height: number;
  /** From the line's top to its baseline. */
  baseline: number;
  /** Below the text's descent (line gap, most of what proportional spacing adds): may hang below a page's last line. */
  slack: number;
}

const cache = new Map<string, LineBox>();

/**
 * A line's height as Word and LibreOffice compute it: the font's ascent, descent and line gap (hhea), each
 * rounded to twips at this size, summed to the single line, then times the "auto" multiple, truncated to a
 * twip. Measured against LibreOffice's PDF of the same DOCX: 12pt Arial at 1.15 is 317 twips (15.85pt), 11pt
 * is 290 twips.
 */
export function lineBox(fonts: FontSet, size: number, multiple: number, rule: 'auto' | 'exact' | 'atLeast' = 'auto'): LineBox {
  const key = `${fonts.unitsPerEm}:${fonts.ascent}:${fonts.descent}:${fonts.lineGap}:${size}:${multiple}:${rule}`;
  let box = cache.get(key);
  if (!box) {
    const tw = (units: number) => Math.round((units / fonts.unitsPerEm) * size * 20);
    const ascent = tw(fonts.ascent);
    const single = ascent + tw(fonts.descent) + tw(fonts.lineGap);
    if (rule === 'auto') {
      const height = Math.floor(single * multiple + 1e-6);
      box = { height: height / 20, baseline: (ascent + Math.round((height - single) / 4)) / 20, slack: Math.max(0, height - ascent - Math.round((height - single) / 4) - tw(fonts.descent)) / 20 };
    } else {
      // A height in points: 'exact' is that height whatever the font (the text keeps its baseline from the
      // foot, as Word clips the top); 'atLeast' grows to the single line, the extra above the text.
      const wanted = Math.round(multiple * 20);
      const height = rule === 'exact' ? wanted : Math.max(wanted, single);
      box = { height: height / 20, baseline: (rule === 'exact' ? height - (single - ascent) : ascent + (height - single)) / 20, slack: 0 };
    }
    cache.set(key, box);
  }
  return box;
}
