import type PDFDocument from 'pdfkit';
import type { ImageBlock } from '../../render/layout';

type Drawable = Pick<ImageBlock, 'format' | 'data' | 'width' | 'height'>;

/** The embedded font to set SVG text in (PDF/UA: no font may be left unembedded). */
export type SvgFont = (bold: boolean, italic: boolean) => string;

/** PNG and JPEG as image XObjects; SVG as vector paths, so a chart stays sharp at any zoom. */
export function drawImage(pdf: PDFDocument, image: Drawable, x: number, y: number, width: number, height: number, svgFont: SvgFont): void {
  if (image.format === 'svg') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const svgToPdf = require('svg-to-pdfkit') as (doc: PDFDocument, svg: string, x: number, y: number, options: Record<string, unknown>) => void;
    svgToPdf(pdf, Buffer.from(image.data).toString('utf8'), x, y, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      assumePt: true,
      fontCallback: (_family: string, bold: boolean, italic: boolean) => svgFont(bold, italic),
    });
    return;
  }
  pdf.image(Buffer.from(image.data), x, y, { width, height });
}
