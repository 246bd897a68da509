import type { Diagnostic } from '../../diagnostics/diagnostic';
import { warning } from '../../diagnostics/diagnostic';
import type { RawWorkbook } from '../../readers/raw';
import type { Legend, LegendEntry } from '../plan';
import { standardEntry, standardLegend } from '../standard-legend';
import { Grid } from './grid';
import { KEY_SHEET, findKeyBeside, findKeyBlock, keySheetBlock, withoutKey, type KeyBlock, type KeyRow } from './key-block';
import { FAMILY_COLOUR, FAMILY_ORDER, familyOfColour, familyOfWords, type Family } from './status-family';

/** A council's own facts about a status word (settings `legend:`); every field but the label is optional. */
export interface LegendSetting {
  label: string;
  meaning?: string | undefined;
  colour?: string | undefined;
  rank?: number | undefined;
  complete?: boolean | undefined;
  exception?: boolean | undefined;
  aliases?: string[] | undefined;
}

const COLOUR_WORDS: Record<string, string> = {
  grey: '#A6A6A6', gray: '#A6A6A6', blue: '#0070C0', green: '#00B050', amber: '#FFC000', red: '#C00000',
  yellow: '#FFFF00', orange: '#ED7D31', purple: '#7030A0', black: '#000000', white: '#FFFFFF',
};

export interface LegendFound {
  legend: Legend;
  /** First and last row of a key block above the table: the walker passes over them. */
  keyRows?: { from: number; to: number } | undefined;
  /** The grid to walk: the plan's sheet without a key beside its table. */
  grid: Grid;
  diagnostics: Diagnostic[];
}

/**
 * The plan's status key, wherever the council put it: a block above the table, a block beside it, or a sheet
 * named Key/Legend/RAG key/Status key; else the settings' `legend:`; else the standard BRAG legend. Settings
 * entries refine a workbook key's entries of the same word (rank, complete, exception, aliases, colour when
 * the key has no fill).
 */
export function findLegend(grid: Grid, headerRow: number, workbook: RawWorkbook, settings: readonly LegendSetting[] = []): LegendFound {
  const sheet = grid.sheet.name;
  const above = findKeyBlock(grid, 0, headerRow);
  if (above) return { ...fromKey(above, sheet, workbook.file, settings), keyRows: { from: above.firstRow, to: above.lastRow }, grid };
  const beside = findKeyBeside(grid, headerRow);
  if (beside) return { ...fromKey(beside.block, sheet, workbook.file, settings), grid: new Grid(withoutKey(grid.sheet, beside.block, beside.firstCol)) };
  for (const keySheet of workbook.sheets.filter((s) => s !== grid.sheet && KEY_SHEET.test(s.name.trim()))) {
    const block = keySheetBlock(keySheet);
    if (block) return { ...fromKey(block, keySheet.name, workbook.file, settings), grid };
  }
  if (settings.length) return { legend: fromSettings(settings), grid, diagnostics: [] };
  return { legend: standardLegend(), grid, diagnostics: [] };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const settingFor = (label: string, settings: readonly LegendSetting[]) =>
  settings.find((s) => same(s.label, label) || (s.aliases ?? []).some((a) => same(a, label)));

/** The family a key entry belongs to: its word first ("Achieved"), then its fill, then its meaning. */
export function familyOf(e: { label: string; meaning: string; colour?: string | undefined }): Family | undefined {
  const numeric = /^\d{1,2}$/.test(e.label.trim());
  return (numeric ? undefined : familyOfWords(e.label)) ?? familyOfColour(e.colour) ?? familyOfWords(e.meaning);
}

function fromKey(block: KeyBlock, sheet: string, file: string, settings: readonly LegendSetting[]): Omit<LegendFound, 'keyRows' | 'grid'> {
  const diagnostics: Diagnostic[] = [];
  const kept: KeyRow[] = [];
  for (const row of block.rows) {
    const first = kept.find((k) => same(k.label, row.label));
    if (first) diagnostics.push(warning('legend-duplicate', `the key lists "${row.label}" twice (first at ${first.cell}): the first entry is used`, { file, sheet, cell: row.cell }));
    else kept.push(row);
  }
  const drafts = kept.map((row) => {
    const s = settingFor(row.label, settings);
    const family = familyOf({ label: row.label, meaning: row.meaning, colour: row.fill });
    if (!family && s?.rank === undefined)
      diagnostics.push(warning('legend-severity-unknown', `cannot tell how serious "${row.label}" (${row.meaning}) is from its colour or words: it is ranked with on-track statuses and is not an exception; give it a rank under legend: in the settings`, { file, sheet, cell: row.cell }));
    return { row, s, family };
  });
  const entries = rankEntries(drafts.map(({ row, s, family }) => ({
    label: row.label,
    meaning: row.meaning,
    colour: row.fill ?? s?.colour ?? COLOUR_WORDS[row.label.toLowerCase()] ?? FAMILY_COLOUR[family ?? 'grey'],
    family,
    setting: s,
  })));
  markComplete(entries);
  const legend: Legend = { origin: 'workbook', entries, source: { sheet, cell: block.start } };
  if (block.basis) legend.basis = block.basis;
  return { legend, diagnostics };
}

function fromSettings(settings: readonly LegendSetting[]): Legend {
  const entries = rankEntries(settings.map((s) => {
    const family = familyOf({ label: s.label, meaning: s.meaning ?? '', colour: s.colour });
    return { label: s.label, meaning: s.meaning ?? s.label, colour: s.colour ?? COLOUR_WORDS[s.label.toLowerCase()] ?? FAMILY_COLOUR[family ?? 'grey'], family, setting: s };
  }));
  markComplete(entries);
  return { origin: 'settings', entries };
}

interface Draft {
  label: string;
  meaning: string;
  colour: string;
  family: Family | undefined;
  setting: LegendSetting | undefined;
}

/**
 * Ranks worst (0) to best by family (red, amber, grey, green, blue; an unknown family sits with green), the
 * key's own order breaking ties; a settings rank wins. Entries stay in the key's order: that is the order of
 * the summary columns and the chart.
 */
function rankEntries(drafts: Draft[]): LegendEntry[] {
  const order = (f: Family | undefined) => FAMILY_ORDER.indexOf(f ?? 'green');
  const sorted = drafts.map((d, i) => ({ d, i })).sort((a, b) => order(a.d.family) - order(b.d.family) || a.i - b.i);
  const inferred = new Map(sorted.map(({ d }, rank) => [d, rank]));
  return drafts.map((d) => {
    const s = d.setting;
    const complete = s?.complete ?? d.family === 'blue';
    return {
      label: d.label,
      meaning: d.meaning,
      colour: d.colour.toUpperCase(),
      aliases: [
        ...(s?.aliases ?? []),
        ...(s && !same(s.label, d.label) ? [s.label] : []),
        // A key of colour words keeps the standard spellings of the same status ("Complete" for Blue).
        ...(COLOUR_LABEL.test(d.label) ? (standardEntry(d.label)?.aliases ?? []).filter((a) => a.length > 1) : []),
      ],
      rank: s?.rank ?? inferred.get(d)!,
      complete,
      exception: s?.exception ?? (!complete && (d.family === 'red' || d.family === 'amber')),
      notStarted: !complete && d.family === 'grey',
    };
  });
}

/** A legend must say which status means done: by its word or colour, else the one whose meaning says complete. */
function markComplete(entries: LegendEntry[]): void {
  if (entries.some((e) => e.complete)) return;
  const done = entries.find((e) => /\bcomplet/i.test(e.meaning) && !/\bnot\b|delay|miss|likely/i.test(e.meaning));
  if (done) {
    done.complete = true;
    done.exception = false;
  }
}

const COLOUR_LABEL = /^(grey|gray|blue|green|amber|red)$/i;

/**
 * First letters accepted as shorthand (B, G, A, R) only in a key of colour words: in a key of "Achieved / On
 * course / Slipping" an "A" would be a guess, so it is an unknown status instead.
 */
export function letterAliases(legend: Legend): Map<string, LegendEntry> {
  const byLetter = new Map<string, LegendEntry[]>();
  for (const e of legend.entries.filter((x) => COLOUR_LABEL.test(x.label))) {
    const l = e.label[0]!.toLowerCase();
    byLetter.set(l, [...(byLetter.get(l) ?? []), e]);
  }
  const out = new Map<string, LegendEntry>();
  for (const [letter, list] of byLetter) {
    // Grey and Green share "G": BRAG convention gives G to Green.
    const pick = list.length === 1 ? list[0] : list.find((e) => e.label.toLowerCase() === 'green');
    if (pick) out.set(letter, pick);
  }
  return out;
}
