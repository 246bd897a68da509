import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireLock, LockHeld, LockUnusable } from '../../src/delivery/lock';
import { tempDir } from '../report/fixtures';

describe('the monthly lock', () => {
  it('holds pid, host, start time and a token, and a second taker is refused while it is held', () => {
    const file = path.join(tempDir(), 'sub', 'monthly.lock');
    const lock = acquireLock(file);
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(owner).toEqual({ pid: process.pid, host: os.hostname(), started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), token: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(() => acquireLock(file)).toThrow(LockHeld);
    expect(() => acquireLock(file)).toThrow(new RegExp(`pid ${process.pid} on ${os.hostname()}`));
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
    // No temporary files are left beside it.
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('takes over a lock whose process has gone, and says whose it was', () => {
    const file = path.join(tempDir(), 'monthly.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: 4242, host: os.hostname(), started: '2024-04-02T06:00:00.000Z', token: 'dead' }));
    const lock = acquireLock(file, { alive: (pid) => pid !== 4242 });
    expect(lock.tookOverFrom).toEqual({ pid: 4242, host: os.hostname(), started: '2024-04-02T06:00:00.000Z', token: 'dead', reason: 'process 4242 no longer exists' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("cannot check another host's pid: its lock holds until it is older than staleAfterMs", () => {
    const file = path.join(tempDir(), 'monthly.lock');
    const recent = new Date(Date.now() - 60_000).toISOString();
    fs.writeFileSync(file, JSON.stringify({ pid: 1, host: 'other-server', started: recent, token: 't' }));
    expect(() => acquireLock(file, { staleAfterMs: 3_600_000 })).toThrow(/pid 1 on other-server/);
    fs.writeFileSync(file, JSON.stringify({ pid: 1, host: 'other-server', started: '2024-01-01T00:00:00.000Z', token: 't' }));
    const lock = acquireLock(file, { staleAfterMs: 3_600_000 });
    expect(lock.tookOverFrom?.reason).toMatch(/held by other-server since 2024-01-01/);
    lock.release();
  });

  it('release removes only its own lock', () => {
    const file = path.join(tempDir(), 'monthly.lock');
    const lock = acquireLock(file);
    const someoneElse = JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: 'not-ours' });
    fs.writeFileSync(file, someoneElse);
    lock.release();
    expect(fs.readFileSync(file, 'utf8')).toBe(someoneElse);
  });

  it('a lock path that is a folder, or under a file, is a clear error', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'monthly.lock'));
    expect(() => acquireLock(path.join(dir, 'monthly.lock'))).toThrow(LockUnusable);
    expect(() => acquireLock(path.join(dir, 'monthly.lock'))).toThrow(/is a folder; set delivery.lockFile to a file path/);
    fs.writeFileSync(path.join(dir, 'plain'), 'x');
    expect(() => acquireLock(path.join(dir, 'plain', 'monthly.lock'))).toThrow(LockUnusable);
  });

  it('an empty lock (a writer between create and write) is held while fresh', () => {
    const file = path.join(tempDir(), 'monthly.lock');
    fs.writeFileSync(file, '');
    expect(() => acquireLock(file)).toThrow(/creating the lock/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    acquireLock(file).release();
  });
});
