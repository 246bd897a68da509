import * as fs from 'node:fs';
import { currentReadPolicy } from './read-policy';

/**
 * A file's identity and version: device, inode, size and modification time. A warm process (cabinet preview,
 * build --watch) keys its caches by this, so an edited logo, font or template is read again, and a file that
 * an editor or Excel replaced by renaming a new one over it (new inode) is too. Absent files stamp as
 * "missing" so the caller's own read reports them.
 */
export function fileStamp(file: string): string {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return 'missing';
  }
}

/**
 * A cache of what was read from files, re-read when a file's stamp changes or the build asking reads under
 * other rules (limits, read roots: a file one build's settings refuse is not handed to it because another
 * build read it). Bounded: the oldest entries go first, so a long session of edits cannot grow it without limit.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: V }>();

  constructor(private readonly limit = 64) {}

  get(file: string, load: () => V): V {
    const policy = currentReadPolicy();
    const stamp = `${fileStamp(file)}|${JSON.stringify(policy.limits)}|${policy.cwd}|${policy.readRoots.join('\0')}`;
    const known = this.entries.get(file);
    if (known && known.stamp === stamp) return known.value;
    const value = load();
    this.entries.delete(file);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(file, { stamp, value });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
