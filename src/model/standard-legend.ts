import type { Legend, LegendEntry } from './plan';

/** The standard BRAG legend (seed 001's meanings), used when a workbook carries no key of its own. */
const STANDARD: LegendEntry[] = [
  { label: 'Grey', meaning: 'Action not started', colour: '#A6A6A6', aliases: ['Not started', 'N', 'NS', 'Gy'], rank: 2, complete: false },
  { label: 'Blue', meaning: 'Action completed and signed off', colour: '#0070C0', aliases: ['B', 'Complete', 'Completed', 'Done', 'Closed'], rank: 4, complete: true },
  { label: 'Green', meaning: 'Action on target', colour: '#00B050', aliases: ['G', 'On track', 'On target'], rank: 3, complete: false },
  { label: 'Amber', meaning: 'Action delayed and likely to miss completion deadline', colour: '#FFC000', aliases: ['A', 'Delayed', 'At risk'], rank: 1, complete: false },
  { label: 'Red', meaning: 'Action significantly delayed and has missed completion deadline', colour: '#C00000', aliases: ['R', 'Off track', 'Overdue'], rank: 0, complete: false },
];

export function standardLegend(): Legend {
  return { origin: 'standard', basis: 'Progress against timescale', entries: STANDARD.map((e) => ({ ...e, aliases: [...e.aliases] })) };
}

/** Standard facts about a status word, for building a legend from a workbook's key. */
export function standardEntry(label: string): LegendEntry | undefined {
  const l = label.trim().toLowerCase();
  return STANDARD.find((e) => e.label.toLowerCase() === l || e.aliases.some((a) => a.toLowerCase() === l));
}
