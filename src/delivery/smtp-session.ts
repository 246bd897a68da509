import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

/** How far one message got: what a failure at this point means depends on it (see failure.ts). */
export type Phase = 'connecting' | 'login' | 'envelope' | 'message' | 'handed-over';

export interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  pass?: string | undefined;
  connectionTimeoutMs: number;
  greetingTimeoutMs: number;
  socketTimeoutMs: number;
}

/** What nodemailer's connection reports, plus the phase we were in when it happened. */
export interface SmtpError {
  message: string;
  code?: string | undefined;
  originalCode?: string | undefined;
  responseCode?: number | undefined;
  response?: string | undefined;
  timeoutType?: string | undefined;
  /** Set by us when the run itself ended the attempt (its deadline passed). */
  aborted?: boolean | undefined;
}

export class AttemptFailed extends Error {
  constructor(
    readonly error: SmtpError,
    readonly phase: Phase,
  ) {
    super(error.message);
  }
}

export interface Attempt {
  /** The server's reply to the message; rejects with AttemptFailed. */
  done: Promise<string>;
  phase: () => Phase;
  /** Ends the attempt now (the run's deadline): the connection is closed and `done` rejects. */
  abort: (message: string) => void;
}

/** Small pieces so the connection's backpressure shows how much of the message the socket has taken. */
const CHUNK = 64 * 1024;

/**
 * One message to one server over its own connection, driven step by step (connect, login, envelope,
 * message) so that a failure can be told apart by where it happened. The message counts as handed over once
 * the connection has read all of it: after that a silence or a drop means it may have arrived. That is the
 * cautious side: a drop while the last few kilobytes were still in the socket's buffers is also reported as
 * uncertain, never as "not sent".
 */
export function sendOne(target: SmtpTarget, envelope: { from: string; to: string[] }, raw: Buffer): Attempt {
  let phase: Phase = 'connecting';
  let settled = false;
  let fail!: (e: SmtpError) => void;
  const conn = new SMTPConnection({
    host: target.host,
    port: target.port,
    secure: target.secure,
    // Local relays in tests and on council networks often speak plain SMTP on loopback only.
    ...(target.host === '127.0.0.1' || target.host === 'localhost' ? { ignoreTLS: true } : {}),
    connectionTimeout: target.connectionTimeoutMs,
    greetingTimeout: target.greetingTimeoutMs,
    socketTimeout: target.socketTimeoutMs,
    // Closing after a failure must not wait on a server that has stopped answering.
    socketCloseTimeout: 0,
  });
  const done = new Promise<string>((resolve, reject) => {
    const finish = (error: SmtpError | undefined, reply?: string) => {
      if (settled) return;
      settled = true;
      conn.removeAllListeners('error');
      conn.on('error', () => undefined);
      if (error) {
        conn.close();
        reject(new AttemptFailed(error, phase));
      } else {
        // QUIT politely; the reply is not waited for, the message is already accepted.
        try {
          conn.quit();
        } catch {
          conn.close();
        }
        setTimeout(() => conn.close(), 1000).unref();
        resolve(reply ?? '');
      }
    };
    fail = (e) => finish(e);
    conn.on('error', (e: SmtpError) => finish(e));
    conn.on('end', () => finish({ message: 'Connection closed unexpectedly', code: 'ECONNECTION' }));
    conn.connect((err) => {
      if (err) return finish(err);
      if (settled) return;
      const sendMessage = () => {
        phase = 'envelope';
        // Pulled by the connection once the envelope is accepted; a 'data' listener here would start it early.
        const source = Readable.from(chunks(raw, () => phase === 'envelope' && (phase = 'message')), { objectMode: false });
        source.once('end', () => {
          if (!settled) phase = 'handed-over';
        });
        conn.send(envelope, source, (e, info) => finish(e ?? undefined, info?.response));
      };
      // As nodemailer's own transport: a relay that offers no AUTH (it trusts the network) is not logged in to.
      if (!target.user || !(conn as { allowsAuth?: boolean }).allowsAuth) return sendMessage();
      phase = 'login';
      conn.login({ user: target.user, pass: target.pass ?? '' }, (e) => (e ? finish(e) : sendMessage()));
    });
  });
  return { done, phase: () => phase, abort: (message) => fail({ message, code: 'EDEADLINE', aborted: true }) };
}

function* chunks(raw: Buffer, started: () => unknown): Generator<Buffer> {
  started();
  for (let at = 0; at < raw.length; at += CHUNK) yield raw.subarray(at, at + CHUNK);
}
