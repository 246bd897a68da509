import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { smtp } from './smtp-server';
import { sendPapers } from '../../src/delivery/send';
import { DeliveryRefused } from '../../src/delivery/papers';
import { runMonthly } from '../../src/schedule/monthly';
import { acquireLock, LockHeld } from '../../src/schedule/lock';
import { defaultConfig } from '../../src/config/load';
import type { Config } from '../../src/config/schema';
import { tempDir } from '../report/fixtures';

function setup(port: number, exempt = false) {
  const dir = tempDir();
  const pdf = Buffer.from('%PDF-1.7\nfake paper for the test\n%%EOF\n');
  fs.mkdirSync(path.join(dir, 'built'));
  fs.writeFileSync(path.join(dir, 'built', 'report.pdf'), pdf);
  const doc = { file: 'report.pdf', format: 'pdf', kind: 'report', title: "Children's Social Care Improvement and Development Plan", committee: 'Cabinet', meetingDate: '2023-09-12', agendaItem: '7', classification: exempt ? 'exempt' : 'public', ...(exempt ? { exemptParagraphs: [3] } : {}), sha256: createHash('sha256').update(pdf).digest('hex') };
  fs.writeFileSync(path.join(dir, 'built', 'manifest.json'), JSON.stringify({ generator: 'cabinet-reports', source: 'r.md', documents: [doc] }));
  const config: Config = defaultConfig();
  config.delivery.smtp = { ...config.delivery.smtp, host: '127.0.0.1', port, secure: false, user: 'cabinet', from: 'Democratic Services <ds@example.gov.uk>' };
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
    // Named from the document, not the stored file name.
    expect(mail.attachments[0]!.filename).toBe("Children's Social Care Improvement and Development Plan.pdf");
    // The Message-ID is in the sender's domain (from: ds@example.gov.uk).
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}\.[0-9a-f]{12}@example\.gov\.uk>$/);
    expect(Buffer.compare(mail.attachments[0]!.content, s.pdf)).toBe(0);
    expect(mail.text).toContain('Dear Cllr One');
    const ledger = fs.readFileSync(s.config.delivery.ledger, 'utf8');
    const outcomes = ledger.trim().split('\n').map((l) => { const e = JSON.parse(l) as { recipient: string; outcome: string }; return `${e.recipient} ${e.outcome}`; });
    expect(outcomes).toEqual(['one@example.gov.uk delivered', 'two@example.gov.uk delivered', 'bad@example.gov.uk failed']);
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
    const manifest = JSON.parse(fs.readFileSync(path.join(s.dir, 'built', 'manifest.json'), 'utf8')) as { documents: { sha256: string }[] };
    manifest.documents[0]!.sha256 = createHash('sha256').update(pdf).digest('hex');
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

describe('a server that drops the connection or stops answering', () => {
  it('retries a drop in the middle of DATA and then delivers once', async () => {
    let n = 0;
    const server = await smtp({ drop: () => (++n === 1 ? 'during' : undefined) });
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }];
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env });
    await server.close();
    expect(r).toMatchObject({ sent: ['one@example.gov.uk'], failed: [], exitCode: 0 });
    expect(server.dataStarts()).toBe(2);
    expect(server.received).toHaveLength(1);
    expect(s.logs.filter((l) => l.includes('"event":"retry"'))).toHaveLength(1);
  });

  it('fails the recipient whose every attempt is dropped after DATA, records it, and a re-run sends exactly that one', async () => {
    // The first three DATA commands (all of one@'s attempts: retry.attempts is 3) are dropped after the message.
    let n = 0;
    const server = await smtp({ drop: () => (++n <= 3 ? 'after' : undefined) });
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }, { email: 'two@example.gov.uk' }];
    const first = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env });
    expect(first.failed.map((f) => f.recipient)).toEqual(['one@example.gov.uk']);
    expect(first.sent).toEqual(['two@example.gov.uk']);
    expect(first.exitCode).toBe(1);
    expect(server.dataStarts()).toBe(4);
    const lines = fs.readFileSync(s.config.delivery.ledger, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { recipient: string; outcome: string });
    expect(lines.map((l) => [l.recipient, l.outcome])).toEqual([['one@example.gov.uk', 'failed'], ['two@example.gov.uk', 'delivered']]);

    const again = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    await server.close();
    expect(again).toMatchObject({ sent: ['one@example.gov.uk'], skipped: ['two@example.gov.uk'], failed: [], exitCode: 0 });
    expect(server.received.map((m) => m.to)).toEqual([['two@example.gov.uk'], ['one@example.gov.uk']]);
  });

  it('gives up on a server that stops answering after DATA within the socket timeout, not minutes', async () => {
    const server = await smtp({ drop: () => 'hang' });
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }];
    s.config.delivery.retry = { attempts: 2, baseDelayMs: 10 };
    s.config.delivery.smtp.socketTimeoutMs = 1000;
    const started = Date.now();
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env });
    const took = Date.now() - started;
    await server.close();
    expect(r.failed).toEqual([{ recipient: 'one@example.gov.uk', error: expect.stringMatching(/timeout/i) }]);
    expect(server.dataStarts()).toBe(2);
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(8000);
  });
});

describe('a server that accepts the connection and never greets', () => {
  it('fails within the greeting timeout', async () => {
    // A plain TCP listener: the connection opens, no "220" ever comes.
    const silent = net.createServer(() => undefined);
    const sockets: net.Socket[] = [];
    silent.on('connection', (c) => sockets.push(c));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const s = setup((silent.address() as net.AddressInfo).port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }];
    s.config.delivery.retry = { attempts: 1, baseDelayMs: 0 };
    s.config.delivery.smtp.greetingTimeoutMs = 1000;
    const started = Date.now();
    const r = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    const took = Date.now() - started;
    sockets.forEach((c) => c.destroy());
    await new Promise<void>((r2) => silent.close(() => r2()));
    expect(r.failed).toEqual([{ recipient: 'one@example.gov.uk', error: expect.stringMatching(/greeting/i) }]);
    expect(took).toBeLessThan(5000);
  });
});

describe('delivery names', () => {
  /** A built folder holding the given documents, each a small distinct PDF. */
  function built(dir: string, name: string, docs: { file: string; kind: string; title: string; committee?: string; meetingDate?: string; appendix?: string }[]) {
    const folder = path.join(dir, name);
    fs.mkdirSync(folder, { recursive: true });
    const documents = docs.map((d) => {
      const pdf = Buffer.from(`%PDF-1.7\n${name}/${d.file}\n%%EOF\n`);
      fs.writeFileSync(path.join(folder, d.file), pdf);
      return { format: 'pdf', classification: 'public', ...d, sha256: createHash('sha256').update(pdf).digest('hex') };
    });
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ generator: 'cabinet-reports', source: 'x', documents }));
    return folder;
  }

  it('a board pack: subject "<board> - <month> board pack" and the attachment named after the pack', async () => {
    const s = setup(1);
    s.config.delivery.smtp.from = 'Improvement Team <improvement@westmorlandandfurness.gov.uk>';
    const folder = built(s.dir, 'board-pack', [{ file: 'board-pack-2024-03.pdf', kind: 'board-pack', title: 'Improvement Board: monthly board pack, March 2024', committee: 'Improvement Board', meetingDate: '2024-03-31' }]);
    const r = await sendPapers({ inputs: [folder], list: 'cleared', config: s.config, dryRun: true });
    const mail = await simpleParser(fs.readFileSync(r.outbox[0]!));
    expect(mail.subject).toBe('Improvement Board - March 2024 board pack');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['2024-03 Improvement Board pack.pdf']);
    expect(mail.messageId).toMatch(/@westmorlandandfurness\.gov\.uk>$/);
  });

  it('reports and appendices by their titles, never two attachments of one name in a message', async () => {
    const s = setup(1);
    const meeting = { committee: 'Cabinet', meetingDate: '2023-09-12' };
    const a = built(s.dir, 'a', [
      { file: 'report.pdf', kind: 'report', title: 'Budget Monitoring: Quarter 1', ...meeting },
      { file: 'appendix-a-plan.pdf', kind: 'appendix', title: 'Improvement plan', appendix: 'A', ...meeting },
    ]);
    const b = built(s.dir, 'b', [{ file: 'report.pdf', kind: 'report', title: 'Budget Monitoring: Quarter 1', ...meeting }]);
    const r = await sendPapers({ inputs: [a, b], list: 'cleared', config: s.config, dryRun: true });
    const mail = await simpleParser(fs.readFileSync(r.outbox[0]!));
    // ":" is not allowed in Windows file names; the second report of the same title is told apart.
    expect(mail.attachments.map((x) => x.filename)).toEqual(['Budget Monitoring Quarter 1.pdf', 'Appendix A - Improvement plan.pdf', 'Budget Monitoring Quarter 1 (2).pdf']);
    expect(mail.attachments.map((x) => x.content.toString('latin1').split('\n')[1])).toEqual(['a/report.pdf', 'a/appendix-a-plan.pdf', 'b/report.pdf']);
  });
});

describe('a ledger torn by a crash', () => {
  it('sends again only to the recipient whose record was torn', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }, { email: 'two@example.gov.uk' }, { email: 'three@example.gov.uk' }];
    await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    // A crash while the third record was being written: cut the ledger in the middle of its last line.
    const text = fs.readFileSync(s.config.delivery.ledger, 'utf8');
    fs.writeFileSync(s.config.delivery.ledger, text.slice(0, text.length - 40));
    const again = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, log: s.log, env: s.env });
    const third = await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    await server.close();
    expect(again.sent).toEqual(['three@example.gov.uk']);
    expect(again.skipped).toEqual(['one@example.gov.uk', 'two@example.gov.uk']);
    expect(again.warnings).toEqual([expect.stringContaining('the last line was torn')]);
    expect(s.logs.some((l) => l.includes('"event":"ledger-warning"'))).toBe(true);
    expect(third).toMatchObject({ sent: [], skipped: ['one@example.gov.uk', 'two@example.gov.uk', 'three@example.gov.uk'], warnings: [] });
    expect(server.received.map((m) => m.to[0])).toEqual(['one@example.gov.uk', 'two@example.gov.uk', 'three@example.gov.uk', 'three@example.gov.uk']);
  });
});

describe('cabinet monthly', () => {
  it('builds, sends to the board list, and sends nothing new the second time', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.boardPack.sendTo = 'cleared';
    const build = () => Promise.resolve({ month: '2024-03', outputDir: path.join(s.dir, 'built'), files: [], diagnostics: [], exitCode: 0 as const });
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(0);
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(0);
    await server.close();
    expect(server.received).toHaveLength(1);
    expect(fs.existsSync(s.config.delivery.lockFile)).toBe(false);
  });

  it('will not run while another run holds the lock, and takes over a stale one', async () => {
    const s = setup(1);
    const held = acquireLock(s.config.delivery.lockFile);
    await expect(runMonthly({ config: s.config, log: s.log, build: () => Promise.reject(new Error('must not build')) })).rejects.toThrow(LockHeld);
    held.release();
    fs.writeFileSync(s.config.delivery.lockFile, '999999');
    const taken = acquireLock(s.config.delivery.lockFile);
    expect(taken.tookOverFrom).toMatchObject({ pid: 999999, reason: 'process 999999 no longer exists' });
    taken.release();
  });
});
