import * as fs from 'node:fs';
import * as path from 'node:path';

export class LockHeld extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file created with O_EXCL holding our pid, so two scheduled runs never overlap. A lock left by a
 * process that no longer exists is taken over (and the caller is told, to log it).
 */
export function acquireLock(file: string): { release: () => void; tookOverFrom?: number } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let tookOverFrom: number | undefined;
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return { release: () => fs.rmSync(file, { force: true }), ...(tookOverFrom ? { tookOverFrom } : {}) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (pid && alive(pid)) throw new LockHeld(`another run holds the lock ${file} (pid ${pid})`);
      tookOverFrom = pid || -1;
      fs.rmSync(file, { force: true });
    }
  }
  throw new LockHeld(`could not take the lock ${file}`);
}
