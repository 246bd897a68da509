import * as fs from 'node:fs';

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
 * A cache of what was read from files, re-read when a file's stamp changes. Bounded: the oldest entries go
 * first, so a long session of edits cannot grow it without limit.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: V }>();

  constructor(private readonly limit = 64) {}

  get(file: string, load: () => V): V {
    const stamp = fileStamp(file);
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
