import { UsageError } from './command';

/** --max-size in megabytes (decimals allowed) to bytes; undefined keeps the reader's default. */
export function parseMaxSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-size expects a number of megabytes, found "${value}"`);
  return Math.round(mb * 1024 * 1024);
}
