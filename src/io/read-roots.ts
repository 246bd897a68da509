import * as fs from 'node:fs';
import * as path from 'node:path';

/** The folder holding this package (src/io and dist/io both sit two levels below it). */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Our own files, read whatever the roots say: the house templates and the fonts we ship. They are part of
 * the program, not documents a report names, and a council confining reads to its data folder still
 * needs them.
 */
const OWN_FILES = [path.join(PACKAGE_ROOT, 'templates'), path.join(PACKAGE_ROOT, 'node_modules')].map(realOrResolved);

const inside = (target: string, root: string) => target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * Confines every file a build reads (documents named on the command line, workbooks in front matter,
 * reports in a meeting file, images, logos, fonts and templates) to the folders in `paths.readRoots`, so a
 * report on a shared build server cannot pull in ../../etc/passwd or another service's data. Both sides
 * are compared after resolving symlinks, so a link inside a root that points out of it is caught too.
 * Returns the problem in words, or undefined when the path is allowed.
 */
export function outsideReadRoots(file: string, roots: readonly string[], cwd: string): string | undefined {
  if (!roots.length) return undefined;
  const target = realOrResolved(path.resolve(cwd, file));
  const resolvedRoots = roots.map((r) => realOrResolved(path.resolve(cwd, r)));
  if (resolvedRoots.some((root) => inside(target, root)) || OWN_FILES.some((own) => inside(target, own))) return undefined;
  return `${target} is outside the folders this build may read (paths.readRoots: ${roots.join(', ')})`;
}

/** The real path where the file exists (links resolved), else the nearest existing parent's real path plus the rest. */
function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realOrResolved(parent), path.basename(p));
  }
}
