import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { outputFolderProblem } from '../io/atomic-write';
import { processAlive } from '../io/process-alive';

/** Another live run holds the lock (exit 2). */
export class LockHeld extends Error {}
/** The lock path cannot be used at all: a folder, or a folder that cannot be created (exit 2). */
export class LockUnusable extends Error {}

/** What a lock file says about its holder. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the holder started. */
  started: string;
  /** Unique per acquisition, so a run only ever removes its own lock. */
  token: string;
}

export interface Lock {
  release: () => void;
  owner: LockOwner;
  /** The holder of a stale lock that was taken over (the caller logs it). */
  tookOverFrom?: Partial<LockOwner> & { reason: string };
}

export interface LockOptions {
  /** A lock from another host cannot be checked by pid; it is stale after this long. */
  staleAfterMs?: number;
  /** For tests: whether a pid is alive on this host. */
  alive?: (pid: number) => boolean;
}


function readOwner(file: string): { text: string; owner?: Partial<LockOwner> } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner> | null;
    if (parsed && typeof parsed === 'object') return { text, owner: parsed };
  } catch {
    // not JSON: see below
  }
  // Locks written by earlier releases hold only the pid.
  const pid = Number(text.trim());
  return { text, ...(Number.isInteger(pid) && pid > 0 ? { owner: { pid } } : {}) };
}

/** Why a lock is stale, or undefined while its holder may still be running. */
function staleness(owner: Partial<LockOwner> | undefined, o: Required<LockOptions>): string | undefined {
  if (!owner?.pid) return 'the lock file does not say who holds it';
  if (!owner.host || owner.host === os.hostname()) return o.alive(owner.pid) ? undefined : `process ${owner.pid} no longer exists`;
  const started = owner.started ? Date.parse(owner.started) : NaN;
  if (Number.isFinite(started) && Date.now() - started > o.staleAfterMs) return `held by ${owner.host} since ${owner.started}, longer than any run takes`;
  return undefined;
}

/**
 * A lock file that two runs (a monthly run, a send) cannot both hold. The lock's content (pid, host, start time, token) is
 * written to a private file first and then hard-linked into place: link() fails if the lock exists, so the
 * lock never exists without its content and there is no window between "check" and "write". A stale lock (its
 * process gone, or from another host and older than `staleAfterMs`) is renamed aside (only one contender's
 * rename can succeed) and the contest starts again.
 */
export function acquireLock(file: string, options: LockOptions = {}): Lock {
  const o: Required<LockOptions> = { staleAfterMs: options.staleAfterMs ?? 24 * 60 * 60 * 1000, alive: options.alive ?? processAlive };
  preflight(file);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const text = JSON.stringify(owner) + '\n';
  let tookOverFrom: Lock['tookOverFrom'];
  for (let tries = 0; tries < 5; tries++) {
    if (place(file, text)) {
      return { owner, release: () => releaseLock(file, owner.token), ...(tookOverFrom ? { tookOverFrom } : {}) };
    }
    const held = readOwner(file);
    if (!held) continue; // released between our attempt and our look: try again
    if (!held.owner && Date.now() - mtimeMs(file) < 10_000)
      throw new LockHeld(`another run is creating the lock ${file} right now`);
    const reason = staleness(held.owner, o);
    if (!reason) {
      const h = held.owner ?? {};
      throw new LockHeld(`another run holds the lock ${file} (pid ${h.pid ?? '?'} on ${h.host ?? 'this host'}, started ${h.started ?? 'at an unknown time'})`);
    }
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.renameSync(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // another contender moved it first
      throw e;
    }
    // Between our look and our rename another contender may have taken over and placed a fresh lock: if what
    // we moved is not what we judged stale, put it back and let its holder keep it.
    const moved = fs.readFileSync(aside, 'utf8');
    if (moved !== held.text) {
      try {
        fs.linkSync(aside, file);
      } catch {
        // A third contender got in; the lock is theirs either way.
      }
      fs.rmSync(aside, { force: true });
      throw new LockHeld(`another run took the lock ${file} at the same moment`);
    }
    fs.rmSync(aside, { force: true });
    tookOverFrom = { ...held.owner, reason };
  }
  throw new LockHeld(`could not take the lock ${file} after several attempts`);
}

/** A lock path that is a folder, or under a file, is a settings mistake: say so plainly. */
function preflight(file: string): void {
  try {
    if (fs.statSync(file).isDirectory())
      throw new LockUnusable(`the lock path ${file} is a folder; set delivery.lockFile to a file path (e.g. ${path.join(file, 'cabinet-monthly.lock')})`);
  } catch (e) {
    if (e instanceof LockUnusable) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new LockUnusable(`the lock path ${file} is inside something that is not a folder; check delivery.lockFile`);
  }
  // Refused before mkdir: a recursive mkdir under /proc never returns.
  const problem = outputFolderProblem(path.dirname(file));
  if (problem) throw new LockUnusable(`the folder for the lock ${file} ${problem}; check delivery.lockFile`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw new LockUnusable(`cannot create the folder for the lock ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}); check delivery.lockFile`);
  }
}

/** Creates `file` holding `text` only if it does not exist; false when it does. */
function place(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
  } catch (e) {
    throw new LockUnusable(`cannot write the lock ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check delivery.lockFile and the folder's permissions`);
  }
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') return placeWithoutLinks(file, text);
    if (code === 'EISDIR') throw new LockUnusable(`the lock path ${file} is a folder; set delivery.lockFile to a file path`);
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * For file systems without hard links: O_EXCL create, then write. A contender that reads the file in the
 * instant before the write sees no owner, and treats an empty lock as stale only once it is 10 seconds old.
 */
function placeWithoutLinks(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function mtimeMs(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function releaseLock(file: string, token: string): void {
  const held = readOwner(file);
  // Only our own lock: if it was (wrongly) taken over, removing it would let a third run in.
  if (held?.owner?.token === token) fs.rmSync(file, { force: true });
}
