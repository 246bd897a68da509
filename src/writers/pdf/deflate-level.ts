/**
 * The zlib level pdfkit compresses streams at (page contents, font subsets, image masks). pdfkit calls
 * zlib.deflateSync with zlib's default, level 6, which was a fifth of the time of drawing a page. Level 3
 * (zlib's fast matcher) measured on the 5,000-action report's 407 streams, 14.4 MB: 1.17 MB at level 6 in
 * about 160 ms, 1.31 MB at level 3 in about 60 ms, so the file grows 2.5% and its compression takes a third
 * of the time. Level 1 and 2 save little more and grow the streams further.
 */
export const DEFLATE_LEVEL = 3;

type DeflateSync = (data: Buffer, options?: object) => Buffer;

/** Runs `fn` (synchronous: pdfkit's drawing) with pdfkit's zlib.deflateSync at DEFLATE_LEVEL. */
export function atDeflateLevel<T>(fn: () => T): T {
  // The module object itself (pdfkit calls its deflateSync), not an import's read-only namespace.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('node:zlib') as { deflateSync: DeflateSync };
  const deflateSync = zlib.deflateSync;
  zlib.deflateSync = (data, options) => deflateSync(data, { ...options, level: DEFLATE_LEVEL });
  try {
    return fn();
  } finally {
    zlib.deflateSync = deflateSync;
  }
}
