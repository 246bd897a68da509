import * as fs from 'node:fs';
import * as path from 'node:path';
import { smtp } from '../delivery/smtp-server';
import { tempDir } from '../report/fixtures';
import { ROOT } from '../support/cli';
import { cabinetAsync } from './run';

/** A council folder: settings pointing at the sample monthly workbooks, SMTP on loopback, everything else here. */
function council(port: number, extra = ''): string {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'cabinet.yaml'),
    [
      'boardPack:',
      '  board: Improvement Board',
      `  planFolders: [${JSON.stringify(path.join(ROOT, 'data', 'monthly'))}]`,
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
    const server = await smtp({ holdReply: () => Promise.race([finished, new Promise<void>((r) => setTimeout(r, 20_000))]) });
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
});
