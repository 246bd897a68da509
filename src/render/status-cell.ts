import type { Legend, Status } from '../model/plan';
import type { TableCell } from './layout';
import { textColourFor } from './contrast';
import { englishWords } from './report/templates';

/** The legend colour for a label, with the council's configured override winning. */
export function legendColour(legend: Legend, label: string, overrides: Record<string, string> = {}): string | undefined {
  return overrides[label] ?? legend.entries.find((e) => e.label === label)?.colour;
}

/** A status cell: the word always (colour is never the only signal), on its legend colour with readable text. */
export function statusCell(status: Status | undefined, legend: Legend, overrides: Record<string, string> = {}, notRated = englishWords().notRated): TableCell {
  if (!status) return { runs: [{ text: notRated }] };
  return colouredWord(status.label, legendColour(legend, status.label, overrides));
}

export function colouredWord(word: string, fill: string | undefined): TableCell {
  if (!fill) return { runs: [{ text: word, bold: true }] };
  return { runs: [{ text: word, bold: true }], fill, textColour: textColourFor(fill).colour };
}
