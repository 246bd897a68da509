/**
 * Start-up (issue 15): the W&F build as a user runs it (V8 flags of src/cli/v8-tuning.ts, and the V8 code
 * cache `npm run build` records, src/cli/code-cache.ts), without the cache (CABINET_NO_CODE_CACHE), under
 * V8's default flags (CABINET_V8_DEFAULTS, where V8 refuses the cache recorded under ours), and a process
 * that only loads the build command's modules, the most a startup snapshot could save. Each figure is the
 * median CPU of five runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { measureProcess, medianBy, type ProcessCost } from './process-cost';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 5;

function medianCpu(args: string[], env: NodeJS.ProcessEnv = {}): number | undefined {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const runs: Array<ProcessCost | undefined> = [];
    for (let i = 0; i < RUNS; i++) runs.push(measureProcess(process.execPath, args, ROOT));
    return runs.includes(undefined) ? undefined : medianBy(runs)?.cpu;
  } finally {
    process.env = saved;
  }
}

const startup: BenchCase = {
  name: 'W&F build under V8 defaults, with our V8 flags, with the code cache too, and loading the modules alone (median CPU of 5)',
  async run() {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-start-'));
    const build = [CLI, 'build', 'data/reports/wf-cabinet-2023-09-12.md', '--out', out, '--quiet'];
    const defaults = medianCpu(build, { CABINET_V8_DEFAULTS: '1', CABINET_NO_CODE_CACHE: '1' });
    const plain = medianCpu(build, { CABINET_NO_CODE_CACHE: '1' });
    const cached = medianCpu(build);
    const loadOnly = medianCpu(['-e', `require(${JSON.stringify(path.join(ROOT, 'dist', 'pipeline', 'build-source.js'))}); require(${JSON.stringify(path.join(ROOT, 'dist', 'writers', 'pdf', 'render-pdf.js'))}); require(${JSON.stringify(path.join(ROOT, 'dist', 'writers', 'docx.js'))})`]);
    const bare = medianCpu(['-e', '0']);
    if (defaults === undefined || plain === undefined || cached === undefined || loadOnly === undefined || bare === undefined) return { result: '/usr/bin/time not available: process CPU not measured' };
    return {
      v8_defaults_cpu_s: defaults.toFixed(2),
      v8_tuning_saves: `${(((defaults - plain) / defaults) * 100).toFixed(0)}%`,
      without_code_cache_cpu_s: plain.toFixed(2),
      with_code_cache_cpu_s: cached.toFixed(2),
      code_cache_saves: `${(((plain - cached) / plain) * 100).toFixed(0)}%`,
      load_modules_cpu_s: loadOnly.toFixed(2),
      bare_node_cpu_s: bare.toFixed(2),
    };
  },
};

export const cases: BenchCase[] = [startup];
