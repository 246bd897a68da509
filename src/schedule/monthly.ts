import * as path from 'node:path';
import type { Config } from '../config/schema';
import { buildBoardPack, type BoardPackOptions, type BoardPackResult } from '../board-pack/build-board-pack';
import { sendPapers, type Log } from '../delivery/send';
import { acquireLock } from '../delivery/lock';
import { statePaths } from '../delivery/state-paths';

export interface MonthlyOptions {
  config: Config;
  today?: string | undefined;
  /** Where every file of the run goes: the pack (DIR/board-pack/<month>/) and, on a dry run, the .eml files (DIR/outbox/). */
  outDir?: string | undefined;
  dryRun?: boolean | undefined;
  /** Send a pack although some plans could not be read (as boardPack.sendPartial). */
  sendPartial?: boolean | undefined;
  resendUncertain?: boolean | undefined;
  /** The settings file, beside which the ledger lives by default. */
  settingsFile?: string | undefined;
  cwd?: string;
  log: Log;
  /** The pack builder; injectable so the schedule can be tested on its own. */
  build?: (o: BoardPackOptions) => Promise<BoardPackResult>;
  env?: NodeJS.ProcessEnv;
}

/**
 * `cabinet monthly`: the board pack for the month just ended, sent to the board's list. Safe to re-run.
 * Exit 2 when no plan could be read (nothing is sent), 1 for data errors or someone not reached.
 */
export async function runMonthly(o: MonthlyOptions): Promise<0 | 1 | 2> {
  const cwd = o.cwd ?? process.cwd();
  const paths = statePaths(o.config.delivery, { cwd, settingsFile: o.settingsFile });
  const lock = acquireLock(paths.runLock, { staleAfterMs: o.config.delivery.lockStaleHours * 3600 * 1000 });
  if (lock.tookOverFrom) o.log('stale-lock-taken-over', { lock: path.relative(cwd, paths.runLock), previous: lock.tookOverFrom });
  try {
    const pack = await (o.build ?? buildBoardPack)({ month: 'auto', config: o.config, cwd, ...(o.today ? { today: o.today } : {}), ...(o.outDir ? { outDir: o.outDir } : {}) });
    const unread = pack.unreadablePlans;
    o.log('board-pack-built', { month: pack.month, outputDir: path.relative(cwd, pack.outputDir), written: pack.written, problems: pack.diagnostics.filter((d) => d.severity === 'error').length, plansRead: pack.readablePlans, plansNotRead: unread });
    // A pack that says nothing is never sent (the builder kept the previous one): exit 2, naming the files.
    if (!pack.written || !pack.readablePlans.length) {
      o.log('not-sent', { reason: `no plan for ${pack.month} could be read, so there is no pack to send`, files: unread.length ? unread : o.config.boardPack.planFolders.map((f) => `${f} (no plan workbooks)`) });
      return 2;
    }
    if (unread.length && !(o.sendPartial || o.config.boardPack.sendPartial)) {
      o.log('not-sent', { reason: `${unread.length} plan${unread.length === 1 ? '' : 's'} could not be read, so the pack would give the board a partial picture; fix ${unread.length === 1 ? 'it' : 'them'}, or send it anyway with --send-partial (or boardPack.sendPartial: true)`, files: unread });
      return 1;
    }
    const list = o.config.boardPack.sendTo;
    if (!list) {
      o.log('not-sent', { reason: 'boardPack.sendTo is not set' });
      return pack.exitCode;
    }
    const config = o.dryRun && o.outDir ? { ...o.config, delivery: { ...o.config.delivery, outbox: path.join(o.outDir, 'outbox') } } : o.config;
    const sent = await sendPapers({ inputs: [pack.outputDir], list, config, dryRun: o.dryRun, cwd, log: o.log, env: o.env, settingsFile: o.settingsFile, resendUncertain: o.resendUncertain, holdingLock: paths.runLock });
    return pack.exitCode || sent.exitCode ? 1 : 0;
  } finally {
    lock.release();
  }
}
