/**
 * Start-up (issue 15): the W&F build as a user runs it, with the V8 code cache `npm run build` records
 * (src/cli/code-cache.ts) and without it (CABINET_NO_CODE_CACHE), and a process that only loads the build
 * command's modules, the most a startup snapshot could save. Each figure is the median CPU of five runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { measureProcess } from './process-cost';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 5;

function medianCpu(args: string[], env: NodeJS.ProcessEnv = {}): number | undefined {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const cpus: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cost = measureProcess(process.execPath, args, ROOT);
      if (!cost) return undefined;
      cpus.push(cost.cpu);
    }
    return cpus.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  } finally {
    process.env = saved;
  }
}

const startup: BenchCase = {
  name: 'W&F build with and without the V8 code cache, and loading the modules alone (median CPU of 5)',
  async run() {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-start-'));
    const build = [CLI, 'build', 'data/reports/wf-cabinet-2023-09-12.md', '--out', out, '--quiet'];
    const plain = medianCpu(build, { CABINET_NO_CODE_CACHE: '1' });
    const cached = medianCpu(build);
    const loadOnly = medianCpu(['-e', `require(${JSON.stringify(path.join(ROOT, 'dist', 'pipeline', 'build-source.js'))}); require(${JSON.stringify(path.join(ROOT, 'dist', 'writers', 'pdf', 'render-pdf.js'))}); require(${JSON.stringify(path.join(ROOT, 'dist', 'writers', 'docx.js'))})`]);
    const bare = medianCpu(['-e', '0']);
    if (plain === undefined || cached === undefined || loadOnly === undefined || bare === undefined) return { result: '/usr/bin/time not available: process CPU not measured' };
    return {
      without_code_cache_cpu_s: plain.toFixed(2),
      with_code_cache_cpu_s: cached.toFixed(2),
      code_cache_saves: `${(((plain - cached) / plain) * 100).toFixed(0)}%`,
      load_modules_cpu_s: loadOnly.toFixed(2),
      bare_node_cpu_s: bare.toFixed(2),
    };
  },
};

export const cases: BenchCase[] = [startup];
