import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes via a temp file in the same folder and a rename, so a reader (or a crashed build) never sees a
 * half-written file and the previous output survives any failure before the rename.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes several files so that either all are replaced or none are: everything is first written to temp
 * files; only when all succeeded are they renamed into place.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): void {
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(tmp, f.data);
      staged.push({ tmp, final: f.path });
    }
  } catch (e) {
    for (const s of staged) fs.rmSync(s.tmp, { force: true });
    throw e;
  }
  for (const s of staged) fs.renameSync(s.tmp, s.final);
}
