import * as fs from 'node:fs';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface WatchOptions {
  /** Quiet time after the last event before the files are looked at (editors write in bursts). */
  debounceMs?: number;
  /** Gap between the two looks that must agree on size and modification time. */
  settleMs?: number;
  /** Give up waiting for a file that keeps changing after this long, and build anyway. */
  maxWaitMs?: number;
  /** Hears, once per folder and reason, that saves there will not be seen (default: standard error). */
  onError?: (message: string) => void;
}

/** Why a folder cannot be watched, in words an author can act on. */
function watchErrorWords(e: unknown): string {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
      return "the system's limit on watched files is reached (ask for fs.inotify.max_user_watches to be raised)";
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: this user may not watch it';
    default:
      return 'the system would not watch it';
  }
}

const look = (file: string) => {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return 'missing';
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches a paper's sources and calls `onChange` once the author's save has settled: after a quiet spell,
 * and once every changed file has the same size and time twice running (Excel writes a temporary file and
 * renames it over the workbook; editors do the same). Files are watched through their folders, so a file
 * that is deleted and comes back, or is replaced by a rename, is still seen; every other file in those
 * folders is ignored, and folders named as sources (templates) are watched with everything in them.
 */
export class SourceWatcher {
  private files = new Set<string>();
  private folders = new Set<string>();
  private roots = new Set<string>();
  private readonly watcher: FSWatcher;
  private timer?: NodeJS.Timeout;
  private readonly changed = new Set<string>();
  private closed = false;
  private settling = Promise.resolve();
  private readonly whenReady: Promise<void>;

  constructor(
    sources: string[],
    private readonly onChange: (files: string[]) => void,
    private readonly options: WatchOptions = {},
  ) {
    this.watcher = watch([], {
      ignoreInitial: true,
      ignored: (p: string) => !this.wanted(path.resolve(p)),
      // Our own settling below; chokidar's polling-based wait would add seconds.
      awaitWriteFinish: false,
      atomic: true,
    });
    const event = (p: string) => this.event(path.resolve(p));
    this.watcher.on('add', event).on('change', event).on('unlink', event).on('addDir', event).on('unlinkDir', event);
    // Said, not swallowed: an author who saves into a folder we cannot watch must know to rebuild by hand.
    const said = new Set<string>();
    this.watcher.on('error', (e: unknown) => {
      const where = (e as { path?: string } | undefined)?.path ?? [...this.roots].join(', ');
      const message = `cannot watch ${where} for saves: ${watchErrorWords(e)}; saves there will not rebuild the paper`;
      if (said.has(message)) return;
      said.add(message);
      (this.options.onError ?? ((m: string) => process.stderr.write(`${m}\n`)))(message);
    });
    this.whenReady = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
    this.update(sources);
  }

  /** Promise that resolves once chokidar has its first view of the folders (tests wait for it). */
  ready(): Promise<void> {
    return this.whenReady;
  }

  /** The sources after a build: a workbook newly named in the front matter is watched from now on. */
  update(sources: string[]): void {
    const files = new Set<string>();
    const folders = new Set<string>();
    for (const s of sources.map((x) => path.resolve(x))) {
      let isDir: boolean;
      try {
        isDir = fs.statSync(s).isDirectory();
      } catch {
        isDir = false;
      }
      if (isDir) folders.add(s);
      else files.add(s);
    }
    const roots = new Set([...folders, ...[...files].map((f) => path.dirname(f))].filter((r) => fs.existsSync(r)));
    this.files = files;
    this.folders = folders;
    const added = [...roots].filter((r) => !this.roots.has(r));
    const removed = [...this.roots].filter((r) => !roots.has(r));
    this.roots = roots;
    if (added.length) this.watcher.add(added);
    if (removed.length) this.watcher.unwatch(removed);
  }

  private wanted(p: string): boolean {
    if (this.roots.has(p) || this.files.has(p)) return true;
    for (const f of this.folders) if (p === f || p.startsWith(f + path.sep)) return true;
    return false;
  }

  private event(p: string): void {
    if (this.closed || (this.roots.has(p) && !this.folders.has(p))) return;
    this.changed.add(p);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.settling = this.settling.then(() => this.settle());
    }, this.options.debounceMs ?? 150);
  }

  private async settle(): Promise<void> {
    const files = [...this.changed];
    this.changed.clear();
    if (!files.length || this.closed) return;
    const gap = this.options.settleMs ?? 50;
    const deadline = Date.now() + (this.options.maxWaitMs ?? 3000);
    let before = files.map(look).join('|');
    for (;;) {
      await sleep(gap);
      const now = files.map(look).join('|');
      if (now === before || Date.now() > deadline) break;
      before = now;
    }
    if (!this.closed) this.onChange(files);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher.close();
  }
}
