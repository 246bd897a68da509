import type { Legend, LegendEntry } from '../plan';
import type { RawCell } from '../../readers/raw';
import { letterAliases } from './legend';

export type StatusMatch = { entry: LegendEntry; text: string } | { unknown: string } | undefined;

/** A status cell read against the plan's own legend: word, alias, letter, or only a fill colour. */
export function matchStatus(cell: RawCell | undefined, legend: Legend): StatusMatch {
  const text = cell?.text.trim() ?? '';
  if (!text) return cell?.fill ? byColour(cell.fill, legend) : undefined;
  const key = text.toLowerCase().replace(/\s+/g, ' ');
  const words = legend.entries.find(
    (e) => e.label.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key),
  );
  if (words) return { entry: words, text };
  const letter = key.length === 1 ? letterAliases(legend).get(key) : undefined;
  if (letter) return { entry: letter, text };
  // "Blue - completed", "Amber (delayed)": the leading word decides.
  const lead = key.split(/[\s\-–(:,]+/)[0] ?? '';
  const leading = legend.entries.find((e) => e.label.toLowerCase() === lead);
  if (leading && lead.length > 2) return { entry: leading, text };
  return { unknown: text };
}

function byColour(fill: string, legend: Legend): StatusMatch {
  let best: { entry: LegendEntry; distance: number } | undefined;
  for (const entry of legend.entries) {
    const distance = colourDistance(fill, entry.colour);
    if (!best || distance < best.distance) best = { entry, distance };
  }
  // Beyond this a fill is decoration (a white or pale band), not a status.
  if (!best || best.distance > 120) return undefined;
  return { entry: best.entry, text: `fill ${fill}` };
}

function colourDistance(a: string, b: string): number {
  const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [rgb(a), rgb(b)];
  return Math.sqrt(x.reduce((sum, v, i) => sum + (v - y[i]!) ** 2, 0));
}
