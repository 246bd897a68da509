import type { Legend, LegendEntry } from './plan';

/**
 * The standard BRAG legend (seed 001's meanings), used when a workbook carries no key of its own and the
 * settings give none. Aliases are only spellings of the same status (letters, "Complete", "Not started"):
 * words that describe a meaning ("Delayed", "On track") are not silently mapped to a colour; they are an
 * unknown-status error that names the nearest entry, or a settings alias.
 */
const STANDARD: LegendEntry[] = [
  { label: 'Grey', meaning: 'Action not started', colour: '#A6A6A6', aliases: ['Not started', 'NS', 'Gy'], rank: 2, complete: false, exception: false, notStarted: true },
  { label: 'Blue', meaning: 'Action completed and signed off', colour: '#0070C0', aliases: ['B', 'Complete', 'Completed'], rank: 4, complete: true, exception: false, notStarted: false },
  { label: 'Green', meaning: 'Action on target', colour: '#00B050', aliases: ['G'], rank: 3, complete: false, exception: false, notStarted: false },
  { label: 'Amber', meaning: 'Action delayed and likely to miss completion deadline', colour: '#FFC000', aliases: ['A'], rank: 1, complete: false, exception: true, notStarted: false },
  { label: 'Red', meaning: 'Action significantly delayed and has missed completion deadline', colour: '#C00000', aliases: ['R'], rank: 0, complete: false, exception: true, notStarted: false },
];

export function standardLegend(): Legend {
  return { origin: 'standard', basis: 'Progress against timescale', entries: STANDARD.map((e) => ({ ...e, aliases: [...e.aliases] })) };
}

/** Standard facts about a status word, for building a legend from a workbook's key. */
export function standardEntry(label: string): LegendEntry | undefined {
  const l = label.trim().toLowerCase();
  return STANDARD.find((e) => e.label.toLowerCase() === l || e.aliases.some((a) => a.toLowerCase() === l));
}
