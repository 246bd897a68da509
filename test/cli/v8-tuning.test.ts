/**
 * The command line's V8 settings (src/cli/v8-tuning.ts) and the full collection between large documents
 * (src/io/heap-collect.ts): offered to the command line only, taken only above the threshold.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { ROOT } from '../support/cli';
import { collectIfLarge, offerCollector } from '../../src/io/heap-collect';
import '../../src/cli/main';

const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');
const HEAP = path.join(ROOT, 'dist', 'io', 'heap-collect.js');

/** Runs a W&F build with a preloaded probe that, at exit, says what the command line set up. */
function probe(env: NodeJS.ProcessEnv = {}): { globalGc: string; collected: boolean } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-v8-'));
  const file = path.join(dir, 'probe.js');
  fs.writeFileSync(
    file,
    `process.on('exit', () => { const h = require(${JSON.stringify(HEAP)});\n` +
      `  process.stderr.write('PROBE ' + JSON.stringify({ globalGc: typeof globalThis.gc, collected: h.collectIfLarge(0) }) + '\\n'); });\n`,
  );
  const r = spawnSync(process.execPath, ['-r', file, MAIN, 'build', 'data/reports/wf-cabinet-2023-09-12.md', '--out', path.join(dir, 'out'), '--quiet'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status).toBe(0);
  return JSON.parse(/PROBE (.*)/.exec(r.stderr)![1]!) as { globalGc: string; collected: boolean };
}

describe('the command line\'s V8 settings', () => {
  it('offer V8\'s collector to the build, without a gc on the global every module sees', () => {
    const seen = probe();
    expect(seen.collected).toBe(true);
    expect(seen.globalGc).toBe('undefined');
  }, 60_000);

  it('are left off under CABINET_V8_DEFAULTS, and for a library user importing the command line', () => {
    const seen = probe({ CABINET_V8_DEFAULTS: '1' });
    expect(seen.collected).toBe(false);
    // This jest process imported main.ts above: not the command line, so no collector was offered.
    expect(collectIfLarge(0)).toBe(false);
  }, 60_000);
});

describe('a full collection between documents', () => {
  afterEach(() => offerCollector(undefined));

  it('is taken only when the heap has grown by more than the threshold since the last one', () => {
    let calls = 0;
    offerCollector(() => calls++);
    expect(collectIfLarge(Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(calls).toBe(0);
    expect(collectIfLarge(0)).toBe(true);
    expect(calls).toBe(1);
    // A large heap that has not grown since (a warm preview's) is not collected again at every document.
    expect(collectIfLarge(32 * 1024 * 1024)).toBe(false);
    const before = v8.getHeapStatistics().used_heap_size;
    const held = Array.from({ length: 500_000 }, (_, i) => ({ i }));
    const grown = v8.getHeapStatistics().used_heap_size - before;
    expect(collectIfLarge(grown / 2)).toBe(true);
    expect([calls, held.length]).toEqual([2, 500_000]);
  });
});
