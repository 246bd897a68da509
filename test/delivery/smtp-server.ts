import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received { to: string[]; mail: ParsedMail; /** Who logged in for it, if anyone. */ user?: unknown }

export interface SmtpOptions {
  failData?: () => number | undefined;
  rejectRcpt?: string;
  /**
   * Per DATA command: cut the connection in the middle of the message ('during'), after the whole message
   * before the reply ('after'), stop answering after the whole message ('hang'), or stop reading in the
   * middle of it and never answer ('stall').
   */
  drop?: () => 'during' | 'after' | 'hang' | 'stall' | undefined;
  /** Holds each DATA reply until this resolves (to keep a sender busy while a test does something else). */
  holdReply?: () => Promise<void>;
  /** A slow server: every reply (MAIL FROM, RCPT TO, end of DATA) comes this long after the command. */
  replyDelayMs?: number;
}

/**
 * A real SMTP server on loopback; `failData` decides, per attempt, whether to refuse DATA, and `drop` whether
 * to cut the connection in the middle of the DATA stream, after the whole message (before the reply), or to
 * stop answering ('hang', for the socket timeout).
 */
export async function smtp(options: SmtpOptions = {}) {
  const received: Received[] = [];
  const sockets: Socket[] = [];
  let dataStarts = 0;
  let connections = 0;
  const later = (f: () => void) => new Promise<void>((r) => setTimeout(() => r(f()), options.replyDelayMs ?? 0));
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _s, cb) => (auth.username === 'cabinet' && auth.password === 'sekret-pass-123' ? cb(null, { user: 'cabinet' }) : cb(new Error('bad auth'))),
    onMailFrom: (_a, _s, cb) => void later(() => cb()),
    onRcptTo: (addr, _s, cb) => void later(() => (addr.address === options.rejectRcpt ? cb(Object.assign(new Error('No such user here'), { responseCode: 550 })) : cb())),
    onData: (stream, session, cb) => {
      dataStarts++;
      const drop = options.drop?.();
      const socket = sockets[sockets.length - 1]!;
      if (drop === 'stall') {
        // Read one chunk, then nothing: the sender's writes back up and it hears nothing more.
        stream.once('data', () => {
          stream.pause();
          socket.pause();
        });
        return;
      }
      if (drop === 'during') {
        stream.once('data', () => socket.destroy());
        stream.resume();
        return;
      }
      if (drop === 'after' || drop === 'hang') {
        stream.on('end', () => (drop === 'after' ? socket.destroy() : undefined));
        stream.resume();
        return;
      }
      const code = options.failData?.();
      simpleParser(stream).then(async (mail) => {
        if (code) return cb(Object.assign(new Error('Try again later'), { responseCode: code }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, user: session.user });
        if (options.holdReply) await options.holdReply();
        await later(() => cb());
      }, cb);
    },
  });
  server.server.on('connection', (socket: Socket) => {
    connections++;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    port,
    dataStarts: () => dataStarts,
    connections: () => connections,
    close: () => {
      // Connections a test left hanging are cut, so closing does not wait for smtp-server's 30 s grace.
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

