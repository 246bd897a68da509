/**
 * The bounds every read works within, so no input (a zip bomb, a device, a sheet claiming a million rows)
 * can make a build hang or run out of memory. The defaults are the settings' defaults (`limits:` in the
 * settings file); `setting` names the key a refusal message tells the user to change.
 */
export interface ReadLimits {
  /** Largest workbook or font file, in bytes (settings: limits.maxFileMB). */
  maxFileBytes: number;
  /** Largest Markdown or YAML source: report, decision record, meeting file, template (limits.maxTextMB). */
  maxTextBytes: number;
  /** Largest image: a figure in a report or the council's logo (limits.maxImageMB). */
  maxImageBytes: number;
  /** Most entries a zip workbook (.xlsx, .xlsm, .ods) may hold. */
  zipMaxEntries: number;
  /** Most bytes a zip workbook may expand to, all entries together. */
  zipMaxUncompressedBytes: number;
  /** Highest expansion ratio of one zip entry (checked for entries over ZIP_RATIO_FLOOR bytes). */
  zipMaxRatio: number;
  /** Deepest element nesting in any XML part of a workbook. */
  xmlMaxDepth: number;
}

const KB = 1024;
const MB = 1024 * 1024;

/**
 * Defaults: generous for real plans (a 200,000-row sheet is 60 MB of XML at a ratio of 10), tight for bombs.
 * Text sources get far less than workbooks: a 2 MB report is some 300,000 words, and everything read as
 * text is parsed, templated and laid out, so its size bounds the work, not only the memory.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 50 * MB,
  maxTextBytes: 2 * MB,
  maxImageBytes: 20 * MB,
  zipMaxEntries: 5000,
  zipMaxUncompressedBytes: 200 * MB,
  zipMaxRatio: 200,
  xmlMaxDepth: 100,
};

/** What a file is read as, which decides its size limit. */
export type ReadKind = 'workbook' | 'text' | 'image' | 'font';

export const KIND_LIMIT: Record<ReadKind, 'maxFileBytes' | 'maxTextBytes' | 'maxImageBytes'> = {
  workbook: 'maxFileBytes',
  font: 'maxFileBytes',
  text: 'maxTextBytes',
  image: 'maxImageBytes',
};

/** Small entries compress however they like (a 2 KB run of one character): the ratio matters only above this. */
export const ZIP_RATIO_FLOOR = 1 * MB;

/** The settings key behind each limit, for messages ("limits.zipMaxRatio in the settings file raises it"). */
export const LIMIT_SETTING: Record<keyof ReadLimits, string> = {
  maxFileBytes: 'limits.maxFileMB',
  maxTextBytes: 'limits.maxTextMB',
  maxImageBytes: 'limits.maxImageMB',
  zipMaxEntries: 'limits.zipMaxEntries',
  zipMaxUncompressedBytes: 'limits.zipMaxUncompressedMB',
  zipMaxRatio: 'limits.zipMaxRatio',
  xmlMaxDepth: 'limits.xmlMaxDepth',
};

/** The settings block (sizes in MB, as people write them) as the limits readers use. */
export function readLimitsFromSettings(settings: {
  maxFileMB: number;
  maxTextMB?: number | undefined;
  maxImageMB?: number | undefined;
  zipMaxEntries: number;
  zipMaxUncompressedMB: number;
  zipMaxRatio: number;
  xmlMaxDepth: number;
}): ReadLimits {
  return {
    maxFileBytes: Math.round(settings.maxFileMB * MB),
    maxTextBytes: settings.maxTextMB === undefined ? DEFAULT_READ_LIMITS.maxTextBytes : Math.round(settings.maxTextMB * MB),
    maxImageBytes: settings.maxImageMB === undefined ? DEFAULT_READ_LIMITS.maxImageBytes : Math.round(settings.maxImageMB * MB),
    zipMaxEntries: settings.zipMaxEntries,
    zipMaxUncompressedBytes: Math.round(settings.zipMaxUncompressedMB * MB),
    zipMaxRatio: settings.zipMaxRatio,
    xmlMaxDepth: settings.xmlMaxDepth,
  };
}

const bytesText = (n: number) => `${n.toLocaleString('en-GB')} byte${n === 1 ? '' : 's'}`;

/** A size in the unit that shows it: "512 bytes", "1.5 KB", "64.0 MB"; never "0.0 MB". */
export function humanSize(n: number): string {
  if (n < KB) return bytesText(n);
  if (n < MB) return `${(n / KB).toFixed(1)} KB`;
  return `${(n / MB).toFixed(1)} MB`;
}

/** Kept for callers that name sizes in megabytes; it too picks the unit that shows the number. */
export const megabytes = humanSize;

/** Sizes of parts, which may be a few bytes: "4,096 bytes", "64.0 MB". */
export const sizeText = (n: number) => (n < MB ? bytesText(n) : humanSize(n));

/**
 * "file is 2.1 MB, over the limit of 2.0 MB": both in the limit's unit, and in bytes when rounding would
 * show the two as the same number (a file one byte over), so the sentence never contradicts itself.
 */
export function overLimitText(size: number, limit: number): string {
  const unit = limit < KB ? 1 : limit < MB ? KB : MB;
  const name = unit === 1 ? '' : unit === KB ? ' KB' : ' MB';
  const inUnit = (n: number) => (unit === 1 ? bytesText(n) : `${(n / unit).toFixed(1)}${name}`);
  const [s, l] = [inUnit(size), inUnit(limit)];
  return s === l ? `file is ${bytesText(size)}, over the limit of ${bytesText(limit)}` : `file is ${s}, over the limit of ${l}`;
}

/** "…; limits.zipMaxRatio in the settings file changes it" — the tail every refusal ends with. */
export const changeWith = (limit: keyof ReadLimits, extra = '') => `(${LIMIT_SETTING[limit]} in the settings file${extra} changes it)`;
