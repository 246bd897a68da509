import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { smtp } from './smtp-server';
import { sendPapers } from '../../src/delivery/send';
import { DeliveryRefused } from '../../src/delivery/papers';
import { setup } from './fixture';
import { LockHeld } from '../../src/delivery/lock';
import { statePaths } from '../../src/delivery/state-paths';

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
    // Logged in with the user from the settings and the password from the environment.
    expect(server.received.map((m) => m.user)).toEqual(['cabinet', 'cabinet']);
    const mail = server.received[0]!.mail;
    expect(mail.subject).toBe("Cabinet 12 September 2023 – Agenda Item 7: Children's Social Care Improvement and Development Plan");
    // Named from the document, not the stored file name.
    expect(mail.attachments[0]!.filename).toBe("Children's Social Care Improvement and Development Plan.pdf");
    // The Message-ID is in the sender's domain (from: ds@example.gov.uk).
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}\.[0-9a-f]{12}@example\.gov\.uk>$/);
    expect(Buffer.compare(mail.attachments[0]!.content, s.pdf)).toBe(0);
    expect(mail.text).toContain('Dear Cllr One');
    const ledger = fs.readFileSync(s.ledger, 'utf8');
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
    expect(fs.existsSync(s.ledger)).toBe(false);
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

describe('an agenda folder with both packs', () => {
  it('is described by the restricted pack: subject and body say restricted, never "(Public Pack)"', async () => {
    const s = setup(1);
    const meeting = { committee: 'Cabinet', meetingDate: '2023-09-12' };
    const folder = path.join(s.dir, 'agenda');
    fs.mkdirSync(folder);
    const docs = [
      { file: 'public-pack.pdf', kind: 'pack', title: '(Public Pack) Agenda Document for Cabinet, 12/09/2023 10:00', classification: 'public' },
      { file: 'frontsheet.pdf', kind: 'agenda', title: 'Agenda frontsheet: Cabinet, 12/09/2023 10:00', classification: 'public' },
      { file: 'restricted-pack.pdf', kind: 'pack', title: '(Restricted Pack) Agenda Document for Cabinet, 12/09/2023 10:00', classification: 'exempt', exemptParagraphs: [3] },
    ].map((d) => {
      const pdf = Buffer.from(`%PDF-1.7\n${d.file}\n%%EOF\n`);
      fs.writeFileSync(path.join(folder, d.file), pdf);
      return { format: 'pdf', ...meeting, ...d, sha256: createHash('sha256').update(pdf).digest('hex') };
    });
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ generator: 'cabinet-reports', source: 'm.yaml', documents: docs }));
    const r = await sendPapers({ inputs: [folder], list: 'cleared', config: s.config, dryRun: true });
    const mail = await simpleParser(fs.readFileSync(r.outbox[0]!));
    expect(mail.subject).toBe('Cabinet 12 September 2023: (Restricted Pack) Agenda Document for Cabinet, 12/09/2023 10:00');
    expect(mail.text).toContain('the papers for Cabinet on 12 September 2023: (Restricted Pack) Agenda Document');
    expect(mail.text).toContain('These papers are NOT FOR PUBLICATION');
    expect(`${mail.subject ?? ''}\n${mail.text ?? ''}`).not.toContain('Public Pack');
  });
});

describe('two sends with one ledger', () => {
  it('never send the same paper twice: the second is refused while the first holds the lock, and a later one re-reads the ledger', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const server = await smtp({ holdReply: () => gate });
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }, { email: 'two@example.gov.uk' }];
    const send = () => sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    const first = send();
    // The first send is certainly sending (its message is at the server, the reply held back).
    while (!server.received.length) await new Promise((r) => setTimeout(r, 20));
    const lock = statePaths(s.config.delivery, { cwd: s.dir }).ledgerLock;
    expect(lock).toBe(`${s.ledger}.lock`);
    expect(fs.existsSync(lock)).toBe(true);
    await expect(send()).rejects.toThrow(LockHeld);
    await expect(send()).rejects.toThrow(/another run holds the lock .*ledger\.jsonl\.lock \(pid \d+/);
    open();
    expect((await first).sent).toEqual(['one@example.gov.uk', 'two@example.gov.uk']);
    expect(fs.existsSync(lock)).toBe(false);
    const later = await send();
    await server.close();
    expect(later).toMatchObject({ sent: [], skipped: ['one@example.gov.uk', 'two@example.gov.uk'] });
    expect(server.received.map((m) => m.to[0])).toEqual(['one@example.gov.uk', 'two@example.gov.uk']);
  });
});

describe('where the ledger lives', () => {
  it('a ledger left at the earlier default (output/send-ledger.jsonl) stops the send until it is moved', async () => {
    const server = await smtp();
    const s = setup(server.port);
    delete s.config.delivery.ledger;
    fs.mkdirSync(path.join(s.dir, 'output'));
    fs.writeFileSync(path.join(s.dir, 'output', 'send-ledger.jsonl'), '');
    const send = () => sendPapers({ inputs: ['built'], list: 'members', config: s.config, cwd: s.dir, settingsFile: 'cabinet.yaml', env: s.env });
    await expect(send()).rejects.toThrow(
      'the send ledger now lives beside the settings file, and the one from before is still at output/send-ledger.jsonl: move it to send-ledger.jsonl (or set delivery.ledger: output/send-ledger.jsonl); nothing was sent, so nobody gets a second copy',
    );
    expect(server.connections()).toBe(0);
    fs.renameSync(path.join(s.dir, 'output', 'send-ledger.jsonl'), path.join(s.dir, 'send-ledger.jsonl'));
    s.config.delivery.lists[0]!.recipients.pop();
    expect((await send()).sent).toHaveLength(2);
    await server.close();
  });

  it('by default beside the settings file, never under output/; a set delivery.ledger is read from where cabinet runs', () => {
    const s = setup(1);
    const delivery = { ...s.config.delivery };
    delete delivery.ledger;
    delete delivery.lockFile;
    expect(statePaths(delivery, { cwd: '/srv/council', settingsFile: 'settings/cabinet.config.yaml' })).toEqual({
      ledger: '/srv/council/settings/send-ledger.jsonl', ledgerLock: '/srv/council/settings/send-ledger.jsonl.lock', runLock: '/srv/council/settings/send-ledger.jsonl.lock',
    });
    expect(statePaths(delivery, { cwd: '/srv/council' }).ledger).toBe('/srv/council/send-ledger.jsonl');
    expect(statePaths({ ...delivery, ledger: 'state/sent.jsonl', lockFile: 'run/monthly.lock' }, { cwd: '/srv/council', settingsFile: 'x/c.yaml' })).toEqual({
      ledger: '/srv/council/state/sent.jsonl', ledgerLock: '/srv/council/state/sent.jsonl.lock', runLock: '/srv/council/run/monthly.lock',
    });
  });
});

describe('a ledger torn by a crash', () => {
  it('sends again only to the recipient whose record was torn', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.delivery.lists[0]!.recipients = [{ email: 'one@example.gov.uk' }, { email: 'two@example.gov.uk' }, { email: 'three@example.gov.uk' }];
    await sendPapers({ inputs: [path.join(s.dir, 'built')], list: 'members', config: s.config, env: s.env });
    // A crash while the third record was being written: cut the ledger in the middle of its last line.
    const text = fs.readFileSync(s.ledger, 'utf8');
    fs.writeFileSync(s.ledger, text.slice(0, text.length - 40));
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
