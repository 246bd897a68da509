import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../support/cli';

export const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI (dist/, built by `npm test`'s pretest) in a child process, without blocking this process's
 * event loop, so a test can serve SMTP to it at the same time.
 */
export function cabinetAsync(args: string[], o: { cwd?: string; env?: Record<string, string>; shellPrefix?: string; onStderr?: (all: string) => void } = {}): { done: Promise<Run>; pid: number | undefined } {
  const env = { ...process.env, CABINET_CONFIG: '', ...o.env };
  const child = o.shellPrefix
    ? spawn('bash', ['-c', `${o.shellPrefix}; exec "$0" "$@"`, process.execPath, MAIN, ...args], { cwd: o.cwd ?? ROOT, env })
    : spawn(process.execPath, [MAIN, ...args], { cwd: o.cwd ?? ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    o.onStderr?.(stderr);
  });
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { done, pid: child.pid };
}
