/**
 * The bounds every read works within, so no input (a zip bomb, a device, a sheet claiming a million rows)
 * can make a build hang or run out of memory. The defaults are the settings' defaults (`limits:` in the
 * settings file); `setting` names the key a refusal message tells the user to change.
 */
export interface ReadLimits {
  /** Largest input file, in bytes (settings: limits.maxFileMB). */
  maxFileBytes: number;
  /** Most entries a zip workbook (.xlsx, .xlsm, .ods) may hold. */
  zipMaxEntries: number;
  /** Most bytes a zip workbook may expand to, all entries together. */
  zipMaxUncompressedBytes: number;
  /** Highest expansion ratio of one zip entry (checked for entries over ZIP_RATIO_FLOOR bytes). */
  zipMaxRatio: number;
  /** Deepest element nesting in any XML part of a workbook. */
  xmlMaxDepth: number;
}

const MB = 1024 * 1024;

/** Defaults: generous for real plans (a 200,000-row sheet is 60 MB of XML at a ratio of 10), tight for bombs. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 50 * MB,
  zipMaxEntries: 5000,
  zipMaxUncompressedBytes: 200 * MB,
  zipMaxRatio: 200,
  xmlMaxDepth: 100,
};

/** Small entries compress however they like (a 2 KB run of one character): the ratio matters only above this. */
export const ZIP_RATIO_FLOOR = 1 * MB;

/** The settings key behind each limit, for messages ("limits.zipMaxRatio in the settings file raises it"). */
export const LIMIT_SETTING: Record<keyof ReadLimits, string> = {
  maxFileBytes: 'limits.maxFileMB',
  zipMaxEntries: 'limits.zipMaxEntries',
  zipMaxUncompressedBytes: 'limits.zipMaxUncompressedMB',
  zipMaxRatio: 'limits.zipMaxRatio',
  xmlMaxDepth: 'limits.xmlMaxDepth',
};

/** The settings block (sizes in MB, as people write them) as the limits readers use. */
export function readLimitsFromSettings(settings: {
  maxFileMB: number;
  zipMaxEntries: number;
  zipMaxUncompressedMB: number;
  zipMaxRatio: number;
  xmlMaxDepth: number;
}): ReadLimits {
  return {
    maxFileBytes: Math.round(settings.maxFileMB * MB),
    zipMaxEntries: settings.zipMaxEntries,
    zipMaxUncompressedBytes: Math.round(settings.zipMaxUncompressedMB * MB),
    zipMaxRatio: settings.zipMaxRatio,
    xmlMaxDepth: settings.xmlMaxDepth,
  };
}

export const megabytes = (n: number) => `${(n / MB).toFixed(1)} MB`;

/** Sizes of parts, which may be a few bytes: "4,096 bytes", "64.0 MB". */
export const sizeText = (n: number) => (n < MB ? `${n.toLocaleString('en-GB')} bytes` : megabytes(n));

/** "…; limits.zipMaxRatio in the settings file changes it" — the tail every refusal ends with. */
export const changeWith = (limit: keyof ReadLimits, extra = '') => `(${LIMIT_SETTING[limit]} in the settings file${extra} changes it)`;
