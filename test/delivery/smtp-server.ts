import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received { to: string[]; mail: ParsedMail }

export interface SmtpOptions {
  failData?: () => number | undefined;
  rejectRcpt?: string;
  drop?: () => 'during' | 'after' | 'hang' | undefined;
  /** Holds each DATA reply until this resolves (to keep a sender busy while a test does something else). */
  holdReply?: () => Promise<void>;
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
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _s, cb) => (auth.username === 'cabinet' && auth.password === 'sekret-pass-123' ? cb(null, { user: 'cabinet' }) : cb(new Error('bad auth'))),
    onRcptTo: (addr, _s, cb) => (addr.address === options.rejectRcpt ? cb(Object.assign(new Error('No such user here'), { responseCode: 550 })) : cb()),
    onData: (stream, session, cb) => {
      dataStarts++;
      const drop = options.drop?.();
      const socket = sockets[sockets.length - 1]!;
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
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        if (options.holdReply) await options.holdReply();
        cb();
      }, cb);
    },
  });
  server.server.on('connection', (socket: Socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    port,
    dataStarts: () => dataStarts,
    close: () => {
      // Connections a test left hanging are cut, so closing does not wait for smtp-server's 30 s grace.
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

