/**
 * How serious a status is, read from its colour and its words: the five families every RAG/BRAG key is a
 * variant of. A council's key says "Off track" or "Slipping" where ours says Red or Amber; the family is what
 * lets the board pack pick exceptions by severity instead of by the words Red and Amber.
 */
export type Family = 'red' | 'amber' | 'grey' | 'green' | 'blue';

/** Worst to best: the default order of ranks (not started sits between at risk and on track, as in BRAG). */
export const FAMILY_ORDER: readonly Family[] = ['red', 'amber', 'grey', 'green', 'blue'];

/** The standard colour of each family, for keys that give words without fills. */
export const FAMILY_COLOUR: Record<Family, string> = { red: '#C00000', amber: '#FFC000', grey: '#A6A6A6', green: '#00B050', blue: '#0070C0' };

export function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * The family of a fill colour by hue (Excel's own Good/Bad/Neutral pale fills included). White and near-white
 * fills are "no status"; purple and other hues say nothing about severity.
 */
export function familyOfColour(hex: string | undefined): Family | undefined {
  if (!hex || !/^#[0-9A-Fa-f]{6}$/.test(hex)) return undefined;
  const [r, g, b] = hexToRgb(hex).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (l > 0.94) return undefined;
  const d = max - min;
  const s = d === 0 ? 0 : l > 0.5 ? d / (2 - max - min) : d / (max + min);
  if (s < 0.18 || l < 0.08) return 'grey';
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h = (h * 60 + 360) % 360;
  if (h < 15 || h >= 340) return 'red';
  if (h < 70) return 'amber';
  if (h < 170) return 'green';
  if (h < 260) return 'blue';
  return undefined;
}

/** Checked in this order: "not started" before "started", "not on track" before "on track", delay before completion. */
const WORDS: [Family, RegExp][] = [
  ['grey', /\b(not (yet )?(begun|started|commenced|due|live|active)|yet to (start|begin|commence)|future action|pending|grey|gray)\b/],
  ['red', /\b(off[ -]?(track|course|target)|not on (track|target|course|schedule)|significant(ly)? (delay|behind|slip)\w*|missed|overdue|failed|failing|stalled|critical|serious|severe|major (concern|issue|risk)s?|red)\b/],
  ['amber', /\b(slipping|slipped|slippage|at risk|delay(s|ed)?|behind|some (concern|issue|risk)s?|minor|amber|yellow|in jeopardy|partially)\b/],
  ['blue', /\b(achieved|complete|completed|done|closed|delivered|finished|signed off|embedded|blue)\b/],
  ['green', /\b(on (track|target|course|schedule|time)|progressing|in progress|good progress|underway|under way|proceeding|green)\b/],
];

/** The family a status word or a key's meaning names, if it names one. */
export function familyOfWords(text: string | undefined): Family | undefined {
  const t = (text ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (!t) return undefined;
  return WORDS.find(([, re]) => re.test(t))?.[0];
}
