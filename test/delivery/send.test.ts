import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { sendPapers } from '../../src/delivery/send';
import { DeliveryRefused } from '../../src/delivery/papers';
import { runMonthly } from '../../src/schedule/monthly';
import { acquireLock, LockHeld } from '../../src/schedule/lock';
import { defaultConfig } from '../../src/config/load';
import type { Config } from '../../src/config/schema';
import { tempDir } from '../report/fixtures';

interface Received { to: string[]; mail: ParsedMail }

/** A real SMTP server on loopback; `fail` decides, per attempt, whether to refuse DATA or a recipient. */
async function smtp(options: { failData?: () => number | undefined; rejectRcpt?: string } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _s, cb) => (auth.username === 'cabinet' && auth.password === 'sekret-pass-123' ? cb(null, { user: 'cabinet' }) : cb(new Error('bad auth'))),
    onRcptTo: (addr, _s, cb) => (addr.address === options.rejectRcpt ? cb(Object.assign(new Error('No such user here'), { responseCode: 550 })) : cb()),
    onData: (stream, session, cb) => {
      const code = options.failData?.();
      simpleParser(stream).then((mail) => {
        if (code) return cb(Object.assign(new Error('Try again later'), { responseCode: code }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function setup(port: number, exempt = false) {
  const dir = tempDir();
  const pdf = Buffer.from('%PDF-1.7\nfake paper for the test\n%%EOF\n');
  fs.mkdirSync(path.join(dir, 'built'));
  fs.writeFileSync(path.join(dir, 'built', 'report.pdf'), pdf);
  const doc = { file: 'report.pdf', format: 'pdf', kind: 'report', title: "Children's Social Care Improvement and Development Plan", committee: 'Cabinet', meetingDate: '2023-09-12', agendaItem: '7', classification: exempt ? 'exempt' : 'public', ...(exempt ? { exemptParagraphs: [3] } : {}), sha256: createHash('sha256').update(pdf).digest('hex') };
  fs.writeFileSync(path.join(dir, 'built', 'manifest.json'), JSON.stringify({ generator: 'cabinet-reports', source: 'r.md', documents: [doc] }));
  const config: Config = defaultConfig();
  config.delivery.smtp = { host: '127.0.0.1', port, secure: false, user: 'cabinet', from: 'Democratic Services <ds@example.gov.uk>' };
  config.delivery.retry = { attempts: 3, baseDelayMs: 10 };
  config.delivery.ledger = path.join(dir, 'ledger.jsonl');
  config.delivery.outbox = path.join(dir, 'outbox');
  config.delivery.lockFile = path.join(dir, 'monthly.lock');
  config.delivery.lists = [
    { name: 'members', exemptCleared: false, recipients: [{ name: 'Cllr One', email: 'one@example.gov.uk' }, { name: 'Cllr Two', email: 'two@example.gov.uk' }, { email: 'bad@example.gov.uk' }] },
    { name: 'cleared', exemptCleared: true, recipients: [{ email: 'mo@example.gov.uk' }] },
  ];
  const logs: string[] = [];
  return { dir, pdf, config, logs, log: (event: string, d?: Record<string, unknown>) => logs.push(JSON.stringify({ event, ...d })), env: { CABINET_SMTP_PASSWORD: 'sekret-pass-123' } };
}

describe('cabinet send against a real SMTP server', () => {
  it('delivers one message per recipient with the PDF attached, reports the 550, and logs no password', async () => {
    const server = await smtp({ rejectRcpt: 'bad@example.gov.uk' });
    const s = setup(server.port);
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env });
    await server.close();
    expect(r.sent).toEqual(['one@example.gov.uk', 'two@example.gov.uk']);
    expect(r.failed).toEqual([expect.objectContaining({ recipient: 'bad@example.gov.uk', error: expect.stringContaining('550') })]);
    expect(r.exitCode).toBe(1);
    expect(server.received.map((m) => m.to)).toEqual([['one@example.gov.uk'], ['two@example.gov.uk']]);
    const mail = server.received[0]!.mail;
    expect(mail.subject).toBe("Cabinet 12 September 2023 – Agenda Item 7: Children's Social Care Improvement and Development Plan");
    expect(mail.attachments[0]!.filename).toBe('report.pdf');
    expect(Buffer.compare(mail.attachments[0]!.content, s.pdf)).toBe(0);
    expect(mail.text).toContain('Dear Cllr One');
    const ledger = fs.readFileSync(s.config.delivery.ledger, 'utf8');
    expect(ledger.trim().split('\n')).toHaveLength(2);
    for (const text of [ledger, s.logs.join('\n')]) expect(text).not.toContain('sekret-pass-123');
  });

  it('sends nothing new the second time, and sends again when the file changed', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients.pop();
    await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    const again = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    expect(again).toMatchObject({ sent: [], skipped: ['one@example.gov.uk', 'two@example.gov.uk'], exitCode: 0 });
    expect(server.received).toHaveLength(2);
    // A rebuilt paper is a new send.
    const pdf = Buffer.from('%PDF-1.7\nrevised paper\n%%EOF\n');
    fs.writeFileSync(path.join(s.dir, 'built', 'report.pdf'), pdf);
    const manifest = JSON.parse(fs.readFileSync(path.join(s.dir, 'built', 'manifest.json'), 'utf8'));
    manifest.documents[0].sha256 = createHash('sha256').update(pdf).digest('hex');
    fs.writeFileSync(path.join(s.dir, 'built', 'manifest.json'), JSON.stringify(manifest));
    const third = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    await server.close();
    expect(third.sent).toHaveLength(2);
    expect(server.received).toHaveLength(4);
  });

  it('retries after a 421 and then delivers', async () => {
    let calls = 0;
    const server = await smtp({ failData: () => (++calls === 1 ? 421 : undefined) });
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }];
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env });
    await server.close();
    expect(r.sent).toEqual(['one@example.gov.uk']);
    expect(server.received).toHaveLength(1);
    expect(s.logs.some((l) => l.includes('"event":"retry"') && l.includes('421'))).toBe(true);
  });

  it('refuses an exempt paper for a list not cleared, and the server receives nothing', async () => {
    const server = await smtp();
    const s = setup(server.port, true);
    await expect(sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env })).rejects.toThrow(DeliveryRefused);
    await expect(sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env })).rejects.toThrow(/is exempt \(Schedule 12A\) and the list "members" is not cleared/);
    const cleared = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'cleared', config: s.config, env: s.env });
    await server.close();
    expect(cleared.sent).toEqual(['mo@example.gov.uk']);
    expect(server.received.map((m) => m.to)).toEqual([['mo@example.gov.uk']]);
    expect(server.received[0]!.mail.text).toContain('NOT FOR PUBLICATION');
  });

  it('refuses a PDF no manifest vouches for, unless stated public', async () => {
    const s = setup(1);
    fs.writeFileSync(path.join(s.dir, 'loose.pdf'), '%PDF-1.7\n');
    await expect(sendPapers({ inputs: [path.join(s.dir, 'loose.pdf')], list: 'members', config: s.config, dryRun: true })).rejects.toThrow(/not listed in a manifest/);
    const r = await sendPapers({ inputs: [path.join(s.dir, 'loose.pdf')], list: 'members', config: s.config, dryRun: true, vouchPublic: true });
    expect(r.outbox).toHaveLength(3);
  });

  it('writes .eml files that parse on a dry run, sends nothing and records nothing', async () => {
    const server = await smtp();
    const s = setup(server.port);
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, dryRun: true, env: s.env });
    await server.close();
    expect(server.received).toHaveLength(0);
    expect(fs.existsSync(s.config.delivery.ledger)).toBe(false);
    expect(r.outbox).toHaveLength(3);
    const mail = await simpleParser(fs.readFileSync(r.outbox[0]!));
    expect(mail.attachments[0]!.content.equals(s.pdf)).toBe(true);
  });

  it('links instead of attaching when the papers are over the size limit', async () => {
    const s = setup(1);
    s.config.delivery.attachmentLimitBytes = 10;
    s.config.delivery.publishedUrlBase = 'https://democracy.example.gov.uk/papers';
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, dryRun: true });
    const mail = await simpleParser(fs.readFileSync(r.outbox[0]!));
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).toContain('https://democracy.example.gov.uk/papers/report.pdf');
    expect(mail.text).toContain('too large to attach');
  });
});

describe('cabinet monthly', () => {
  it('builds, sends to the board list, and sends nothing new the second time', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.boardPack.sendTo = 'cleared';
    const build = async () => ({ month: '2024-03', outputDir: path.join(s.dir, 'built'), files: [], diagnostics: [], exitCode: 0 as const });
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(0);
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(0);
    await server.close();
    expect(server.received).toHaveLength(1);
    expect(fs.existsSync(s.config.delivery.lockFile)).toBe(false);
  });

  it('will not run while another run holds the lock, and takes over a stale one', async () => {
    const s = setup(1);
    const held = acquireLock(s.config.delivery.lockFile);
    await expect(runMonthly({ config: s.config, log: s.log, build: async () => { throw new Error('must not build'); } })).rejects.toThrow(LockHeld);
    held.release();
    fs.writeFileSync(s.config.delivery.lockFile, '999999');
    const taken = acquireLock(s.config.delivery.lockFile);
    expect(taken.tookOverFrom).toBe(999999);
    taken.release();
  });
});
