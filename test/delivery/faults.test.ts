import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { smtp } from './smtp-server';
import { setup } from './fixture';
import { sendPapers, type SendOptions } from '../../src/delivery/send';

/**
 * Mail servers that fail, each a real server on 127.0.0.1 with one-second waits. A run must end within the
 * wait plus 5 s (generous, so a busy machine does not fail it), whether the list has one member or ten, and the
 * ledger must say exactly who was sent, not sent and uncertain, so that a re-run sends only what is missing.
 */
const WAIT_MS = 1000;
const BOUND_MS = WAIT_MS + 5000;
const TEN = Array.from({ length: 10 }, (_, i) => ({ email: `m${i + 1}@example.gov.uk` }));
const emails = (n: number) => TEN.slice(0, n).map((r) => r.email);

function fast(port: number, members: number, paperBytes = 0) {
  const s = setup(port, false, paperBytes);
  s.config.delivery.smtp = { ...s.config.delivery.smtp, connectionTimeoutMs: WAIT_MS, greetingTimeoutMs: WAIT_MS, socketTimeoutMs: WAIT_MS };
  s.config.delivery.retry = { attempts: 3, baseDelayMs: 10 };
  s.config.delivery.lists[0]!.recipients = TEN.slice(0, members);
  const send = (extra: Partial<SendOptions> = {}) => sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env, ...extra });
  return { ...s, send };
}

/** The last outcome the ledger holds for each recipient. */
function ledgerOutcomes(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) {
    const e = JSON.parse(line) as { recipient: string; outcome: string };
    out[e.recipient] = e.outcome;
  }
  return out;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const r = await f();
  return [r, Date.now() - started];
}

/** A TCP listener that accepts and never says a word (no "220" greeting). */
async function silentListener() {
  const sockets: net.Socket[] = [];
  const server = net.createServer((c) => sockets.push(c));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => sockets.length,
    close: () => {
      sockets.forEach((c) => c.destroy());
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A port with nothing listening on it. */
async function refusingPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Points the fixture at a healthy server and sends again with the same ledger (and time to take big papers). */
async function rerun(f: ReturnType<typeof fast>, extra: Partial<SendOptions> = {}) {
  const good = await smtp();
  f.config.delivery.smtp = { ...f.config.delivery.smtp, port: good.port, socketTimeoutMs: 60_000 };
  const r = await f.send(extra);
  await good.close();
  return { r, received: good.received.map((m) => m.to[0]) };
}

describe('a server that never greets', () => {
  test.each([1, 10])('with %i member(s): ends within the greeting wait + 5 s, the rest are not sent, a re-run sends them all', async (n) => {
    const silent = await silentListener();
    const f = fast(silent.port, n);
    // The socket wait is longer here so the greeting wait is the one that ends it: with the two equal,
    // which of nodemailer's two timers fires first is a matter of chance.
    f.config.delivery.smtp.socketTimeoutMs = 3 * WAIT_MS;
    const [r, took] = await timed(() => f.send({ progressEveryMs: 200 }));
    await silent.close();
    expect(took).toBeLessThan(BOUND_MS);
    expect(r.exitCode).toBe(1);
    expect(r.sent).toEqual([]);
    expect(r.failed).toEqual([{ recipient: 'm1@example.gov.uk', error: `the mail server 127.0.0.1:${silent.port} accepted the connection but did not greet within 1 s (delivery.smtp.greetingTimeoutMs); if it expects TLS from the start (port 465), set delivery.smtp.secure: true` }]);
    expect(r.notSent.map((x) => x.recipient)).toEqual(emails(n).slice(1));
    for (const x of r.notSent) expect(x.reason).toBe('not tried: the mail server was failing earlier in this run');
    // Only one recipient ever waited: one connection in all.
    expect(silent.connections()).toBe(1);
    expect(Object.values(ledgerOutcomes(f.ledger))).toEqual(['failed', ...Array<string>(n - 1).fill('not-sent')]);
    // Progress while waiting: who, which attempt, since when.
    const waiting = f.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === 'waiting');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]).toMatchObject({ recipient: 'm1@example.gov.uk', attempt: 1, since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), phase: 'connecting' });

    const again = await rerun(f);
    expect(again.r).toMatchObject({ sent: emails(n), skipped: [], exitCode: 0 });
    expect(again.received).toEqual(emails(n));
  }, 30_000);
});

describe('a server that refuses connections', () => {
  it('says so once in plain words after the first refusal, tries nobody else, and retries nothing', async () => {
    const port = await refusingPort();
    const f = fast(port, 10);
    const [r, took] = await timed(() => f.send());
    expect(took).toBeLessThan(BOUND_MS);
    expect(r.failed).toEqual([{ recipient: 'm1@example.gov.uk', error: `cannot reach the mail server 127.0.0.1:${port}: check delivery.smtp.host and port` }]);
    expect(r.notSent).toHaveLength(9);
    expect(f.logs.filter((l) => l.includes('"event":"attempt"'))).toHaveLength(1);
    expect(f.logs.some((l) => l.includes('"event":"retry"'))).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED/);
  }, 30_000);
});

describe('a server that refuses the login', () => {
  it('stops at the first refusal (60 failed logins could lock the account), naming the password setting', async () => {
    const server = await smtp();
    const f = fast(server.port, 10);
    const r = await f.send({ env: { CABINET_SMTP_PASSWORD: 'wrong' } });
    await server.close();
    expect(r.failed).toEqual([{ recipient: 'm1@example.gov.uk', error: expect.stringMatching(/^the mail server 127\.0\.0\.1:\d+ refused the login \(the server said: 535 .*\): check delivery\.smtp\.user \(or CABINET_SMTP_USER\) and CABINET_SMTP_PASSWORD$/) }]);
    expect(r.notSent).toHaveLength(9);
    expect(server.connections()).toBe(1);
  }, 30_000);
});

describe('a server that stops reading in the middle of the message', () => {
  test.each([1, 10])('with %i member(s): not sent (the message was not all handed over), and a re-run sends it', async (n) => {
    // 6 MB of paper: more than the sockets buffer, so the sender is still writing when the server stalls.
    const server = await smtp({ drop: () => 'stall' });
    const f = fast(server.port, n, 6 * 1024 * 1024);
    const [r, took] = await timed(() => f.send());
    await server.close();
    expect(took).toBeLessThan(BOUND_MS);
    expect(r.uncertain).toEqual([]);
    expect(r.failed).toEqual([{ recipient: 'm1@example.gov.uk', error: `the mail server 127.0.0.1:${server.port} stopped answering while the message was being sent (no reply for 1 s, delivery.smtp.socketTimeoutMs)` }]);
    expect(r.notSent.map((x) => x.recipient)).toEqual(emails(n).slice(1));
    expect(server.dataStarts()).toBe(1);
    const again = await rerun(f);
    expect(again.received).toEqual(emails(n));
  }, 60_000);

  it('a drop in the middle of the message is not sent either, and is not retried in the same run', async () => {
    const server = await smtp({ drop: () => 'during' });
    const f = fast(server.port, 3, 6 * 1024 * 1024);
    const [r, took] = await timed(() => f.send());
    await server.close();
    expect(took).toBeLessThan(BOUND_MS);
    expect(r.failed).toEqual([{ recipient: 'm1@example.gov.uk', error: expect.stringMatching(/closed the connection while the message was being sent$/) }]);
    expect(r.notSent.map((x) => x.recipient)).toEqual(emails(3).slice(1));
    expect(server.dataStarts()).toBe(1);
  }, 60_000);
});

describe('a server that takes the whole message and then goes silent or drops', () => {
  test.each([
    ['goes silent', 'hang' as const, 1],
    ['goes silent', 'hang' as const, 10],
    ['drops the connection', 'after' as const, 1],
    ['drops the connection', 'after' as const, 10],
  ])('%s after DATA (%s) with %i member(s): uncertain, not retried, and sent again only with --resend-uncertain', async (_what, drop, n) => {
    const server = await smtp({ drop: () => drop });
    const f = fast(server.port, n);
    const [r, took] = await timed(() => f.send());
    await server.close();
    expect(took).toBeLessThan(BOUND_MS);
    expect(r.exitCode).toBe(1);
    expect(r.sent).toEqual([]);
    expect(r.failed).toEqual([]);
    expect(r.uncertain).toEqual([{ recipient: 'm1@example.gov.uk', error: expect.stringMatching(/after the whole message was handed over.*: it may have arrived, so it is not sent again unless you ask \(--resend-uncertain\)$/) }]);
    expect(r.notSent.map((x) => x.recipient)).toEqual(emails(n).slice(1));
    expect(server.dataStarts()).toBe(1);
    expect(ledgerOutcomes(f.ledger)['m1@example.gov.uk']).toBe('uncertain');

    // A re-run sends what is missing and not the uncertain one.
    const again = await rerun(f);
    expect(again.r).toMatchObject({ sent: emails(n).slice(1), stillUncertain: ['m1@example.gov.uk'], exitCode: 0 });
    expect(again.received).toEqual(emails(n).slice(1));
    // Asked for: only that one, once; after that nobody is sent anything.
    const asked = await rerun(f, { resendUncertain: true });
    expect(asked.r).toMatchObject({ sent: ['m1@example.gov.uk'], skipped: emails(n).slice(1), exitCode: 0 });
    expect(asked.received).toEqual(['m1@example.gov.uk']);
    const last = await rerun(f, { resendUncertain: true });
    expect(last.received).toEqual([]);
    expect(ledgerOutcomes(f.ledger)['m1@example.gov.uk']).toBe('delivered');
  }, 30_000);
});

describe('a slow server', () => {
  it('answers slower than the socket wait: the first member fails at that wait, nobody else waits', async () => {
    const server = await smtp({ replyDelayMs: 2500 });
    const f = fast(server.port, 10);
    const [r, took] = await timed(() => f.send());
    await server.close();
    expect(took).toBeLessThan(BOUND_MS);
    expect(r.failed).toEqual([{ recipient: 'm1@example.gov.uk', error: expect.stringMatching(/stopped answering before the message was sent \(no reply for 1 s/) }]);
    expect(r.notSent).toHaveLength(9);
  }, 30_000);

  it('answers within the wait but too slowly for the list: the run ends at its deadline, and a re-run sends only what is missing', async () => {
    const server = await smtp({ replyDelayMs: 200 });
    const f = fast(server.port, 10);
    f.config.delivery.deadlineSeconds = 2;
    const [r, took] = await timed(() => f.send());
    await server.close();
    expect(took).toBeLessThan(2000 + 5000);
    expect(r.exitCode).toBe(1);
    // Each member is in exactly one outcome, in list order.
    const all = [...r.sent, ...r.failed.map((x) => x.recipient), ...r.uncertain.map((x) => x.recipient), ...r.notSent.map((x) => x.recipient)];
    expect(all).toEqual(emails(10));
    expect(r.sent.length).toBeGreaterThan(0);
    expect(r.notSent.length).toBeGreaterThan(0);
    expect(r.notSent.at(-1)!.reason).toMatch(/deadline of 2 s \(delivery\.deadlineSeconds\)/);
    // What the server confirmed is what the ledger says was sent.
    const outcomes = ledgerOutcomes(f.ledger);
    expect(emails(10).filter((e) => outcomes[e] === 'delivered')).toEqual(r.sent);

    const again = await rerun(f);
    const missing = emails(10).filter((e) => outcomes[e] !== 'delivered' && outcomes[e] !== 'uncertain');
    expect(again.received).toEqual(missing);
    expect(again.r.skipped).toEqual(r.sent);
  }, 30_000);
});
