import * as fs from 'node:fs';
import * as path from 'node:path';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { isSystemPath } from './safe-read';
import { systemErrorWords } from './system-error';
import { processAlive } from './process-alive';

/**
 * Where output may go. `root` is the output folder (default: the file's own folder): a file is written only
 * if its folder, after resolving symlinks, lies inside the root's real path, so a link planted in the output
 * tree (output/2023-09-12-report -> /etc) cannot carry a build's files out of it.
 */
export interface WriteOptions {
  root?: string | undefined;
}

/**
 * A refused output path, or a write the system refused: printed and exited like unreadable input (exit 2),
 * since it is a setup problem of the same kind, not a problem in the data.
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

const TEMP = /\.tmp-(\d+)-[a-z0-9]+$/;

/**
 * Writes several files so that either all are replaced or none are: everything is first written to temp
 * files; only when all succeeded are they renamed into place, and if a rename is refused half-way the
 * files already replaced are put back from links kept to their previous versions. Whatever fails, no temp
 * file is left behind, and the error says what happened in words, naming the file.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[], options: WriteOptions = {}): void {
  for (const f of files) checkOutputPath(f.path, options.root ?? path.dirname(f.path));
  for (const dir of new Set(files.map((f) => path.dirname(path.resolve(f.path))))) removeStaleTemps(dir);
  const staged: { tmp: string; final: string; previous?: string; renamed: boolean }[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      // Staged before the write, so a write that fails half-way (disk full, file size limit) is removed too.
      staged.push({ tmp: tempName(f.path), final: f.path, renamed: false });
      // wx: never follow or reuse something already at the temp name.
      fs.writeFileSync(staged[staged.length - 1]!.tmp, f.data, { flag: 'wx' });
    }
    for (const s of staged) keepPrevious(s);
    for (const s of staged) {
      current = s.final;
      fs.renameSync(s.tmp, s.final);
      s.renamed = true;
    }
  } catch (e) {
    for (const s of staged) if (s.renamed) putBack(s);
    for (const s of staged) {
      if (!s.renamed) removeQuietly(s.tmp);
      if (s.previous) removeQuietly(s.previous);
    }
    throw new UnsafeOutputError(current, `cannot be written: ${systemErrorWords(e, 'write')}`);
  }
  for (const s of staged) if (s.previous) removeQuietly(s.previous);
}

const tempName = (file: string) => `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;

/** A second name for the file about to be replaced (a hard link: no copy, and the file stays in place). */
function keepPrevious(s: { final: string; previous?: string }): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(s.final);
  } catch {
    return; // nothing there yet: undoing the rename means removing the new file
  }
  if (!stat.isFile()) return;
  const previous = tempName(s.final);
  try {
    fs.linkSync(s.final, previous);
  } catch {
    fs.copyFileSync(s.final, previous, fs.constants.COPYFILE_EXCL);
  }
  s.previous = previous;
}

/** Undoes one rename: the previous version back in place, or the new file removed when there was none. */
function putBack(s: { final: string; previous?: string }): void {
  try {
    if (s.previous) {
      fs.renameSync(s.previous, s.final);
      delete s.previous;
    } else fs.rmSync(s.final, { force: true });
  } catch {
    // The rename that failed is the error to report; this file keeps its new version.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more can be done here; the write's own error is the one to report.
  }
}

/**
 * Everything is rendered before anything is staged, so a live write holds its temp files for seconds: one
 * older than this, whose process is gone, was left by a build that was killed.
 */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Temp files of builds that were killed (SIGKILL, power cut) before they could tidy up. Only old ones whose
 * process is gone: on a shared drive a pid may be another host's build, still writing.
 */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.match(TEMP)?.[1]);
    if (!pid || pid === process.pid || processAlive(pid)) continue;
    const file = path.join(dir, name);
    try {
      if (Date.now() - fs.lstatSync(file).mtimeMs > STALE_TEMP_MS) removeQuietly(file);
    } catch {
      // gone already
    }
  }
}


/** Control characters, separators and dot-names have no place in a file name we make. */
// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f/\\]|^\.\.?$/;

const shownPath = (p: string) => path.relative(process.cwd(), p) || p;

/**
 * Why a folder cannot take outputs, in words that follow its name ("out.pdf is a file: give a folder"), or
 * undefined when it can (it exists and is writable, or can be made under a writable folder). Looked at
 * before anything is made, so a folder under /proc is refused rather than created for ever.
 */
export function outputFolderProblem(dir: string): string | undefined {
  const absolute = path.resolve(dir);
  let existing = absolute;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  let real = existing;
  try {
    real = fs.realpathSync(existing);
  } catch {
    // keep the path as written
  }
  if (isSystemPath(absolute) || isSystemPath(real))
    return `is in ${isSystemPath(absolute) ? absolute.split('/').slice(0, 2).join('/') : real.split('/').slice(0, 2).join('/')}, a system or device folder, not a place for documents: give another folder`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(existing);
  } catch (e) {
    return `cannot be used: ${systemErrorWords(e, 'write')}`;
  }
  if (!stat.isDirectory()) return existing === absolute ? 'is a file: give a folder' : `cannot be made: ${shownPath(existing)} is a file, not a folder`;
  try {
    fs.accessSync(existing, fs.constants.W_OK);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EROFS' ? 'is on a read-only disk' : 'is read-only for this user';
    return existing === absolute ? `${why}: give a folder you can write to` : `cannot be made: ${shownPath(existing)} ${why}`;
  }
  return undefined;
}

/** Creates the file's folder and refuses a name or a folder that would put the file outside `root`. */
export function checkOutputPath(file: string, root: string): void {
  const absolute = path.resolve(file);
  const rootAbsolute = path.resolve(root);
  const name = path.basename(absolute);
  if (BAD_NAME.test(name)) throw new UnsafeOutputError(file, 'is not a safe file name (control characters, separators or dots only)');
  const relative = path.relative(rootAbsolute, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UnsafeOutputError(file, `would be written outside the output folder ${root}`);
  const problem = outputFolderProblem(rootAbsolute);
  if (problem) throw new UnsafeOutputError(`the output folder ${shownPath(rootAbsolute)}`, problem);
  makeFolder(rootAbsolute, file, true);
  const realRoot = fs.realpathSync(rootAbsolute);
  // Create the folders one at a time so none is created through a link that leaves the root.
  let dir = rootAbsolute;
  for (const part of path.dirname(relative).split(path.sep).filter((p) => p && p !== '.')) {
    dir = path.join(dir, part);
    if (!fs.existsSync(dir)) makeFolder(dir, file, false);
    else if (!fs.statSync(dir).isDirectory()) throw new UnsafeOutputError(file, `cannot be written: ${shownPath(dir)} is a file where a folder of outputs should be (move it away and build again)`);
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

function makeFolder(dir: string, file: string, recursive: boolean): void {
  try {
    fs.mkdirSync(dir, { recursive });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UnsafeOutputError(file, `cannot be written: ${shownPath(dir)} (or a folder above it) is a file, not a folder`);
    throw new UnsafeOutputError(file, `cannot be written: the folder ${shownPath(dir)} cannot be made (${systemErrorWords(e, 'write')})`);
  }
}

function refuseOutside(real: string, realRoot: string, file: string, dir: string): void {
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    throw new UnsafeOutputError(file, `its folder ${dir} leads through a symbolic link to ${real}, outside the output folder ${realRoot}; output is never written there`);
}
