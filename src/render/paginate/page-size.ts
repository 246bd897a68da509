import type { LayoutStyle } from '../layout';

/** Page sizes in twips, as the DOCX declares them, so both formats have exactly the same page. */
const SIZES: Record<LayoutStyle['pageSize'], { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  A3: { width: 16838, height: 23811 },
  Letter: { width: 12240, height: 15840 },
};

export function pageTwips(size: LayoutStyle['pageSize'], orientation: 'portrait' | 'landscape'): { width: number; height: number } {
  const s = SIZES[size];
  return orientation === 'landscape' ? { width: s.height, height: s.width } : s;
}

/** Points from twips. */
export const pt = (twips: number) => twips / 20;
export const twips = (points: number) => Math.round(points * 20);

/** Usable width between the margins, in twips: the DOCX's table widths and our line widths both use it. */
export function contentTwips(style: LayoutStyle, orientation: 'portrait' | 'landscape'): number {
  return pageTwips(style.pageSize, orientation).width - twips(style.margins.left) - twips(style.margins.right);
}

/** Table column widths in twips: the same rounding in both writers. */
export function columnTwips(relative: readonly number[], totalTwips: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  return relative.map((w) => Math.floor((w / sum) * totalTwips));
}
