import * as fs from 'node:fs';
import * as path from 'node:path';
import { smtp } from '../delivery/smtp-server';
import { ROOT } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { cabinetAsync } from './run';

/** A decision record built by the real CLI, and settings for a list on a loopback SMTP server. */
async function builtPapers(port: number, extraSettings = '') {
  const dir = tempDir();
  fs.copyFileSync(path.join(ROOT, 'data', 'decisions', 'cabinet-2023-06-15-ilacs.md'), path.join(dir, 'd.md'));
  fs.writeFileSync(
    path.join(dir, 'cabinet.yaml'),
    [
      'delivery:',
      `  smtp: { host: 127.0.0.1, port: ${port}, from: "Democratic Services <ds@example.gov.uk>" }`,
      '  retry: { attempts: 1, baseDelayMs: 0 }',
      '  ledger: ledger.jsonl',
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
});
