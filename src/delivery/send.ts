import * as path from 'node:path';
import { messageId } from './message-id';
import type { Config } from '../config/schema';
import { writeFileAtomic } from '../io/atomic-write';
import { collectPapers, assertCleared, DeliveryRefused } from './papers';
import { compose } from './compose';
import { Ledger } from './ledger';
import { emlTransport, smtpTransport } from './transport';

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
  log?: Log | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

export interface SendResult {
  sent: string[];
  skipped: string[];
  failed: { recipient: string; error: string }[];
  outbox: string[];
  /** Problems found in the ledger (a torn last line set aside), also logged. */
  warnings: string[];
  /** 0 every recipient reached (or already had it), 1 someone was not reached. */
  exitCode: 0 | 1;
}

interface SmtpError {
  responseCode?: number;
  code?: string;
  message: string;
}

/**
 * 4xx replies, timeouts and dropped connections (during or after DATA) may succeed later; 5xx and bad
 * addresses will not. A drop after DATA may mean the server did take the message: the retry carries the same
 * Message-ID, so the receiving side can tell.
 */
function transient(e: SmtpError): boolean {
  if (e.responseCode) return e.responseCode >= 400 && e.responseCode < 500;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'EPIPE', 'EDNS', 'ECONNREFUSED', 'EPROTOCOL', 'EENVELOPE_TIMEOUT'].includes(e.code ?? '');
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
  const ledger = new Ledger(path.resolve(cwd, delivery.ledger));
  for (const w of ledger.warnings) log('ledger-warning', { warning: w });
  const transport = o.dryRun ? emlTransport() : smtpTransport(delivery, o.env);
  const result: SendResult = { sent: [], skipped: [], failed: [], outbox: [], warnings: [...ledger.warnings], exitCode: 0 };
  log('send-start', { list: list.name, recipients: list.recipients.length, files: papers.map((p) => p.name), subject: message.subject, dryRun: Boolean(o.dryRun) });
  for (const r of list.recipients) {
    if (!o.dryRun && ledger.has(r.email, message.messageKey)) {
      result.skipped.push(r.email);
      log('already-delivered', { recipient: r.email });
      continue;
    }
    // One message per recipient: members' addresses are not shown to each other.
    const mail = {
      from: delivery.smtp.from,
      to: r.name ? { name: r.name, address: r.email } : r.email,
      subject: message.subject,
      text: message.body(r.name ?? 'colleague'),
      messageId: messageId(message.messageKey, r.email, delivery.smtp.from),
      attachments: message.attach ? papers.map((p, i) => ({ filename: message.attachmentNames[i]!, content: p.bytes, contentType: 'application/pdf' })) : [],
    };
    const { attempts, baseDelayMs } = delivery.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        const info = (await transport.sendMail(mail)) as { messageId?: string; response?: string; message?: Buffer };
        if (o.dryRun) {
          const file = path.resolve(cwd, delivery.outbox, `${message.messageKey.slice(0, 12)}-${r.email.replace(/[^a-z0-9@._-]/gi, '_')}.eml`);
          writeFileAtomic(file, info.message!);
          result.outbox.push(file);
          log('written', { recipient: r.email, file: path.relative(cwd, file) });
        } else {
          ledger.record({ time: new Date().toISOString(), list: list.name, recipient: r.email, subject: message.subject, messageKey: message.messageKey, files: papers.map((p) => ({ name: p.name, sha256: p.sha256 })), messageId: info.messageId, response: info.response });
          result.sent.push(r.email);
          log('delivered', { recipient: r.email, messageId: info.messageId, attempt });
        }
        break;
      } catch (err) {
        const e = err as SmtpError;
        if (transient(e) && attempt < attempts) {
          log('retry', { recipient: r.email, attempt, error: e.message, waitMs: baseDelayMs * 2 ** (attempt - 1) });
          await sleep(baseDelayMs * 2 ** (attempt - 1));
          continue;
        }
        result.failed.push({ recipient: r.email, error: e.message });
        log('failed', { recipient: r.email, attempt, error: e.message, permanent: !transient(e) });
        // Recorded for the audit; a failure never counts as delivered, so the next run tries this recipient again.
        if (!o.dryRun)
          ledger.record({ time: new Date().toISOString(), list: list.name, recipient: r.email, subject: message.subject, messageKey: message.messageKey, files: papers.map((p) => ({ name: p.name, sha256: p.sha256 })), outcome: 'failed', error: e.message });
        break;
      }
    }
  }
  transport.close();
  result.exitCode = result.failed.length ? 1 : 0;
  log('send-end', { sent: result.sent.length, skipped: result.skipped.length, failed: result.failed.length, written: result.outbox.length });
  return result;
}
