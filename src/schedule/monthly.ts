import * as path from 'node:path';
import type { Config } from '../config/schema';
import { buildBoardPack, type BoardPackOptions, type BoardPackResult } from '../board-pack/build-board-pack';
import { sendPapers, type Log } from '../delivery/send';
import { acquireLock } from './lock';

export interface MonthlyOptions {
  config: Config;
  today?: string | undefined;
  /** Output root for the pack (default output). */
  outDir?: string | undefined;
  dryRun?: boolean | undefined;
  cwd?: string;
  log: Log;
  /** The pack builder; injectable so the schedule can be tested on its own. */
  build?: (o: BoardPackOptions) => Promise<BoardPackResult>;
  env?: NodeJS.ProcessEnv;
}

/** `cabinet monthly`: the board pack for the month just ended, sent to the board's list. Safe to re-run. */
export async function runMonthly(o: MonthlyOptions): Promise<0 | 1> {
  const cwd = o.cwd ?? process.cwd();
  const lock = acquireLock(path.resolve(cwd, o.config.delivery.lockFile), { staleAfterMs: o.config.delivery.lockStaleHours * 3600 * 1000 });
  if (lock.tookOverFrom) o.log('stale-lock-taken-over', { lock: o.config.delivery.lockFile, previous: lock.tookOverFrom });
  try {
    const pack = await (o.build ?? buildBoardPack)({ month: 'auto', config: o.config, cwd, ...(o.today ? { today: o.today } : {}), ...(o.outDir ? { outDir: o.outDir } : {}) });
    o.log('board-pack-built', { month: pack.month, outputDir: path.relative(cwd, pack.outputDir), problems: pack.diagnostics.filter((d) => d.severity === 'error').length });
    const list = o.config.boardPack.sendTo;
    if (!list) {
      o.log('not-sent', { reason: 'boardPack.sendTo is not set' });
      return pack.exitCode;
    }
    const sent = await sendPapers({ inputs: [pack.outputDir], list, config: o.config, dryRun: o.dryRun, cwd, log: o.log, env: o.env });
    return pack.exitCode || sent.exitCode ? 1 : 0;
  } finally {
    lock.release();
  }
}
