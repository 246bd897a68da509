import type { Command } from '../command';
import { UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { loadConfig } from '../../config/load';
import { readPolicyOf } from '../../config/read-policy';
import { setProcessReadPolicy } from '../../io/read-policy';
import { runMonthly } from '../../schedule/monthly';
import { LockHeld, LockUnusable } from '../../delivery/lock';
import { DeliveryRefused } from '../../delivery/papers';
import { isIsoDate } from '../../dates/iso';
import { UnreadableInputError } from '../../diagnostics/diagnostic';

const HELP = `Usage: cabinet monthly [--config FILE] [--out DIR] [--today yyyy-mm-dd] [--dry-run] [--send-partial] [--resend-uncertain]

For cron or a systemd timer: builds the board pack for the month that ended most recently and sends it
to the list in boardPack.sendTo. Idempotent (the pack is byte-identical for a month and the send ledger
skips what was delivered), locked so two runs (or a run and a cabinet send) never overlap, logs one
JSON object per line on stderr. A month with no readable plan sends nothing (exit 2, naming the files);
a pack missing some plans is not sent unless --send-partial (or boardPack.sendPartial: true).

Options:
  --config FILE    settings file
  --out DIR        where every file goes (default output): the pack to DIR/board-pack/<month>/, and with
                   --dry-run the .eml files to DIR/outbox/
  --today DATE     today's date, for scripts and tests (default: the system date)
  --dry-run        write the messages as .eml files (under delivery.outbox, or DIR/outbox) instead of sending
  --send-partial   send the pack even when some plans could not be read
  --resend-uncertain  send again to members an earlier run left uncertain (see cabinet send --help)

Exit codes: 0 ok, 1 data errors, a partial pack not sent, or someone not reached, 2 usage, settings, no
readable plan, lock held or unusable lock path.`;

export const monthlyCommand: Command = {
  name: 'monthly',
  summary: 'scheduled run: board pack for last month, sent to the board list',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { config: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'send-partial': { type: 'boolean' }, 'resend-uncertain': { type: 'boolean' } });
    if (values.today && !isIsoDate(values.today)) throw new UsageError(`--today expects yyyy-mm-dd, found "${values.today}"`);
    const level = (event: string) => (/failed|failing|refused|error|lock-held|unreadable|^uncertain|not-sent/.test(event) ? 'error' : /warning|retry|stale|waiting|still-uncertain/.test(event) ? 'warn' : 'info');
    const log = (event: string, details: Record<string, unknown> = {}) => io.stderr(JSON.stringify({ time: new Date().toISOString(), level: level(event), event, ...details }) + '\n');
    // A scheduler's log is JSON lines: even a settings file that cannot be read is reported as one.
    try {
      const loaded = loadConfig(values.config, io.cwd);
      if (loaded.diagnostics.length) {
        loaded.diagnostics.forEach((d) => log('settings-error', { ...d }));
        return 2;
      }
      setProcessReadPolicy(readPolicyOf(loaded.config, io.cwd));
      return await runMonthly({ config: loaded.config, settingsFile: loaded.file, outDir: values.out, today: values.today, dryRun: values['dry-run'], sendPartial: values['send-partial'], resendUncertain: values['resend-uncertain'], cwd: io.cwd, log });
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
