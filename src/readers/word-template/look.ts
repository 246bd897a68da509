import type { TemplateLook, WordPackage } from './types';
import { readStyles } from './styles';
import { readGeometry } from './geometry';
import { readRunning } from './header-footer';
import { readNumbering } from './numbering';

/**
 * Everything the template decides about how a document looks, read once: styles, page geometry, headers and
 * footers. Throws WordXmlError for a part that is not well-formed, which the caller reports naming
 * render.wordTemplate and the file.
 */
export function readTemplateLook(pkg: WordPackage): TemplateLook {
  const warnings: string[] = [];
  const styles = readStyles(pkg);
  const geometry = readGeometry(pkg);
  return { file: pkg.file, styles, geometry, running: readRunning(pkg, styles, warnings, geometry), numbering: readNumbering(pkg), warnings };
}
