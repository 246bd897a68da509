import type { Inline } from '../layout';
import type { FontSet } from '../fonts/font-set';
import { breakLines, type Line, type Missing } from './break-lines';
import type { ParaFormat } from './formats';

/**
 * Line breaking is most of pagination's work, and the same text at the same size and width breaks the same
 * way wherever it comes: a status word in every row, a board pack's plans, each rebuild of a warm preview.
 * So it is broken once per process (a block met again is not even measured again: item-cache.ts). Bounded
 * so a long run of builds cannot grow it without limit.
 */
const lineCache = new Map<string, { lines: Line[]; missing: Missing[] }>();
const LINE_CACHE_LIMIT = 200_000;

export function brokenLines(runs: Inline[], face: ParaFormat['face'], size: number, width: number, fonts: FontSet, missing: (m: Missing) => void, first = 0): Line[] {
  const key = `${fonts.id}|${face}|${size}|${width}|${first}|${JSON.stringify(runs)}`;
  let hit = lineCache.get(key);
  if (!hit) {
    const found: Missing[] = [];
    hit = { lines: breakLines(runs, face, size, width, fonts, (m) => found.push(m), first), missing: found };
    if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
    lineCache.set(key, hit);
  }
  hit.missing.forEach(missing);
  return hit.lines;
}
