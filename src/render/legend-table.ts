import type { Legend } from '../model/plan';
import type { TableBlock } from './layout';
import { colouredWord, legendColour } from './status-cell';
import { englishWords, type Words } from './report/templates';

/** The plan's key as a table: each status word on its colour, with what it means in this plan. */
export function legendTable(legend: Legend, overrides: Record<string, string> = {}, words: Words = englishWords()): TableBlock {
  return {
    kind: 'table',
    summary: 'Status key: what each status colour means in this plan',
    role: 'data',
    columns: [{ header: words.status, width: 1 }, { header: legend.basis ?? words.meaning, width: 5 }],
    rows: legend.entries.map((e) => [colouredWord(e.label, legendColour(legend, e.label, overrides)), { runs: [{ text: e.meaning }] }]),
  };
}
