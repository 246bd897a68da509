import * as fs from 'node:fs';
import * as path from 'node:path';
import { UnreadableInputError } from '../diagnostics/diagnostic';

/**
 * Where output may go. `root` is the output folder (default: the file's own folder): a file is written only
 * if its folder, after resolving symlinks, lies inside the root's real path, so a link planted in the output
 * tree (output/2023-09-12-report -> /etc) cannot carry a build's files out of it.
 */
export interface WriteOptions {
  root?: string | undefined;
}

/**
 * A refused output path: printed and exited like unreadable input (exit 2), since it is a setup problem
 * of the same kind, not a problem in the data.
 */
export class UnsafeOutputError extends UnreadableInputError {
  constructor(file: string, reason: string) {
    super(file, reason);
    this.name = 'UnsafeOutputError';
  }
}

/**
 * Writes via a temp file in the same folder and a rename, so a reader (or a crashed build) never sees a
 * half-written file and the previous output survives any failure before the rename.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  writeFilesAtomic([{ path: file, data }], options);
}

/**
 * Writes several files so that either all are replaced or none are: everything is first written to temp
 * files; only when all succeeded are they renamed into place.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[], options: WriteOptions = {}): void {
  for (const f of files) checkOutputPath(f.path, options.root ?? path.dirname(f.path));
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      // Staged before the write, so a write that fails half-way (disk full, file size limit) is removed too.
      staged.push({ tmp, final: f.path });
      // wx: never follow or reuse something already at the temp name.
      fs.writeFileSync(tmp, f.data, { flag: 'wx' });
    }
  } catch (e) {
    for (const s of staged) fs.rmSync(s.tmp, { force: true });
    throw e;
  }
  for (const s of staged) fs.renameSync(s.tmp, s.final);
}

/** Control characters, separators and dot-names have no place in a file name we make. */
// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f/\\]|^\.\.?$/;

/** Creates the file's folder and refuses a name or a folder that would put the file outside `root`. */
export function checkOutputPath(file: string, root: string): void {
  const absolute = path.resolve(file);
  const rootAbsolute = path.resolve(root);
  const name = path.basename(absolute);
  if (BAD_NAME.test(name)) throw new UnsafeOutputError(file, 'is not a safe file name (control characters, separators or dots only)');
  const relative = path.relative(rootAbsolute, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UnsafeOutputError(file, `would be written outside the output folder ${root}`);
  fs.mkdirSync(rootAbsolute, { recursive: true });
  const realRoot = fs.realpathSync(rootAbsolute);
  // Create the folders one at a time so none is created through a link that leaves the root.
  let dir = rootAbsolute;
  for (const part of path.dirname(relative).split(path.sep).filter((p) => p && p !== '.')) {
    dir = path.join(dir, part);
    if (!fs.existsSync(dir)) fs.mkdirSync(dir);
    refuseOutside(fs.realpathSync(dir), realRoot, file, dir);
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(absolute);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) throw new UnsafeOutputError(file, 'is a symbolic link; output is never written through a link (remove it and build again)');
  if (stat.isDirectory()) throw new UnsafeOutputError(file, 'is a folder where an output file should go');
}

function refuseOutside(real: string, realRoot: string, file: string, dir: string): void {
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    throw new UnsafeOutputError(file, `its folder ${dir} leads through a symbolic link to ${real}, outside the output folder ${realRoot}; output is never written there`);
}
