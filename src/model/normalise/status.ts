import type { Legend, LegendEntry } from '../plan';
import type { RawCell } from '../../readers/raw';
import { familyOf, letterAliases } from './legend';
import { familyOfWords, hexToRgb } from './status-family';
import { editDistance } from '../../text/edit-distance';

export type StatusMatch =
  | { entry: LegendEntry; text: string; /** The key entry the cell's fill belongs to, when it is not the word's. */ fillSays?: LegendEntry }
  | { unknown: string; nearest?: LegendEntry }
  | undefined;

/** A status cell read against the plan's own legend: word, alias, letter, or only a fill colour. */
export function matchStatus(cell: RawCell | undefined, legend: Legend): StatusMatch {
  const text = cell?.text.trim() ?? '';
  if (!text) return cell?.fill ? byColour(cell.fill, legend) : undefined;
  const entry = byWord(text, legend);
  if (!entry) return { unknown: text, ...optional(nearestEntry(text, legend)) };
  const fill = cell?.fill ? byColour(cell.fill, legend) : undefined;
  const fillSays = fill && 'entry' in fill && fill.entry !== entry && colourDistance(cell!.fill!, entry.colour) > 60 ? fill.entry : undefined;
  return fillSays ? { entry, text, fillSays } : { entry, text };
}

const optional = (nearest: LegendEntry | undefined) => (nearest ? { nearest } : {});

function byWord(text: string, legend: Legend): LegendEntry | undefined {
  const key = text.toLowerCase().replace(/\s+/g, ' ');
  const words = legend.entries.find((e) => e.label.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key));
  if (words) return words;
  const letter = key.length === 1 ? letterAliases(legend).get(key) : undefined;
  if (letter) return letter;
  // "Blue - completed", "Amber (delayed)", "Off track – see note": the key's word at the start decides.
  // A number ("2 - some slippage") needs a separator after it: "2 weeks late" is not rating 2.
  const lead = (e: LegendEntry) => (/^\d+$/.test(e.label) ? new RegExp(`^${e.label}\\s*[-–(:,]`) : e.label.length > 2 ? new RegExp(`^${escape(e.label.toLowerCase())}(\\s*[-–(:,]|\\s)`) : undefined);
  return legend.entries.find((e) => lead(e)?.test(key));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The key entry an unknown word most likely meant: the one entry whose meaning family it names ("Delayed"
 * names amber: "Slipping" in a key whose Slipping is amber), else the closest spelling.
 */
export function nearestEntry(text: string, legend: Legend): LegendEntry | undefined {
  const family = familyOfWords(text);
  if (family) {
    const sameFamily = legend.entries.filter((e) => familyOf(e) === family);
    if (sameFamily.length === 1) return sameFamily[0];
  }
  const t = text.toLowerCase();
  let best: { entry: LegendEntry; d: number } | undefined;
  for (const entry of legend.entries)
    for (const word of [entry.label, ...entry.aliases]) {
      // Short words ("4", "B") are never "near" anything: a one-letter typo there is a different status.
      if (word.length < 3) continue;
      const d = editDistance(t, word.toLowerCase());
      if (d <= Math.max(1, Math.floor(word.length / 3)) && (!best || d < best.d)) best = { entry, d };
    }
  return best?.entry;
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
  const [x, y] = [hexToRgb(a), hexToRgb(b)];
  return Math.sqrt(x.reduce((sum, v, i) => sum + (v - y[i]!) ** 2, 0));
}
