import type { Command } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, UsageError, EXIT_USAGE } from '../command';
import { parseCommandArgs } from '../args';
import { settingsOrReport } from '../options';
import { sendPapers } from '../../delivery/send';
import { DeliveryRefused } from '../../delivery/papers';

const HELP = `Usage: cabinet send <file.pdf… | built folder> --list NAME [--dry-run [--out DIR]] [--classification public] [--config FILE] [--json]

Emails generated PDFs to a distribution list from the settings file (delivery.lists), one message per
recipient. A built folder sends every PDF its manifest.json lists.

  --list NAME                the distribution list
  --dry-run                  write each message as an .eml file under delivery.outbox; send nothing
  --out DIR                  with --dry-run: write the .eml files here instead of delivery.outbox
  --classification public    state that files without a manifest.json are public (otherwise refused)
  --config FILE              settings file
  --json                     print the result as JSON

Exempt papers are refused for lists not cleared for them (exemptCleared: true), before anything is sent
to anyone. A send ledger (delivery.ledger) records each delivery: re-running the same send skips those
already delivered; a changed file is a new send. Transient SMTP failures are retried with backoff.
SMTP host/port/user from the settings or CABINET_SMTP_HOST / _PORT / _USER; the password only from
CABINET_SMTP_PASSWORD. Deadlines: delivery.smtp.connectionTimeoutMs, greetingTimeoutMs, socketTimeoutMs.

Exit codes: 0 all reached (or already had it), 1 some recipient not reached, or the papers refused (exempt
for this list, changed since built, no manifest), 2 usage, settings or unreadable input.`;

export const sendCommand: Command = {
  name: 'send',
  summary: 'email generated PDFs to a distribution list, safely',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { list: { type: 'string' }, 'dry-run': { type: 'boolean' }, out: { type: 'string' }, classification: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.list) throw new UsageError('--list is required');
    if (!positionals.length) throw new UsageError('name the PDFs or the built folder to send');
    if (values.classification && values.classification !== 'public') throw new UsageError('--classification takes only "public": exempt papers must come with their manifest');
    if (values.out && !values['dry-run']) throw new UsageError('--out is for --dry-run (where the .eml files go); a real send writes no files');
    const loaded = settingsOrReport(values.config, io);
    if (!loaded) return EXIT_USAGE;
    const config = values.out ? { ...loaded, delivery: { ...loaded.delivery, outbox: values.out } } : loaded;
    const lists = config.delivery.lists.map((l) => l.name);
    if (!lists.includes(values.list)) throw new UsageError(`--list ${values.list}: no such distribution list in the settings (delivery.lists: ${lists.join(', ') || 'none'})`);
    try {
      const log = values.json ? undefined : (event: string, d?: Record<string, unknown>) => io.stderr(JSON.stringify({ time: new Date().toISOString(), event, ...d }) + '\n');
      const r = await sendPapers({ inputs: positionals, list: values.list, config, dryRun: values['dry-run'], vouchPublic: values.classification === 'public', cwd: io.cwd, log });
      if (values.json) io.stdout(JSON.stringify(r, null, 2) + '\n');
      else {
        for (const f of r.failed) io.stdout(`not delivered to ${f.recipient}: ${f.error}\n`);
        io.stdout(`${r.sent.length} sent, ${r.skipped.length} already delivered, ${r.failed.length} not delivered${r.outbox.length ? `, ${r.outbox.length} written to the outbox` : ''}\n`);
      }
      return r.exitCode ? EXIT_DATA_ERRORS : EXIT_OK;
    } catch (e) {
      if (!(e instanceof DeliveryRefused)) throw e;
      io.stderr(`cabinet send: ${e.message}\n`);
      return EXIT_DATA_ERRORS;
    }
  },
};
