import * as path from 'node:path';
import { messageId } from './message-id';
import type { Config } from '../config/schema';
import { writeFileAtomic } from '../io/atomic-write';
import { collectPapers, assertCleared, DeliveryRefused } from './papers';
import { compose } from './compose';
import { Ledger, type LedgerEntry } from './ledger';
import { composer, smtpTarget } from './transport';
import { acquireLock, type Lock } from './lock';
import { earlierLedgerProblem, statePaths } from './state-paths';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { AttemptFailed, sendOne, type SmtpTarget } from './smtp-session';
import { classify } from './failure';

export type Log = (event: string, details?: Record<string, unknown>) => void;

export interface SendOptions {
  inputs: string[];
  list: string;
  config: Config;
  dryRun?: boolean | undefined;
  /** The sender states that files without a manifest are public. */
  vouchPublic?: boolean;
  templatesDir?: string | undefined;
  cwd?: string;
  /** The settings file the config came from: the ledger's default place is beside it. */
  settingsFile?: string | undefined;
  /** Send again to recipients an earlier run left uncertain (the message may have reached them). */
  resendUncertain?: boolean | undefined;
  /** A lock the caller already holds for this ledger (cabinet monthly holds it for the whole run). */
  holdingLock?: string | undefined;
  /** How often a "waiting" progress line is logged while one attempt is in flight. */
  progressEveryMs?: number | undefined;
  log?: Log | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

export interface SendResult {
  sent: string[];
  skipped: string[];
  /** Tried in this run and not reached. */
  failed: { recipient: string; error: string }[];
  /** Never tried in this run: the server was failing by then, or the run's deadline had passed. */
  notSent: { recipient: string; reason: string }[];
  /** Handed over in this run, never confirmed: it may have arrived; not sent again unless asked. */
  uncertain: { recipient: string; error: string }[];
  /** Left uncertain by an earlier run and not sent again (no --resend-uncertain). */
  stillUncertain: string[];
  outbox: string[];
  /** The ledger read and written (undefined on a dry run). */
  ledger?: string | undefined;
  /** Problems found in the ledger (a torn last line set aside), also logged. */
  warnings: string[];
  /** 0 every recipient reached (or already had it), 1 someone was not reached or may not have been. */
  exitCode: 0 | 1;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function sendPapers(o: SendOptions): Promise<SendResult> {
  const cwd = o.cwd ?? process.cwd();
  const log: Log = o.log ?? (() => undefined);
  const delivery = o.config.delivery;
  const list = delivery.lists.find((l) => l.name === o.list);
  if (!list) throw new DeliveryRefused(`no distribution list "${o.list}" in the settings (lists: ${delivery.lists.map((l) => l.name).join(', ') || 'none'})`);
  const papers = collectPapers(o.inputs.map((i) => path.resolve(cwd, i)), Boolean(o.vouchPublic));
  assertCleared(papers, list);
  const message = compose(papers, delivery, o.templatesDir);
  const result: SendResult = { sent: [], skipped: [], failed: [], notSent: [], uncertain: [], stillUncertain: [], outbox: [], warnings: [], exitCode: 0 };
  if (o.dryRun) {
    log('send-start', { list: list.name, recipients: list.recipients.length, files: papers.map((p) => p.name), subject: message.subject, dryRun: true });
    const eml = composer('unix');
    for (const r of list.recipients) {
      const info = (await eml.sendMail(mailFor(r, message, papers, delivery.smtp.from))) as { message: Buffer };
      const file = path.resolve(cwd, delivery.outbox, `${message.messageKey.slice(0, 12)}-${r.email.replace(/[^a-z0-9@._-]/gi, '_')}.eml`);
      writeFileAtomic(file, info.message);
      result.outbox.push(file);
      log('written', { recipient: r.email, file: path.relative(cwd, file) });
    }
    eml.close();
    log('send-end', { sent: 0, skipped: 0, failed: 0, written: result.outbox.length });
    return result;
  }
  const target = smtpTarget(delivery, o.env);
  const paths = statePaths(delivery, { cwd, settingsFile: o.settingsFile });
  const moved = earlierLedgerProblem(delivery, paths, cwd);
  if (moved) throw new UnreadableInputError(path.join('output', 'send-ledger.jsonl'), moved);
  // Read the ledger only once the lock is ours: a send that read it earlier could send what another just sent.
  let lock: Lock | undefined;
  if (o.holdingLock !== paths.ledgerLock) {
    lock = acquireLock(paths.ledgerLock, { staleAfterMs: delivery.lockStaleHours * 3600 * 1000 });
    if (lock.tookOverFrom) log('stale-lock-taken-over', { lock: path.relative(cwd, paths.ledgerLock), previous: lock.tookOverFrom });
  }
  try {
    const ledger = new Ledger(paths.ledger);
    ledger.ensureWritable();
    result.ledger = paths.ledger;
    result.warnings.push(...ledger.warnings);
    for (const w of ledger.warnings) log('ledger-warning', { warning: w });
    await deliverAll({ o, list, message, papers, ledger, target, result, log });
  } finally {
    lock?.release();
  }
  result.exitCode = result.failed.length || result.notSent.length || result.uncertain.length ? 1 : 0;
  log('send-end', { sent: result.sent.length, skipped: result.skipped.length, failed: result.failed.length, notSent: result.notSent.length, uncertain: result.uncertain.length, stillUncertain: result.stillUncertain.length });
  return result;
}

type Message = ReturnType<typeof compose>;
type Papers = ReturnType<typeof collectPapers>;
type Recipient = Config['delivery']['lists'][number]['recipients'][number];

/** One message per recipient: members' addresses are not shown to each other. */
function mailFor(r: Recipient, message: Message, papers: Papers, from: string) {
  return {
    from,
    to: r.name ? { name: r.name, address: r.email } : r.email,
    subject: message.subject,
    text: message.body(r.name ?? 'colleague'),
    messageId: messageId(message.messageKey, r.email, from),
    attachments: message.attach ? papers.map((p, i) => ({ filename: message.attachmentNames[i]!, content: p.bytes, contentType: 'application/pdf' })) : [],
  };
}

interface Run {
  o: SendOptions;
  list: Config['delivery']['lists'][number];
  message: Message;
  papers: Papers;
  ledger: Ledger;
  target: SmtpTarget;
  result: SendResult;
  log: Log;
}

/**
 * Every recipient in turn, within the run's deadline. The first timeout, drop or refusal marks the server as
 * failing: nobody after that waits for it again, each is recorded as not sent and named in the result.
 */
async function deliverAll(run: Run): Promise<void> {
  const { o, list, message, papers, ledger, target, result, log } = run;
  const delivery = o.config.delivery;
  const deadlineAt = Date.now() + delivery.deadlineSeconds * 1000;
  const mta = composer('windows');
  const record = (recipient: string, outcome: NonNullable<LedgerEntry['outcome']>, extra: Partial<LedgerEntry> = {}) =>
    ledger.record({ time: new Date().toISOString(), list: list.name, recipient, subject: message.subject, messageKey: message.messageKey, files: papers.map((p) => ({ name: p.name, sha256: p.sha256 })), outcome, ...extra });
  let serverFailing: string | undefined;
  log('send-start', { list: list.name, recipients: list.recipients.length, files: papers.map((p) => p.name), subject: message.subject, dryRun: false, server: `${target.host}:${target.port}`, deadlineSeconds: delivery.deadlineSeconds });
  try {
    for (const [i, r] of list.recipients.entries()) {
      const state = ledger.state(r.email, message.messageKey);
      if (state === 'delivered') {
        result.skipped.push(r.email);
        log('already-delivered', { recipient: r.email });
        continue;
      }
      if (state === 'uncertain' && !o.resendUncertain) {
        result.stillUncertain.push(r.email);
        log('still-uncertain', { recipient: r.email, hint: 'an earlier run handed this message over without confirmation; --resend-uncertain sends it again' });
        continue;
      }
      const notTried = serverFailing ? 'not tried: the mail server was failing earlier in this run' : Date.now() >= deadlineAt ? `not tried: the run's deadline of ${delivery.deadlineSeconds} s (delivery.deadlineSeconds) had passed` : undefined;
      if (notTried) {
        result.notSent.push({ recipient: r.email, reason: notTried });
        record(r.email, 'not-sent', { error: serverFailing ? `${notTried} (${serverFailing})` : notTried });
        log('not-sent', { recipient: r.email, reason: notTried });
        continue;
      }
      const built = (await mta.sendMail(mailFor(r, message, papers, delivery.smtp.from))) as { message: Buffer; envelope: { from: string; to: string[] }; messageId: string };
      const outcome = await withRetries(run, r.email, { at: i + 1, of: list.recipients.length }, built.message, built.envelope, deadlineAt);
      if (outcome.ok) {
        record(r.email, 'delivered', { messageId: built.messageId, response: outcome.reply });
        result.sent.push(r.email);
        continue;
      }
      if (outcome.kind === 'uncertain') {
        result.uncertain.push({ recipient: r.email, error: outcome.message });
        record(r.email, 'uncertain', { error: outcome.message });
      } else {
        result.failed.push({ recipient: r.email, error: outcome.message });
        // Recorded for the audit; a failure never counts as delivered, so the next run tries this recipient again.
        record(r.email, 'failed', { error: outcome.message });
      }
      // Stopped by the deadline, the server is not to blame: the rest are "not sent" for the deadline.
      if ((outcome.kind === 'server' || outcome.kind === 'uncertain') && Date.now() < deadlineAt) {
        serverFailing = outcome.message;
        log('server-failing', { error: outcome.message, remaining: list.recipients.length - i - 1 });
      }
    }
  } finally {
    mta.close();
  }
}

type Outcome = { ok: true; reply: string } | { ok: false; kind: 'server' | 'uncertain' | 'retry' | 'recipient'; message: string };

/** One recipient: attempts while the server answers "try later", each bounded by the timeouts and the deadline. */
async function withRetries(run: Run, recipient: string, place: { at: number; of: number }, raw: Buffer, envelope: { from: string; to: string[] }, deadlineAt: number): Promise<Outcome> {
  const { o, target, log } = run;
  const delivery = o.config.delivery;
  const { attempts, baseDelayMs } = delivery.retry;
  for (let attempt = 1; ; attempt++) {
    const since = new Date();
    log('attempt', { recipient, at: place.at, of: place.of, attempt, since: since.toISOString() });
    const a = sendOne(target, envelope, raw);
    const ticker = setInterval(() => log('waiting', { recipient, attempt, since: since.toISOString(), waitedSeconds: Math.round((Date.now() - since.getTime()) / 1000), phase: a.phase() }), o.progressEveryMs ?? 5000);
    const stop = setTimeout(() => a.abort("the run's deadline passed"), Math.max(0, deadlineAt - Date.now()));
    try {
      const reply = await a.done;
      log('delivered', { recipient, attempt, response: reply });
      return { ok: true, reply };
    } catch (err) {
      if (!(err instanceof AttemptFailed)) throw err;
      const f = classify(err.error, err.phase, target, delivery.deadlineSeconds);
      const waitMs = baseDelayMs * 2 ** (attempt - 1);
      if (f.kind === 'retry' && attempt < attempts && Date.now() + waitMs < deadlineAt) {
        log('retry', { recipient, attempt, error: f.message, waitMs });
        await sleep(waitMs);
        continue;
      }
      const message = f.kind === 'retry' ? `${f.message}, on ${attempt} attempt${attempt === 1 ? '' : 's'}` : f.message;
      log(f.kind === 'uncertain' ? 'uncertain' : 'failed', { recipient, attempt, error: message, permanent: f.kind === 'recipient' });
      return { ok: false, kind: f.kind, message };
    } finally {
      clearInterval(ticker);
      clearTimeout(stop);
    }
  }
}
