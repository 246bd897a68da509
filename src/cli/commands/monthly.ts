import type { Command } from '../command';
import { UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { loadConfig } from '../../config/load';
import { runMonthly } from '../../schedule/monthly';
import { LockHeld, LockUnusable } from '../../schedule/lock';
import { DeliveryRefused } from '../../delivery/papers';
import { isIsoDate } from '../../dates/iso';
import { UnreadableInputError } from '../../diagnostics/diagnostic';

const HELP = `Usage: cabinet monthly [--config FILE] [--out DIR] [--today yyyy-mm-dd] [--dry-run]

For cron or a systemd timer: builds the board pack for the month that ended most recently and sends it
to the list in boardPack.sendTo. Idempotent (the pack is byte-identical for a month and the send ledger
skips what was delivered), locked so two runs never overlap, logs one JSON object per line on stderr.

Options:
  --config FILE    settings file
  --out DIR        output root for the pack (default output; the pack goes to DIR/board-pack/<month>/)
  --today DATE     today's date, for scripts and tests (default: the system date)
  --dry-run        write the messages as .eml files under delivery.outbox instead of sending

Exit codes: 0 ok, 1 data errors or someone not reached, 2 usage, settings, lock held or unusable lock path.`;

export const monthlyCommand: Command = {
  name: 'monthly',
  summary: 'scheduled run: board pack for last month, sent to the board list',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { config: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    if (values.today && !isIsoDate(values.today)) throw new UsageError(`--today expects yyyy-mm-dd, found "${values.today}"`);
    const level = (event: string) => (/failed|refused|error|lock-held|unreadable/.test(event) ? 'error' : /warning|retry|stale/.test(event) ? 'warn' : 'info');
    const log = (event: string, details: Record<string, unknown> = {}) => io.stderr(JSON.stringify({ time: new Date().toISOString(), level: level(event), event, ...details }) + '\n');
    // A scheduler's log is JSON lines: even a settings file that cannot be read is reported as one.
    try {
      const loaded = loadConfig(values.config, io.cwd);
      if (loaded.diagnostics.length) {
        loaded.diagnostics.forEach((d) => log('settings-error', { ...d }));
        return 2;
      }
      return await runMonthly({ config: loaded.config, outDir: values.out, today: values.today, dryRun: values['dry-run'], cwd: io.cwd, log });
    } catch (e) {
      if (e instanceof UnreadableInputError) {
        log('unreadable', { file: e.file, error: e.reason });
        return 2;
      }
      if (e instanceof LockHeld) {
        log('lock-held', { error: e.message });
        return 2;
      }
      if (e instanceof LockUnusable) {
        log('lock-error', { error: e.message });
        return 2;
      }
      if (e instanceof DeliveryRefused) {
        log('refused', { error: e.message });
        return 1;
      }
      throw e;
    }
  },
};
