/**
 * `npm run bench`: runs every case of every src/bench/*.bench.ts in a fresh node process and prints
 * wall time and peak RSS (process.resourceUsage().maxRSS) with the case's own figures.
 * `node dist/bench/run.js <filter>` runs only cases whose "file: name" contains the filter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BenchCase } from './case';

interface CaseResult {
  ms: number;
  peakRssMb: number;
  figures: Record<string, string | number>;
}

function benchFiles(): string[] {
  return fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .sort()
    .map((f) => path.join(__dirname, f));
}

function loadCases(file: string): BenchCase[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { cases: BenchCase[] }).cases;
}

async function runOne(file: string, name: string, prepareOnly: boolean): Promise<void> {
  const bench = loadCases(file).find((c) => c.name === name);
  if (!bench) throw new Error(`no case ${name} in ${file}`);
  if (prepareOnly) return bench.prepare?.();
  const start = process.hrtime.bigint();
  const figures = await bench.run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const result: CaseResult = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, figures };
  process.stdout.write(JSON.stringify(result));
}

let failed = 0;

function runAll(filter?: string): void {
  for (const file of benchFiles()) {
    for (const c of loadCases(file)) {
      const label = `${path.basename(file, '.bench.js')}: ${c.name}`;
      if (filter && !label.includes(filter)) continue;
      let out: string;
      try {
        if (c.prepare) execFileSync(process.execPath, [__filename, '--prepare', file, c.name], { stdio: 'inherit' });
        out = execFileSync(process.execPath, [__filename, '--case', file, c.name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        // One broken case must not hide the others' figures.
        const stderr = String((e as { stderr?: unknown }).stderr ?? e).trim().split('\n').find((l) => /Error/.test(l)) ?? 'failed';
        console.log(`${label.padEnd(52)} FAILED: ${stderr}`);
        failed++;
        continue;
      }
      const r = JSON.parse(out.slice(out.lastIndexOf('{"ms"'))) as CaseResult;
      const extra = Object.entries(r.figures)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ');
      const verdict = c.target ? (r.ms <= c.target.ms && r.peakRssMb <= c.target.mb ? `ok (<= ${c.target.ms} ms, ${c.target.mb} MB)  ` : `OVER (${c.target.ms} ms, ${c.target.mb} MB)  `) : '';
      console.log(`${label.padEnd(52)} ${r.ms.toFixed(0).padStart(7)} ms  ${r.peakRssMb.toFixed(0).padStart(5)} MB peak RSS  ${verdict}${extra}`);
    }
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--case' || argv[0] === '--prepare') {
  runOne(argv[1]!, argv[2]!, argv[0] === '--prepare').catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  runAll(argv[0]);
  if (failed) process.exitCode = 1;
}
