import * as fs from 'node:fs';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { changeWith, megabytes } from './read-limits';

/**
 * Every input file is read through here: only regular files, never more than `maxBytes`. A device
 * (/dev/zero, /dev/urandom) would otherwise be read until memory runs out, a FIFO would block for ever, and
 * /proc files report size 0 while holding secrets (/proc/self/environ), so they are refused by name before
 * anything is opened.
 */
export interface BoundedReadOptions {
  /** The path as the user wrote it, for messages. */
  shown?: string;
  maxBytes: number;
  /** Extra words for the size message, e.g. " or --max-size". */
  sizeHint?: string;
}

/** Kernel and device trees: never a council's document, whatever their stat says. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

export function readBoundedFile(file: string, options: BoundedReadOptions): Buffer {
  const shown = options.shown ?? file;
  refuseSystemPath(file, shown);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UnreadableInputError(shown, 'file not found');
  }
  refuseNonRegular(stat, shown);
  refuseOverSize(stat.size, shown, options);
  // O_NONBLOCK: if the file was swapped for a FIFO since the stat, open returns instead of waiting for a writer.
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableInputError(shown, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    refuseNonRegular(fs.fstatSync(fd), shown);
    return readAtMost(fd, shown, options);
  } finally {
    fs.closeSync(fd);
  }
}

export function readBoundedText(file: string, options: BoundedReadOptions): string {
  return readBoundedFile(file, options).toString('utf8');
}

/** Refuses /proc, /sys and /dev paths, also when reached through a symlink or "..". */
export function refuseSystemPath(file: string, shown = file): void {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return; // missing: the stat that follows says "file not found"
  }
  for (const tree of [file, real])
    if (SYSTEM_TREES.some((root) => tree === root || tree.startsWith(root + '/')))
      throw new UnreadableInputError(shown, `is a system or device file (${real}), not a document; only regular files are read`);
}

function refuseNonRegular(stat: fs.Stats, shown: string): void {
  if (stat.isFile()) return;
  const kind = stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a named pipe (FIFO)'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : stat.isSocket()
          ? 'a socket'
          : 'not a regular file';
  throw new UnreadableInputError(shown, `is ${kind}, not a document; only regular files are read`);
}

function refuseOverSize(size: number, shown: string, options: BoundedReadOptions): void {
  if (size > options.maxBytes)
    throw new UnreadableInputError(shown, `file is ${megabytes(size)}, over the ${megabytes(options.maxBytes)} limit ${changeWith('maxFileBytes', options.sizeHint)}`);
}

/** Reads to the end but stops one byte past the limit, so a file that grows while read is still bounded. */
function readAtMost(fd: number, shown: string, options: BoundedReadOptions): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, options.maxBytes + 1 - total));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > options.maxBytes) refuseOverSize(total, shown, options);
  }
  return Buffer.concat(chunks, total);
}
