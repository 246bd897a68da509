import * as path from 'node:path';
import { readBoundedText } from '../../io/safe-read';

/** Our own house templates, beside src/ and dist/ at the package root. */
export const BUILTIN_TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'templates');

/** No house template of ours needs more than a few kilobytes. */
const OURS_LIMIT = 1024 * 1024;

/**
 * A template file, bounded like every file we read: a council's under limits.maxTextMB and inside
 * paths.readRoots; our own always readable (they ship with the program), under a fixed limit.
 */
export function readTemplateFile(file: string, shown = file): string {
  const ours = path.resolve(file).startsWith(BUILTIN_TEMPLATES + path.sep);
  return ours
    ? readBoundedText(file, { shown, fixedLimit: { bytes: OURS_LIMIT, why: '(our own templates are a few kilobytes: reinstall cabinet-reports)' } })
    : readBoundedText(file, { shown, kind: 'text' });
}
