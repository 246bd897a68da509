/** WCAG 2.1 contrast, so a status word printed on its legend colour stays readable (4.5:1 for text). */

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Black or white, whichever reads better on the fill. */
export function textColourFor(fill: string): { colour: string; ratio: number } {
  const black = contrastRatio(fill, '#000000');
  const white = contrastRatio(fill, '#FFFFFF');
  return black >= white ? { colour: '#000000', ratio: black } : { colour: '#FFFFFF', ratio: white };
}

export const MIN_TEXT_CONTRAST = 4.5;

/** The colour mixed toward black in small steps until white text on it reaches `min`:1 (brand colours too light to read on). */
export function darkenFor(fill: string, min = MIN_TEXT_CONTRAST): string {
  const rgb = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
  for (let k = 0; k <= 100; k += 2) {
    const hex = '#' + rgb.map((c) => Math.round(c * (1 - k / 100)).toString(16).padStart(2, '0')).join('').toUpperCase();
    if (contrastRatio(hex, '#FFFFFF') >= min) return hex;
  }
  return '#000000';
}
