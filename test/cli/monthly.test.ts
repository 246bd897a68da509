import * as fs from 'node:fs';
import * as path from 'node:path';
import { smtp } from '../delivery/smtp-server';
import { tempDir } from '../report/fixtures';
import { ROOT } from '../support/cli';
import { cabinetAsync } from './run';

/** A council folder: settings pointing at the sample monthly workbooks, SMTP on loopback, everything else here. */
function council(port: number, extra = '', planFolder = path.join(ROOT, 'data', 'monthly')): string {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'cabinet.yaml'),
    [
      'boardPack:',
      '  board: Improvement Board',
      `  planFolders: [${JSON.stringify(planFolder)}]`,
      '  historyDir: history',
      '  sendTo: board',
      'delivery:',
      `  smtp: { host: 127.0.0.1, port: ${port}, from: "Improvement Team <improvement@example.gov.uk>" }`,
      '  retry: { attempts: 1, baseDelayMs: 0 }',
      '  ledger: ledger.jsonl',
      '  outbox: outbox',
      '  lockFile: run/monthly.lock',
      '  lists:',
      '    - name: board',
      '      recipients: [{ email: chair@example.gov.uk }, { email: dcs@example.gov.uk }]',
      extra, //                                                                     line 15
    ].join('\n'),
  );
  return dir;
}

const args = ['monthly', '--config', 'cabinet.yaml', '--out', 'out', '--today', '2024-04-02'];

/** The JSON log lines a run wrote on stderr. */
const events = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event: string; error?: string });

describe('cabinet monthly through the CLI', () => {
  it('two runs started together: one builds and sends, the other finds the lock held and exits 2', async () => {
    // The server holds each reply until one of the runs has finished, so the sending run is certainly
    // still holding the lock while the other tries to take it (whichever of the two wins).
    let oneFinished!: () => void;
    const finished = new Promise<void>((r) => (oneFinished = r));
    const server = await smtp({ holdReply: () => Promise.race([finished, new Promise<void>((r) => setTimeout(r, 20_000).unref())]) });
    const dir = council(server.port);
    const runs = [cabinetAsync(args, { cwd: dir }), cabinetAsync(args, { cwd: dir })];
    runs.forEach((r) => void r.done.then(() => oneFinished()));
    const results = await Promise.all(runs.map((r) => r.done));
    await server.close();
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 2]);
    const loser = results.find((r) => r.code === 2)!;
    const winner = results.find((r) => r.code === 0)!;
    expect(events(loser.stderr).map((e) => e.event)).toEqual(['lock-held']);
    expect(events(loser.stderr)[0]!.error).toMatch(/another run holds the lock .*monthly\.lock \(pid \d+ on /);
    expect(events(winner.stderr).map((e) => e.event)).toEqual(expect.arrayContaining(['board-pack-built', 'send-start', 'delivered', 'send-end']));
    // Exactly one message per recipient reached the server.
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(['chair@example.gov.uk', 'dcs@example.gov.uk']);
    const mail = server.received[0]!.mail;
    expect(mail.subject).toBe('Improvement Board - March 2024 board pack');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['2024-03 Improvement Board pack.pdf']);
    expect(mail.messageId).toMatch(/@example\.gov\.uk>$/);
    // --out was honoured, and the lock was released.
    expect(fs.existsSync(path.join(dir, 'out', 'board-pack', '2024-03', 'board-pack-2024-03.pdf'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'run'))).toEqual([]);
  }, 120_000);

  it('a lock path that is a folder is a clear error, exit 2', async () => {
    const dir = council(1);
    fs.mkdirSync(path.join(dir, 'run', 'monthly.lock'), { recursive: true });
    const r = await cabinetAsync(args, { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/EISDIR|\n\s+at /);
    expect(events(r.stderr)).toEqual([expect.objectContaining({ event: 'lock-error', error: expect.stringMatching(/monthly\.lock is a folder; set delivery\.lockFile to a file path/) })]);
  });

  it('a settings file with a typo stops the run with exit 2, naming the key and its line', async () => {
    const dir = council(1, 'boardPak: { board: X }');
    const r = await cabinetAsync(args, { cwd: dir }).done;
    expect(r.code).toBe(2);
    expect(events(r.stderr)).toEqual([expect.objectContaining({ event: 'settings-error', code: 'config-unknown-key', line: 15, message: 'unknown key "boardPak": did you mean boardPack?' })]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  /** A plan folder for March 2024 holding the sample plan (when `good`) and a file that is not a workbook. */
  function plans(good: boolean): string {
    const folder = path.join(tempDir(), '2024-03');
    fs.mkdirSync(folder);
    if (good) fs.copyFileSync(path.join(ROOT, 'data', 'monthly', '2024-03', 'wf-improvement-plan.xlsx'), path.join(folder, 'wf-improvement-plan.xlsx'));
    fs.writeFileSync(path.join(folder, 'children-plan.xlsx'), 'this is not a spreadsheet');
    return path.dirname(folder);
  }

  it('no readable plan: sends nothing and exits 2, naming the file', async () => {
    const server = await smtp();
    const dir = council(server.port, '', plans(false));
    const r = await cabinetAsync(args, { cwd: dir }).done;
    await server.close();
    expect(r.code).toBe(2);
    expect(server.connections()).toBe(0);
    const notSent = events(r.stderr).find((e) => e.event === 'not-sent') as { reason?: string; files?: string[] } | undefined;
    expect(notSent?.reason).toBe('no plan for 2024-03 could be read, so there is no pack to send');
    expect(notSent?.files).toEqual([expect.stringMatching(/2024-03\/children-plan\.xlsx$/)]);
  }, 120_000);

  it('some plans unreadable: the pack is not sent unless --send-partial', async () => {
    const server = await smtp();
    const dir = council(server.port, '', plans(true));
    const held = await cabinetAsync(args, { cwd: dir }).done;
    expect(held.code).toBe(1);
    expect(server.connections()).toBe(0);
    expect(events(held.stderr).find((e) => e.event === 'not-sent')).toMatchObject({ files: [expect.stringMatching(/children-plan\.xlsx$/)] });
    const sent = await cabinetAsync([...args, '--send-partial'], { cwd: dir }).done;
    await server.close();
    expect(sent.code).toBe(1);
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(['chair@example.gov.uk', 'dcs@example.gov.uk']);
  }, 120_000);

  it('--dry-run --out DIR writes the .eml files under DIR, and nothing under output/ or the outbox setting', async () => {
    const dir = council(1);
    const r = await cabinetAsync([...args, '--dry-run'], { cwd: dir }).done;
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out', 'outbox')).sort()).toEqual([expect.stringMatching(/-chair@example\.gov\.uk\.eml$/), expect.stringMatching(/-dcs@example\.gov\.uk\.eml$/)]);
    expect(fs.existsSync(path.join(dir, 'outbox'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'output'))).toBe(false);
  }, 120_000);
});

