import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';

export interface ProcessCost {
  /** User + system CPU seconds of the process and the children it waited for. */
  cpu: number;
  /** Peak resident set in MB. */
  peakMb: number;
  wallMs: number;
}

const TIME = '/usr/bin/time';

/**
 * Runs a command and measures the whole process as the operating system saw it (GNU time: CPU of the process
 * and its children, peak RSS), so start-up, module loading and font parsing count, and LibreOffice's
 * soffice.bin is measured the same way as our node process.
 */
export function measureProcess(command: string, args: string[], cwd: string): ProcessCost | undefined {
  if (!fs.existsSync(TIME)) return undefined;
  const start = process.hrtime.bigint();
  const r = spawnSync(TIME, ['-f', '@@%U %S %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const m = /@@([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  if (!m) return undefined;
  return { cpu: Number(m[1]) + Number(m[2]), peakMb: Number(m[3]) / 1024, wallMs };
}

/** The median by CPU, so one busy moment on a shared machine does not decide a comparison. */
export function medianBy(runs: Array<ProcessCost | undefined>): ProcessCost | undefined {
  const done = runs.filter((r): r is ProcessCost => r !== undefined).sort((a, b) => a.cpu - b.cpu);
  return done[Math.floor((done.length - 1) / 2)];
}

/** The LibreOffice binary on PATH, or undefined. */
export function sofficeBinary(): string | undefined {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? 'soffice' : undefined;
}
