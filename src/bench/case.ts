/**
 * A benchmark case. Each case runs in its own child process (see run.ts) so peak RSS is its own.
 * Files named `*.bench.ts` in this folder export `cases: BenchCase[]`; run.ts finds them.
 */
export interface BenchCase {
  name: string;
  /** Makes inputs (e.g. a big workbook on disk) in a process of its own, so they do not count in run()'s peak RSS. */
  prepare?(): Promise<void>;
  /** The bound the case must stay within (wall ms, peak RSS MB); run.ts prints "ok" or "OVER". */
  target?: { ms: number; mb: number };
  /** Does the work once and returns figures to print besides time and peak RSS (e.g. pages, rows). */
  run(): Promise<Record<string, string | number>>;
}
