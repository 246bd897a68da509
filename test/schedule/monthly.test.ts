import * as fs from 'node:fs';
import * as path from 'node:path';
import { smtp } from '../delivery/smtp-server';
import { setup } from '../delivery/fixture';
import { runMonthly } from '../../src/schedule/monthly';
import { acquireLock, LockHeld } from '../../src/delivery/lock';
import type { BoardPackResult } from '../../src/board-pack/build-board-pack';

/** What the board pack builder returns: the built folder of the fixture, from the plans named. */
const pack = (dir: string, readablePlans = ['plans/a.xlsx'], unreadablePlans: string[] = []): BoardPackResult => ({
  month: '2024-03', outputDir: path.join(dir, 'built'), files: [], written: readablePlans.length > 0, readablePlans, unreadablePlans, diagnostics: [], exitCode: readablePlans.length ? (unreadablePlans.length ? 1 : 0) : 2,
});

describe('cabinet monthly', () => {
  it('builds, sends to the board list, and sends nothing new the second time', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.boardPack.sendTo = 'cleared';
    const build = () => Promise.resolve(pack(s.dir));
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(0);
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(0);
    await server.close();
    expect(server.received).toHaveLength(1);
    expect(fs.existsSync(s.config.delivery.lockFile!)).toBe(false);
  });

  it('will not run while another run holds the lock, and takes over a stale one', async () => {
    const s = setup(1);
    const held = acquireLock(s.config.delivery.lockFile!);
    await expect(runMonthly({ config: s.config, log: s.log, build: () => Promise.reject(new Error('must not build')) })).rejects.toThrow(LockHeld);
    held.release();
    fs.writeFileSync(s.config.delivery.lockFile!, '999999');
    const taken = acquireLock(s.config.delivery.lockFile!);
    expect(taken.tookOverFrom).toMatchObject({ pid: 999999, reason: 'process 999999 no longer exists' });
    taken.release();
  });

  it('sends nothing and exits 2 when no plan could be read, naming the files', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.boardPack.sendTo = 'cleared';
    const code = await runMonthly({ config: s.config, today: '2024-04-02', build: () => Promise.resolve(pack(s.dir, [], ['plans/a.xlsx', 'plans/b.xlsx'])), log: s.log, env: s.env });
    await server.close();
    expect(code).toBe(2);
    expect(server.connections()).toBe(0);
    const notSent = s.logs.map((l) => JSON.parse(l) as { event: string; reason?: string; files?: string[] }).find((e) => e.event === 'not-sent');
    expect(notSent).toMatchObject({ reason: 'no plan for 2024-03 could be read, so there is no pack to send', files: ['plans/a.xlsx', 'plans/b.xlsx'] });
  });

  it('does not send a pack missing some plans unless --send-partial or boardPack.sendPartial says so', async () => {
    const server = await smtp();
    const s = setup(server.port);
    s.config.boardPack.sendTo = 'cleared';
    const build = () => Promise.resolve(pack(s.dir, ['plans/a.xlsx'], ['plans/b.xlsx']));
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(1);
    expect(server.connections()).toBe(0);
    expect(s.logs.find((l) => l.includes('"event":"not-sent"'))).toMatch(/1 plan could not be read.*--send-partial.*"files":\["plans\/b\.xlsx"\]/);
    // Asked for: sent, and still exit 1 (the pack has data problems).
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env, sendPartial: true })).toBe(1);
    expect(server.received.map((m) => m.to)).toEqual([['mo@example.gov.uk']]);
    s.config.boardPack.sendPartial = true;
    s.config.delivery.lists[1]!.recipients.push({ email: 'second@example.gov.uk' });
    expect(await runMonthly({ config: s.config, today: '2024-04-02', build, log: s.log, env: s.env })).toBe(1);
    await server.close();
    expect(server.received.map((m) => m.to)).toEqual([['mo@example.gov.uk'], ['second@example.gov.uk']]);
  });

  it('a dry run with --out writes its .eml files under that folder', async () => {
    const s = setup(1);
    s.config.boardPack.sendTo = 'cleared';
    const out = path.join(s.dir, 'elsewhere');
    expect(await runMonthly({ config: s.config, today: '2024-04-02', outDir: out, dryRun: true, build: () => Promise.resolve(pack(s.dir)), log: s.log })).toBe(0);
    expect(fs.readdirSync(path.join(out, 'outbox'))).toEqual([expect.stringMatching(/-mo@example\.gov\.uk\.eml$/)]);
    expect(fs.existsSync(s.config.delivery.outbox)).toBe(false);
  });
});
