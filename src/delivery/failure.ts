import type { Phase, SmtpError, SmtpTarget } from './smtp-session';

/**
 * What a failed attempt means for the run:
 * - `server`: the server cannot be reached or stopped answering (refused, unknown host, a timeout, a dropped
 *   connection, a refused login, TLS): every later recipient would wait for the same thing, so the run stops
 *   sending and records the rest as not sent.
 * - `uncertain`: as `server`, but the whole message had been handed over: it may have arrived.
 * - `retry`: the server answered 4xx (busy, try later): the same recipient is tried again after a pause.
 * - `recipient`: the server answered 5xx for this message (an unknown address): the others still get theirs.
 */
export type FailureKind = 'server' | 'uncertain' | 'retry' | 'recipient';

export interface Failure {
  kind: FailureKind;
  /** In our words, for the officer: what happened and which setting to look at. */
  message: string;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

const during: Record<Phase, string> = {
  connecting: 'while connecting',
  login: 'during the login',
  envelope: 'before the message was sent',
  message: 'while the message was being sent',
  'handed-over': 'after the whole message was handed over',
};

export function classify(e: SmtpError, phase: Phase, t: SmtpTarget, deadlineSeconds: number): Failure {
  const server = `${t.host}:${t.port}`;
  const reply = e.response ? ` (the server said: ${e.response.replace(/\s+/g, ' ').slice(0, 200)})` : '';
  const uncertainOr = (message: string): Failure =>
    phase === 'handed-over'
      ? { kind: 'uncertain', message: `${message}: it may have arrived, so it is not sent again unless you ask (--resend-uncertain)` }
      : { kind: 'server', message };
  if (e.aborted) return uncertainOr(`not finished when the run's deadline of ${deadlineSeconds} s (delivery.deadlineSeconds) passed, ${during[phase]}`);
  const system = e.originalCode ?? e.code ?? '';
  if (system === 'ECONNREFUSED') return { kind: 'server', message: `cannot reach the mail server ${server}: check delivery.smtp.host and port` };
  if (system === 'ENOTFOUND' || system === 'EAI_AGAIN' || system === 'EDNS')
    return { kind: 'server', message: `cannot find the mail server "${t.host}" (no such host name): check delivery.smtp.host` };
  if (system === 'EHOSTUNREACH' || system === 'ENETUNREACH')
    return { kind: 'server', message: `cannot reach the mail server ${server} (no route to it from this machine): check delivery.smtp.host and the network` };
  if (e.code === 'EAUTH')
    return { kind: 'server', message: `the mail server ${server} refused the login${reply}: check delivery.smtp.user (or CABINET_SMTP_USER) and CABINET_SMTP_PASSWORD` };
  if (e.code === 'ETLS' || /certificate|SSL|TLS/i.test(system))
    return { kind: 'server', message: `could not set up a secure connection with the mail server ${server}${reply}: check delivery.smtp.secure and port` };
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return { kind: 'retry', message: `the mail server ${server} asked to try later${reply}` };
  if (e.responseCode && e.responseCode >= 500) return { kind: 'recipient', message: `the mail server ${server} refused this message${reply}` };
  switch (e.timeoutType) {
    case 'CONNECT_TIMEOUT':
      return { kind: 'server', message: `the mail server ${server} did not accept a connection within ${seconds(t.connectionTimeoutMs)} (delivery.smtp.connectionTimeoutMs): check delivery.smtp.host and port` };
    case 'GREETING_TIMEOUT': {
      // The connection timeout bounds the whole set-up, so it can cut the greeting's wait short.
      const cut = t.connectionTimeoutMs < t.greetingTimeoutMs;
      return {
        kind: 'server',
        message: `the mail server ${server} accepted the connection but did not greet within ${seconds(cut ? t.connectionTimeoutMs : t.greetingTimeoutMs)} (delivery.smtp.${cut ? 'connectionTimeoutMs' : 'greetingTimeoutMs'})${t.secure ? '' : '; if it expects TLS from the start (port 465), set delivery.smtp.secure: true'}`,
      };
    }
    case 'UPGRADE_TIMEOUT':
      return { kind: 'server', message: `the mail server ${server} did not finish setting up TLS within ${seconds(t.greetingTimeoutMs)}: check delivery.smtp.secure and port` };
    case 'SOCKET_TIMEOUT':
      return uncertainOr(`the mail server ${server} stopped answering ${during[phase]} (no reply for ${seconds(t.socketTimeoutMs)}, delivery.smtp.socketTimeoutMs)`);
    default:
      break;
  }
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { kind: 'recipient', message: `not accepted for this recipient: ${e.message}` };
  if (e.code === 'EPROTOCOL' && phase === 'connecting') return { kind: 'server', message: `${server} did not answer as a mail server does${reply}: check delivery.smtp.host and port` };
  // Anything else that ends the connection (closed, reset, broken pipe, a protocol error mid-session).
  return uncertainOr(`the mail server ${server} closed the connection ${during[phase]}`);
}
