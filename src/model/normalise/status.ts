import type { Legend, LegendEntry } from '../plan';
import type { RawCell } from '../../readers/raw';
import { familyOf, letterAliases } from './legend';
import { familyOfColour, familyOfWords, hexToRgb } from './status-family';
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
  const fillSays = cell?.fill ? contradiction(cell.fill, entry, legend) : undefined;
  return fillSays ? { entry, text, fillSays } : { entry, text };
}

/**
 * The key entry a fill says instead of the word's, or undefined when they agree. A fill and a word agree
 * when the fill's colour family (hue, lightness, saturation: status-family.ts) is the family of the word's
 * key entry: Excel's theme green #70AD47, its 60% tint #C6E0B4 and the standard #00B050 are all green, so
 * a council filling in theme colours beside a key in standard ones is not told off on every row. Only when
 * the fill or the entry has no family (a purple, a numeric key without colours) is nearness in RGB used.
 */
function contradiction(fill: string, entry: LegendEntry, legend: Legend): LegendEntry | undefined {
  const fillFamily = familyOfColour(fill);
  const entryFamily = familyOf(entry);
  if (fillFamily && entryFamily) return fillFamily === entryFamily ? undefined : nearestByColour(fill, legend.entries.filter((e) => familyOf(e) === fillFamily))?.entry;
  if (!fillFamily && isNearWhite(fill)) return undefined; // a white or pale band is decoration, not a status
  const near = byColour(fill, legend);
  return near && 'entry' in near && near.entry !== entry && colourDistance(fill, entry.colour) > 60 ? near.entry : undefined;
}

const isNearWhite = (fill: string) => hexToRgb(fill).every((v) => v >= 240);

function nearestByColour(fill: string, entries: readonly LegendEntry[]): { entry: LegendEntry; distance: number } | undefined {
  let best: { entry: LegendEntry; distance: number } | undefined;
  for (const entry of entries) {
    const distance = colourDistance(fill, entry.colour);
    if (!best || distance < best.distance) best = { entry, distance };
  }
  return best;
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

/** A status given by fill alone: the key entry of the fill's family, else the nearest colour in the key. */
function byColour(fill: string, legend: Legend): StatusMatch {
  const family = familyOfColour(fill);
  const sameFamily = family ? nearestByColour(fill, legend.entries.filter((e) => familyOf(e) === family)) : undefined;
  if (sameFamily) return { entry: sameFamily.entry, text: `fill ${fill}` };
  const best = nearestByColour(fill, legend.entries);
  // Beyond this a fill is decoration (a white or pale band), not a status.
  if (!best || best.distance > 120) return undefined;
  return { entry: best.entry, text: `fill ${fill}` };
}

function colourDistance(a: string, b: string): number {
  const [x, y] = [hexToRgb(a), hexToRgb(b)];
  return Math.sqrt(x.reduce((sum, v, i) => sum + (v - y[i]!) ** 2, 0));
}
