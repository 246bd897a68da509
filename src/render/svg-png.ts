import * as fs from 'node:fs';

/**
 * Fonts for drawing SVG text to PNG: Arimo (Arial's metrics) from the system's croscore fonts when they are
 * there, else whatever the system has. Loaded lazily with resvg, which only SVG images need.
 */
const CROSCORE = '/usr/share/fonts/truetype/croscore';
const ARIMO = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => `${CROSCORE}/Arimo-${s}.ttf`);

/** An SVG as PNG at `scale` times its own size (2 = print-sharp at the size it is shown). */
export function svgToPng(svg: string | Uint8Array, scale = 2): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const hasArimo = fs.existsSync(ARIMO[0]!);
  const resvg = new Resvg(Buffer.from(svg), {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: !hasArimo, ...(hasArimo ? { fontFiles: ARIMO.filter((f) => fs.existsSync(f)), defaultFontFamily: 'Arimo' } : { defaultFontFamily: 'Arial' }) },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Width and height an SVG declares (its width/height attributes, else its viewBox), in CSS pixels. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = svg.match(/<svg\b[^>]*>/i)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => Number(root.match(new RegExp(`\\s${name}="([\\d.]+)(px|pt)?"`))?.[1]);
  const w = attr('width');
  const h = attr('height');
  if (w > 0 && h > 0) return { width: w, height: h };
  const box = root.match(/viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : undefined;
}

