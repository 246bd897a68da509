import * as fs from 'node:fs';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { changeWith, KIND_LIMIT, overLimitText, type ReadKind } from './read-limits';
import { currentReadPolicy } from './read-policy';
import { outsideReadRoots } from './read-roots';
import { systemErrorWords } from './system-error';

/**
 * Every input file is read through here: only regular files, inside paths.readRoots, never more than the
 * limit for its kind. A device (/dev/zero, /dev/urandom) would otherwise be read until memory runs out, a
 * FIFO would block for ever, and /proc files report size 0 while holding secrets (/proc/self/environ), so
 * they are refused by name before anything is opened.
 */
export interface BoundedReadOptions {
  /** The path as the user wrote it, for messages. */
  shown?: string;
  /** What the file is read as: its size limit is the policy's limit for that kind (default workbook). */
  kind?: ReadKind;
  /** A limit that wins over the kind's (--max-size); the message still names the kind's setting. */
  maxBytes?: number;
  /** Extra words for the size message, e.g. " or --max-size". */
  sizeHint?: string;
  /** For a file with its own fixed limit and no setting (a template, the settings file): the limit and the sentence's tail. */
  fixedLimit?: { bytes: number; why: string };
  /** False only for the settings file: the settings are what name the read roots. */
  confined?: boolean;
}

/** Kernel and device trees: never a council's document, whatever their stat says. */
export const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

export function readBoundedFile(file: string, options: BoundedReadOptions = {}): Buffer {
  return withBoundedFile(file, options, (fd, limit, tooLarge, size) => readAtMost(fd, limit, tooLarge, size));
}

/**
 * The same file under the same rules, handed to `onPiece` a piece at a time as it is read, so a reader that
 * can work on pieces (CSV) never holds the whole file.
 */
export function readBoundedPieces(file: string, options: BoundedReadOptions, onPiece: (piece: Buffer) => void, pieceBytes = 1024 * 1024): void {
  // The reader's own errors (too many cells) are its words, not a failed read: thrown once the file is closed.
  let failure: { error: unknown } | undefined;
  withBoundedFile(file, options, (fd, limit, tooLarge) => {
    let total = 0;
    for (;;) {
      const piece = Buffer.allocUnsafe(Math.min(pieceBytes, limit + 1 - total));
      const n = fs.readSync(fd, piece, 0, piece.length, null);
      if (n === 0) return;
      total += n;
      if (total > limit) throw tooLarge(total);
      try {
        onPiece(n === piece.length ? piece : piece.subarray(0, n));
      } catch (error) {
        failure = { error };
        return;
      }
    }
  });
  if (failure) throw failure.error;
}

/** Opens the file once the path, the read roots, its kind and its size allow it, and runs `read` on it. */
function withBoundedFile<T>(file: string, options: BoundedReadOptions, read: (fd: number, limit: number, tooLarge: (size: number) => Error, size: number) => T): T {
  const shown = options.shown ?? file;
  refuseSystemPath(file, shown);
  const policy = currentReadPolicy();
  if (options.confined !== false) {
    const outside = outsideReadRoots(file, policy.readRoots, policy.cwd);
    if (outside) throw new UnreadableInputError(shown, outside);
  }
  const limit = options.fixedLimit?.bytes ?? options.maxBytes ?? policy.limits[KIND_LIMIT[options.kind ?? 'workbook']];
  const tooLarge = (size: number) =>
    new UnreadableInputError(shown, `${overLimitText(size, limit)} ${options.fixedLimit?.why ?? changeWith(KIND_LIMIT[options.kind ?? 'workbook'], options.sizeHint)}`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new UnreadableInputError(shown, readProblem(e));
  }
  refuseNonRegular(stat, shown);
  if (stat.size > limit) throw tooLarge(stat.size);
  // O_NONBLOCK: if the file was swapped for a FIFO since the stat, open returns instead of waiting for a writer.
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableInputError(shown, `cannot be opened: ${readProblem(e)}`);
  }
  try {
    const opened = fs.fstatSync(fd);
    refuseNonRegular(opened, shown);
    return read(fd, limit, tooLarge, opened.size);
  } catch (e) {
    if (e instanceof UnreadableInputError) throw e;
    throw new UnreadableInputError(shown, `cannot be read: ${readProblem(e)}`);
  } finally {
    fs.closeSync(fd);
  }
}

export function readBoundedText(file: string, options: BoundedReadOptions = {}): string {
  return readBoundedFile(file, options).toString('utf8');
}

/** A failed stat or open in words: "file not found" rather than ENOENT. */
function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'ENOTDIR') return 'file not found (a folder on its path is a file)';
  return systemErrorWords(e, 'read');
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
    if (isSystemPath(tree)) throw new UnreadableInputError(shown, `is a system or device file (${real}), not a document; only regular files are read`);
}

export const isSystemPath = (p: string) => SYSTEM_TREES.some((root) => p === root || p.startsWith(root + '/'));

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

/**
 * Reads into one buffer the size the file said it was (plus a byte, to see it has grown), so a big CSV is
 * held once rather than as pieces and then their join; a file that grows while read is still capped.
 */
function readAtMost(fd: number, limit: number, tooLarge: (size: number) => Error, expected: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, 64 * 1024), limit + 1));
      buf.copy(grown, 0, 0, total);
      buf = grown;
    }
    const n = fs.readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
    if (total > limit) throw tooLarge(total);
  }
  return buf.subarray(0, total);
}
