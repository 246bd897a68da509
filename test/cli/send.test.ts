import * as fs from 'node:fs';
import * as path from 'node:path';
import { smtp } from '../delivery/smtp-server';
import { ROOT } from '../support/cli';
import { tempDir } from '../report/fixtures';
import * as net from 'node:net';
import { cabinetAsync } from './run';

/** A decision record built by the real CLI, and settings for a list on a loopback SMTP server. */
async function builtPapers(port: number, extraSettings = '', ledger = '  ledger: ledger.jsonl') {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, 'data', 'decisions', 'cabinet-2023-06-15-ilacs.md'), path.join(dir, 'd.md'));
  fs.writeFileSync(
    path.join(dir, 'cabinet.yaml'),
    [
      'delivery:',
      `  smtp: { host: 127.0.0.1, port: ${port}, from: "Democratic Services <ds@example.gov.uk>" }`,
      '  retry: { attempts: 1, baseDelayMs: 0 }',
      ledger,
      '  outbox: outbox',
      '  lists:',
      '    - name: members',
      '      recipients: [{ email: one@example.gov.uk }, { email: two@example.gov.uk }]',
      extraSettings,
    ].join('\n'),
  );
  const built = await cabinetAsync(['build', 'd.md', '--out', 'out', '--format', 'pdf', '--config', 'cabinet.yaml'], { cwd: dir }).done;
  expect(built.code).toBe(0);
  const folder = path.join('out', fs.readdirSync(path.join(dir, 'out'))[0]!);
  return { dir, folder };
}

const send = (dir: string, ...args: string[]) => cabinetAsync(['send', ...args, '--config', 'cabinet.yaml'], { cwd: dir }).done;

describe('cabinet send through the CLI', () => {
  it('sends a built folder (exit 0), skips it the second time (exit 0), and exits 1 when someone is not reached', async () => {
    const server = await smtp({ rejectRcpt: 'three@example.gov.uk' });
    const { dir, folder } = await builtPapers(server.port, '    - name: with-bad\n      recipients: [{ email: one@example.gov.uk }, { email: three@example.gov.uk }]');
    const first = await send(dir, folder, '--list', 'members');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 sent, 0 already delivered, 0 not delivered');
    const second = await send(dir, folder, '--list', 'members');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 sent, 2 already delivered, 0 not delivered');
    const partial = await send(dir, folder, '--list', 'with-bad');
    await server.close();
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/not delivered to three@example\.gov\.uk: .*550/);
    expect(server.received.map((m) => m.to[0])).toEqual(['one@example.gov.uk', 'two@example.gov.uk']);
    expect(server.received[0]!.mail.attachments.map((a) => a.filename)).toEqual(["Decision - Inspection of Local Authority Children's Services (ILACS) - Outcomes and Action Plan.pdf"]);
  }, 90_000);

  it('refuses a PDF changed after it was built (exit 1), before connecting to anyone', async () => {
    const server = await smtp();
    const { dir, folder } = await builtPapers(server.port);
    fs.appendFileSync(path.join(dir, folder, 'decision.pdf'), '% edited by hand\n');
    const r = await send(dir, folder, '--list', 'members');
    await server.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/decision\.pdf has changed since it was built \(its hash differs from manifest\.json\): rebuild it before sending/);
    expect(server.received).toEqual([]);
    expect(server.dataStarts()).toBe(0);
  }, 90_000);

  it('usage, settings and unreadable input are exit 2 with one plain line', async () => {
    const { dir, folder } = await builtPapers(1);
    const noList = await send(dir, folder);
    expect([noList.code, noList.stderr]).toEqual([2, expect.stringContaining('--list is required')]);
    const unknownList = await send(dir, folder, '--list', 'cabinet');
    expect([unknownList.code, unknownList.stderr]).toEqual([2, expect.stringContaining('--list cabinet: no such distribution list in the settings (delivery.lists: members)')]);
    fs.writeFileSync(path.join(dir, folder, 'manifest.json'), '{"generator": "cabinet-reports", "documents": [');
    const broken = await send(dir, folder, '--list', 'members');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/manifest\.json: not a manifest cabinet-reports can trust, so nothing was sent: not valid JSON/);
    fs.appendFileSync(path.join(dir, 'cabinet.yaml'), '\n  ledgr: x.jsonl\n');
    const typo = await send(dir, folder, '--list', 'members');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/cabinet\.yaml: line 10: error\[config-unknown-key\]: unknown key "delivery\.ledgr": did you mean delivery\.ledger\?/);
    for (const r of [noList, unknownList, broken, typo]) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('keeps the ledger beside the settings file by default, not under the output folder', async () => {
    const server = await smtp();
    const { dir, folder } = await builtPapers(server.port, '', '');
    const r = await send(dir, folder, '--list', 'members');
    await server.close();
    expect(r.code).toBe(0);
    const ledger = fs.readFileSync(path.join(dir, 'send-ledger.jsonl'), 'utf8').trim().split('\n');
    expect(ledger.map((l) => (JSON.parse(l) as { recipient: string; outcome: string }).outcome)).toEqual(['delivered', 'delivered']);
    expect(fs.readdirSync(path.join(dir, folder)).filter((f) => /ledger|lock/.test(f))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'send-ledger.jsonl.lock'))).toBe(false);
  }, 90_000);

  it('two sends started together: one sends, the other is refused (exit 2), nobody gets two copies', async () => {
    let oneFinished!: () => void;
    const finished = new Promise<void>((r) => (oneFinished = r));
    const server = await smtp({ holdReply: () => Promise.race([finished, new Promise<void>((r) => setTimeout(r, 20_000).unref())]) });
    const { dir, folder } = await builtPapers(server.port);
    const runs = [cabinetAsync(['send', folder, '--list', 'members', '--config', 'cabinet.yaml'], { cwd: dir }), cabinetAsync(['send', folder, '--list', 'members', '--config', 'cabinet.yaml'], { cwd: dir })];
    runs.forEach((r) => void r.done.then(() => oneFinished()));
    const results = await Promise.all(runs.map((r) => r.done));
    await server.close();
    expect(results.map((r) => r.code).sort()).toEqual([0, 2]);
    const loser = results.find((r) => r.code === 2)!;
    expect(loser.stderr).toMatch(/^cabinet send: another send or monthly run is using the same send ledger: another run holds the lock .*ledger\.jsonl\.lock \(pid \d+ on .*\); nothing was sent: try again when it has finished\n$/);
    expect(server.received.map((m) => m.to[0])).toEqual(['one@example.gov.uk', 'two@example.gov.uk']);
  }, 90_000);

  it('a server that never greets: progress while waiting, everyone not reached named, exit 1, within the wait + 5 s', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((c) => sockets.push(c));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const { dir, folder } = await builtPapers(port);
    fs.appendFileSync(path.join(dir, 'cabinet.yaml'), `\n  deadlineSeconds: 60\n`);
    fs.writeFileSync(path.join(dir, 'cabinet.yaml'), fs.readFileSync(path.join(dir, 'cabinet.yaml'), 'utf8').replace(`port: ${port},`, `port: ${port}, greetingTimeoutMs: 1000,`));
    const started = Date.now();
    const r = await send(dir, folder, '--list', 'members');
    const took = Date.now() - started;
    sockets.forEach((c) => c.destroy());
    await new Promise<void>((res) => silent.close(() => res()));
    expect(r.code).toBe(1);
    expect(took).toBeLessThan(1000 + 5000 + 3000); // + the CLI's own start
    expect(r.stderr).toMatch(/^1\/2 one@example\.gov\.uk: attempt 1, started \d\d:\d\d:\d\d$/m);
    expect(r.stderr).toContain('the mail server is failing: the other 1 recipient is not tried in this run');
    expect(r.stdout).toBe(
      `not delivered to one@example.gov.uk: the mail server 127.0.0.1:${port} accepted the connection but did not greet within 1 s (delivery.smtp.greetingTimeoutMs); if it expects TLS from the start (port 465), set delivery.smtp.secure: true\n` +
        'not delivered to two@example.gov.uk: not tried: the mail server was failing earlier in this run\n' +
        '0 sent, 0 already delivered, 2 not delivered\n',
    );
  }, 90_000);
});

