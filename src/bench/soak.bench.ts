/**
 * A soak (issue 17 item 7): the warm path a preview server uses, many builds and sends in one process.
 * 50 builds of the W&F cabinet report and 20 sends of a built folder to a loopback SMTP server, printing
 * RSS and open file handles (/proc/self/fd) at the start, after one warm-up round (caches filled, fonts
 * loaded), every 10 builds and at the end, with the live heap after a full collection. Memory and handles
 * must not grow with the number of builds: the verdict compares handles with the warm-up, and the live heap
 * at the end with the 10th build (RSS alone swells until the collector settles, so it is shown, not judged).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { SMTPServer } from 'smtp-server';
import type { BenchCase } from './case';
import { buildSource } from '../pipeline/build-source';
import { sendPapers } from '../delivery/send';
import { defaultConfig } from '../config/load';

const ROOT = path.resolve(__dirname, '..', '..');
const REPORT = path.join(ROOT, 'data', 'reports', 'wf-cabinet-2023-09-12.md');
const BUILDS = 50;
const SENDS = 20;

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
v8.setFlagsFromString('--expose-gc');
/** The heap still in use after a full collection: what a leak would grow, unlike RSS, which the collector lets swell. */
const liveHeapMb = () => {
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const openFiles = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : NaN);

/** A mail server that accepts everything and keeps nothing. */
async function sink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _s, cb) => {
      stream.on('end', () => {
        received++;
        cb();
      });
      stream.resume();
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.server.address() as AddressInfo).port, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const soak: BenchCase = {
  name: `soak: ${BUILDS} builds and ${SENDS} sends in one process`,
  async run() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-soak-'));
    const server = await sink();
    const config = defaultConfig();
    config.delivery.smtp = { ...config.delivery.smtp, host: '127.0.0.1', port: server.port, from: 'Democratic Services <ds@example.gov.uk>' };
    config.delivery.lists = [{ name: 'members', exemptCleared: false, recipients: [{ email: 'one@example.gov.uk' }, { email: 'two@example.gov.uk' }] }];
    const build = async () => {
      const r = await buildSource(REPORT, { config, outDir: path.join(work, 'out'), cwd: ROOT });
      if (!r.outputDir) throw new Error(`the soak's build stopped: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      return r.outputDir;
    };
    let sends = 0;
    const send = async (folder: string) => {
      // A fresh ledger each time, so every send really talks to the server.
      config.delivery.ledger = path.join(work, `ledger-${sends++}.jsonl`);
      const r = await sendPapers({ inputs: [folder], list: 'members', config, cwd: ROOT });
      if (r.exitCode) throw new Error(`the soak's send failed: ${JSON.stringify(r.failed)}`);
    };

    const start = { rss: rssMb(), fds: openFiles() };
    const folder = await build();
    await send(folder);
    const warm = { rss: rssMb(), fds: openFiles(), heap: liveHeapMb() };
    const trail: string[] = [];
    const heaps: number[] = [];
    for (let i = 1; i <= BUILDS; i++) {
      await build();
      if (i <= SENDS) await send(folder);
      if (i % 10 === 0) {
        heaps.push(liveHeapMb());
        trail.push(`${rssMb().toFixed(0)}MB/${heaps.at(-1)!.toFixed(0)}MB/${openFiles()}fd`);
      }
    }
    // Let closing sockets finish closing before counting handles.
    await new Promise((r) => setTimeout(r, 1500));
    const end = { rss: rssMb(), fds: openFiles(), heap: liveHeapMb() };
    const received = server.received();
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
    const fdGrowth = end.fds - warm.fds;
    // Live heap from the 10th build to the end: a leak of even 100 KB a build would add 4 MB here.
    const heapGrowth = end.heap - heaps[0]!;
    return {
      rss_mb_start_warm_end: `${start.rss.toFixed(0)}/${warm.rss.toFixed(0)}/${end.rss.toFixed(0)}`,
      live_heap_mb_warm_end: `${warm.heap.toFixed(0)}/${end.heap.toFixed(0)}`,
      fds_start_warm_end: `${start.fds}/${warm.fds}/${end.fds}`,
      'every_10_builds(rss/live heap/fds)': trail.join(' '),
      messages_received: received,
      verdict: `${fdGrowth <= 2 ? 'handles ok' : `HANDLES GROW (+${fdGrowth})`}, ${heapGrowth <= 4 ? `heap ok (${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB from build 10 to 50)` : `HEAP GROWS (+${heapGrowth.toFixed(1)} MB from build 10 to 50)`}`,
    };
  },
};

export const cases: BenchCase[] = [soak];
