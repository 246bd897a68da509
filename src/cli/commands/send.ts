import type { Command, CommandIO } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, UsageError, EXIT_USAGE } from '../command';
import { parseCommandArgs } from '../args';
import { settingsOrReport } from '../options';
import { loadConfig } from '../../config/load';
import { sendPapers, type SendResult } from '../../delivery/send';
import { DeliveryRefused } from '../../delivery/papers';
import { LockHeld, LockUnusable } from '../../delivery/lock';

const HELP = `Usage: cabinet send <file.pdf… | built folder> --list NAME [--dry-run [--out DIR]] [--resend-uncertain] [--classification public] [--config FILE] [--json]

Emails generated PDFs to a distribution list from the settings file (delivery.lists), one message per
recipient. A built folder sends every PDF its manifest.json lists.

  --list NAME                the distribution list
  --dry-run                  write each message as an .eml file under delivery.outbox; send nothing
  --out DIR                  with --dry-run: write the .eml files here instead of delivery.outbox
  --resend-uncertain         send again to recipients an earlier run left uncertain (the server took the
                             message and never confirmed it: they may already have it)
  --classification public    state that files without a manifest.json are public (otherwise refused)
  --config FILE              settings file
  --json                     print the result as JSON

Exempt papers are refused for lists not cleared for them (exemptCleared: true), before anything is sent
to anyone. The send ledger (delivery.ledger, default send-ledger.jsonl beside the settings file) records
each recipient's outcome: re-running the same send sends only what is missing; a changed file is a new
send. One send at a time per ledger (a lock beside it); a "try later" (4xx) reply is retried with backoff.
When the mail server times out, drops the connection or refuses it, nobody after that waits for it: the
rest are recorded as not sent and named. Waits: delivery.smtp.connectionTimeoutMs (15 s),
greetingTimeoutMs (15 s), socketTimeoutMs (15 s); the whole run: delivery.deadlineSeconds (600).
SMTP host/port/user from the settings or CABINET_SMTP_HOST / _PORT / _USER; the password only from
CABINET_SMTP_PASSWORD.

Exit codes: 0 all reached (or already had it), 1 someone not reached or uncertain, or the papers refused
(exempt for this list, changed since built, no manifest), 2 usage, settings, unreadable input, or another
send holding the ledger.`;

export const sendCommand: Command = {
  name: 'send',
  summary: 'email generated PDFs to a distribution list, safely',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { list: { type: 'string' }, 'dry-run': { type: 'boolean' }, out: { type: 'string' }, 'resend-uncertain': { type: 'boolean' }, classification: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.list) throw new UsageError('--list is required');
    if (!positionals.length) throw new UsageError('name the PDFs or the built folder to send');
    if (values.classification && values.classification !== 'public') throw new UsageError('--classification takes only "public": exempt papers must come with their manifest');
    if (values.out && !values['dry-run']) throw new UsageError('--out is for --dry-run (where the .eml files go); a real send writes no files');
    const loaded = loadConfig(values.config, io.cwd);
    if (loaded.diagnostics.length) {
      settingsOrReport(values.config, io);
      return EXIT_USAGE;
    }
    const config = values.out ? { ...loaded.config, delivery: { ...loaded.config.delivery, outbox: values.out } } : loaded.config;
    const lists = config.delivery.lists.map((l) => l.name);
    if (!lists.includes(values.list)) throw new UsageError(`--list ${values.list}: no such distribution list in the settings (delivery.lists: ${lists.join(', ') || 'none'})`);
    try {
      const log = values.json ? undefined : (event: string, d: Record<string, unknown> = {}) => progressLine(io, event, d);
      const r = await sendPapers({ inputs: positionals, list: values.list, config, dryRun: values['dry-run'], vouchPublic: values.classification === 'public', resendUncertain: values['resend-uncertain'], settingsFile: loaded.file, cwd: io.cwd, log });
      if (values.json) io.stdout(JSON.stringify(r, null, 2) + '\n');
      else summary(io, r);
      return r.exitCode ? EXIT_DATA_ERRORS : EXIT_OK;
    } catch (e) {
      if (e instanceof LockHeld || e instanceof LockUnusable) {
        io.stderr(`cabinet send: ${e instanceof LockHeld ? 'another send or monthly run is using the same send ledger: ' : ''}${e.message}; nothing was sent${e instanceof LockHeld ? ': try again when it has finished' : ''}\n`);
        return EXIT_USAGE;
      }
      if (!(e instanceof DeliveryRefused)) throw e;
      io.stderr(`cabinet send: ${e.message}\n`);
      return EXIT_DATA_ERRORS;
    }
  },
};

function summary(io: CommandIO, r: SendResult): void {
  for (const f of r.failed) io.stdout(`not delivered to ${f.recipient}: ${f.error}\n`);
  // Grouped: a failing server leaves one line naming everyone it kept from being tried, not one per member.
  const byReason = new Map<string, string[]>();
  for (const f of r.notSent) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.recipient]);
  for (const [reason, who] of byReason) io.stdout(`not delivered to ${who.join(', ')}: ${reason}\n`);
  for (const f of r.uncertain) io.stdout(`uncertain for ${f.recipient}: ${f.error}\n`);
  if (r.stillUncertain.length) io.stdout(`not sent again (uncertain since an earlier run; --resend-uncertain sends them): ${r.stillUncertain.join(', ')}\n`);
  const notDelivered = r.failed.length + r.notSent.length;
  const extra = [r.uncertain.length ? `${r.uncertain.length} uncertain` : '', r.outbox.length ? `${r.outbox.length} written to the outbox` : ''].filter(Boolean);
  io.stdout(`${r.sent.length} sent, ${r.skipped.length} already delivered, ${notDelivered} not delivered${extra.map((e) => `, ${e}`).join('')}\n`);
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const clock = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toTimeString().slice(0, 8) : '?');

/** Progress in words while sending, so a slow or silent server is visible as it happens. */
function progressLine(io: CommandIO, event: string, d: Record<string, unknown>): void {
  const who = str(d.recipient);
  const line = ((): string | undefined => {
    switch (event) {
      case 'send-start':
        return d.dryRun ? `writing "${str(d.subject)}" for ${str(d.recipients)} recipients of ${str(d.list)}` : `sending "${str(d.subject)}" to ${str(d.recipients)} recipients of ${str(d.list)} through ${str(d.server)} (at most ${str(d.deadlineSeconds)} s)`;
      case 'attempt':
        return `${str(d.at)}/${str(d.of)} ${who}: attempt ${str(d.attempt)}, started ${clock(d.since)}`;
      case 'waiting':
        return `    ${who}: still waiting for the mail server (attempt ${str(d.attempt)}, since ${clock(d.since)}, ${str(d.waitedSeconds)} s, ${str(d.phase)})`;
      case 'retry':
        return `    ${who}: ${str(d.error)}; trying again in ${Number(d.waitMs) / 1000} s`;
      case 'delivered':
        return `    ${who}: delivered`;
      case 'failed':
        return `    ${who}: not delivered: ${str(d.error)}`;
      case 'uncertain':
        return `    ${who}: uncertain: ${str(d.error)}`;
      case 'server-failing':
        return Number(d.remaining) ? `the mail server is failing: the other ${str(d.remaining)} recipient${Number(d.remaining) === 1 ? ' is' : 's are'} not tried in this run` : undefined;
      case 'not-sent':
        return `    ${who}: not sent`;
      case 'already-delivered':
        return `    ${who}: already delivered, skipped`;
      case 'still-uncertain':
        return `    ${who}: uncertain since an earlier run, not sent again`;
      case 'ledger-warning':
        return `warning: ${str(d.warning)}`;
      case 'stale-lock-taken-over':
        return `warning: took over the lock ${str(d.lock)} left by a run that has ended`;
      case 'written':
        return `    ${who}: written to ${str(d.file)}`;
      default:
        return undefined;
    }
  })();
  if (line) io.stderr(line + '\n');
}
