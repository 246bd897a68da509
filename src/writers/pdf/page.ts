import type { LayoutSection, LayoutStyle } from '../../render/layout';

const A4 = { width: 595.28, height: 841.89 };

/** Usable width of a page in points, for turning relative column widths into real ones. */
export function contentWidth(style: LayoutStyle, orientation: LayoutSection['orientation']): number {
  const width = orientation === 'landscape' ? A4.height : A4.width;
  return width - style.margins.left - style.margins.right;
}
