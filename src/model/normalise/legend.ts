import type { Legend, LegendEntry } from '../plan';
import { standardEntry, standardLegend } from '../standard-legend';
import type { Grid } from './grid';

const COLOUR_WORDS: Record<string, string> = {
  grey: '#A6A6A6', gray: '#A6A6A6', blue: '#0070C0', green: '#00B050', amber: '#FFC000', red: '#C00000',
  yellow: '#FFFF00', orange: '#ED7D31', purple: '#7030A0', black: '#000000', white: '#FFFFFF',
};
const STATUS_WORDS = /^(grey|gray|blue|green|amber|red|yellow|orange|purple|black|white|complete|completed|not started|on track|off track)$/i;
const KEY_HEADER = /^(status|key|brag|rag|brag key|rag key|rating)$/i;

export interface LegendBlock {
  legend: Legend;
  /** Last row of the key block (-1 when the standard legend was used): the plan's rows start after it. */
  lastRow: number;
}

/** The plan's own key (seed 001: "Status | Progress against timescale" then one row per colour), or the standard one. */
export function readLegend(grid: Grid, beforeRow: number): LegendBlock {
  const rows: number[] = [];
  let basis: string | undefined;
  let start: number | undefined;
  for (let r = 0; r < beforeRow; r++) {
    const [first, second] = grid.distinctTexts(r);
    if (first && second && KEY_HEADER.test(first) && !STATUS_WORDS.test(first)) {
      basis = second;
      start ??= r;
    } else if (first && second && STATUS_WORDS.test(first) && second.length > 3) {
      rows.push(r);
      start ??= r;
    }
  }
  if (rows.length < 2) return { legend: standardLegend(), lastRow: -1 };
  const entries = rows.map((r, i) => entryFromRow(grid, r, i));
  markComplete(entries);
  const firstRow = grid.sheet.rows[start!]?.find(Boolean);
  const legend: Legend = { origin: 'workbook', basis, entries };
  if (firstRow) legend.source = { sheet: grid.sheet.name, cell: firstRow.address };
  return { legend, lastRow: rows[rows.length - 1]! };
}

function entryFromRow(grid: Grid, r: number, order: number): LegendEntry {
  const cells = grid.usedCells(r);
  const [labelCell, meaningCell] = cells;
  const label = titleCase(labelCell!.text);
  const known = standardEntry(label);
  const colour = labelCell!.fill ?? meaningCell?.fill ?? COLOUR_WORDS[label.toLowerCase()] ?? known?.colour ?? '#A6A6A6';
  return {
    label,
    meaning: meaningCell!.text,
    colour,
    aliases: known ? [...known.aliases] : [],
    rank: known?.rank ?? order,
    complete: known?.complete ?? false,
  };
}

/** A legend must say which status means done: Blue/Complete by name, else the one whose meaning says complete. */
function markComplete(entries: LegendEntry[]): void {
  if (entries.some((e) => e.complete)) return;
  const done = entries.find((e) => /\bcomplet/i.test(e.meaning) && !/\bnot\b|delay|miss|likely/i.test(e.meaning));
  if (done) done.complete = true;
}

function titleCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

/** First letters accepted as shorthand where they are unambiguous in this legend (B, G, A, R). */
export function letterAliases(legend: Legend): Map<string, LegendEntry> {
  const byLetter = new Map<string, LegendEntry[]>();
  for (const e of legend.entries) {
    const l = e.label[0]!.toLowerCase();
    byLetter.set(l, [...(byLetter.get(l) ?? []), e]);
  }
  const out = new Map<string, LegendEntry>();
  for (const [letter, list] of byLetter) {
    // Grey and Green share "G": BRAG convention gives G to Green.
    const pick = list.length === 1 ? list[0] : list.find((e) => e.label === 'Green');
    if (pick) out.set(letter, pick);
  }
  return out;
}
