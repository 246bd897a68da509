/**
 * Our house style under a council's Word template: the template's page (size, margins) and body font and
 * size, with the template itself attached so pagination takes every paragraph format, the header and footer
 * from it (paragraphFormats, running-heads). Applied once where the layout's style is made, so both writers,
 * table widths and pagination see one page.
 */
import type { LayoutStyle } from '../layout';
import type { TemplateLook } from '../../readers/word-template/types';
import { pageTwips, pt } from './page-size';
import { wordFormat } from './template-formats';

const SIZES: LayoutStyle['pageSize'][] = ['A4', 'Letter', 'A3'];
/** Word rounds page sizes to twips and LibreOffice to hundredths of a millimetre. */
const SIZE_TOLERANCE = 2;

/** The page size the template's page is (either way up), or undefined for one we do not lay out. */
export function templatePageSize(look: TemplateLook): LayoutStyle['pageSize'] | undefined {
  const g = look.geometry;
  const portrait = { width: Math.min(g.width, g.height), height: Math.max(g.width, g.height) };
  return SIZES.find((s) => {
    const t = pageTwips(s, 'portrait');
    return Math.abs(pt(t.width) - portrait.width) <= SIZE_TOLERANCE && Math.abs(pt(t.height) - portrait.height) <= SIZE_TOLERANCE;
  });
}

/** What of the template's page we cannot follow (readTemplateLook's callers report these with its warnings). */
export function templatePageWarnings(look: TemplateLook, fallback: LayoutStyle['pageSize']): string[] {
  const g = look.geometry;
  const warnings: string[] = [];
  if (!templatePageSize(look)) warnings.push(`render.wordTemplate ${look.file}: its page is ${Math.round(g.width)} x ${Math.round(g.height)}pt, not A4, A3 or Letter: ${fallback} is used`);
  if (g.columns.count > 1) warnings.push(`render.wordTemplate ${look.file}: its page has ${g.columns.count} columns; reports are set in one`);
  return warnings;
}

export function withWordTemplate(style: LayoutStyle, look: TemplateLook): LayoutStyle {
  const g = look.geometry;
  const size = templatePageSize(look);
  const normalId = look.styles.builtIn.Normal;
  const normal = wordFormat(normalId ? look.styles.byId[normalId]! : look.styles.defaults);
  const m = g.margins;
  return {
    ...style,
    font: normal.font,
    fontSize: normal.size,
    pageSize: size ?? style.pageSize,
    margins: { top: m.top, right: m.right, bottom: m.bottom, left: m.left + m.gutter },
    wordTemplate: look,
  };
}
