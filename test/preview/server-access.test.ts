import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { startPreview, type RunningPreview } from '../../src/preview/preview';
import { privateOutDir } from '../../src/pipeline/build-context';
import { newToken } from '../../src/preview/access';
import { main } from '../../src/cli/main';
import { wfFolder } from './fixture';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('preview server: who may ask, and a port in use', () => {
  jest.setTimeout(120000);
  const wf = wfFolder();
  const ctx = () => ({ cwd: wf.dir, outDir: privateOutDir('cabinet-preview-access-'), formats: ['pdf' as const] });

  it('with --host, every request must carry the token', async () => {
    const token = newToken();
    const preview: RunningPreview = await startPreview({ kind: 'report', file: wf.report }, ctx(), { host: '127.0.0.1', port: 0, token });
    try {
      const origin = new URL(preview.url).origin;
      expect(preview.url).toBe(`${origin}/t/${token}/`);
      expect((await get(preview.url)).status).toBe(200);
      expect((await get(`${preview.url}diagnostics.json`)).status).toBe(200);
      for (const p of ['/', '/diagnostics.json', '/state.json', '/assets/preview.js', `/t/${token.slice(0, -1)}x/`, `/t/${token}x/`, '/t//'])
        expect([p, (await get(origin + p)).status]).toEqual([p, 404]);
    } finally {
      await preview.close();
    }
  });

  it('on loopback, a request naming another host (DNS rebinding) is refused', async () => {
    const preview = await startPreview({ kind: 'report', file: wf.report }, ctx(), { host: '127.0.0.1', port: 0 });
    try {
      expect((await get(preview.url)).status).toBe(200);
      expect((await get(preview.url, { host: 'attacker.example' })).status).toBe(403);
      const diagnostics = JSON.parse((await get(`${preview.url}diagnostics.json`)).body) as { diagnostics: unknown[] };
      expect(Array.isArray(diagnostics.diagnostics)).toBe(true);
    } finally {
      await preview.close();
    }
  });

  it('several papers: a list of them, each paper below p/N/ with its own builds', async () => {
    const second = path.join('data', 'reports', 'second.md');
    fs.writeFileSync(path.join(wf.dir, second), fs.readFileSync(path.join(wf.dir, wf.report), 'utf8').replace('This paper sets out', 'The second paper sets out'));
    const preview = await startPreview([{ kind: 'report', file: wf.report }, { kind: 'report', file: second }], ctx(), { host: '127.0.0.1', port: 0 });
    try {
      const index = await get(preview.url);
      expect(index.status).toBe(200);
      expect(index.body).toContain(`<li><a href="p/0/">${wf.report}</a></li>`);
      expect(index.body).toContain(`<li><a href="p/1/">${second}</a></li>`);
      expect(index.body).not.toContain('<script');
      const states = await Promise.all([0, 1].map(async (i) => JSON.parse((await get(`${preview.url}p/${i}/state.json`)).body) as { paper: string; shown: { documents: { name: string; pdf: string }[] } }));
      expect(states.map((s) => s.paper)).toEqual([wf.report, second]);
      // Each paper's PDF is its own.
      const pdfs = await Promise.all(states.map(async (s, i) => Buffer.from(await (await fetch(`${preview.url}p/${i}/${s.shown.documents[0]!.pdf}`)).arrayBuffer())));
      expect(Buffer.compare(pdfs[0]!, pdfs[1]!)).not.toBe(0);
      expect(Buffer.compare(pdfs[1]!, Buffer.from(preview.sessions[1]!.lastGood!.build.documents[0]!.pdf!))).toBe(0);
      for (const p of ['/p/2/', '/p/0/../../package.json', '/p/x/state.json', '/state.json']) expect([p, (await get(`${new URL(preview.url).origin}${p}`)).status]).toEqual([p, 404]);
      expect((await get(`${preview.url}p/1/assets/preview.js`)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });

  it('a port in use: one line naming the port, exit 2', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await main(['preview', wf.report, '--port', String(port)], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: wf.dir });
      expect(code).toBe(2);
      expect(err.join('')).toBe(`cabinet preview: port ${port} on 127.0.0.1 is already in use (another preview or program?): choose another with --port N\n`);
      expect(out).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('bad arguments are usage errors', async () => {
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => err.push(t), isTTY: false, cwd: wf.dir };
    expect(await main(['preview', wf.report, '--port', 'eighty'], io)).toBe(2);
    expect(err.join('')).toContain('--port expects a number from 0 to 65535, found "eighty"');
    expect(await main(['preview', 'data/no-such.md'], io)).toBe(2);
    expect(err.join('')).toContain('data/no-such.md: file not found');
  });
});
