import { createHash } from 'node:crypto';
import type PDFDocument from 'pdfkit';
import type { ImageBlock } from '../../render/layout';

/** pdfkit's opened image (PNG or JPEG): embedded into the document on first use, then referenced. */
interface PdfImage {
  width: number;
  height: number;
  obj: unknown;
  embed(pdf: PDFDocument): void;
}

/**
 * Each picture opened and embedded once per document, the first time it is drawn: pdfkit makes a new image
 * object for every call given bytes, so a logo in every running header was embedded on every page.
 */
const opened = new WeakMap<PDFDocument, Map<string, PdfImage>>();

/**
 * pdfkit decodes a PNG with an alpha channel (or an interlaced one) through png-js, which inflates with
 * asynchronous zlib: the image's soft mask became an object whenever the thread pool finished, so two runs
 * could number the PDF's objects differently. During the embed, zlib.inflate answers at once, so objects are
 * numbered in drawing order.
 */
function embedNow(pdf: PDFDocument, image: PdfImage): void {
  // The module object itself (png-js calls its inflate), not an import's read-only namespace.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('node:zlib') as typeof import('node:zlib');
  const z = zlib as unknown as { inflate: (data: Buffer, done: (err: Error | null, out?: Buffer) => void) => void };
  const inflate = z.inflate;
  z.inflate = (data, done) => {
    let out: Buffer;
    try {
      out = zlib.inflateSync(data);
    } catch (e) {
      done(e as Error);
      return;
    }
    done(null, out);
  };
  try {
    image.embed(pdf);
  } finally {
    z.inflate = inflate;
  }
}

function pdfImage(pdf: PDFDocument, data: Uint8Array): PdfImage {
  let images = opened.get(pdf);
  if (!images) {
    images = new Map<string, PdfImage>();
    opened.set(pdf, images);
  }
  // By content: the same logo read for two papers of a pack is one image.
  const key = createHash('sha1').update(data).digest('hex');
  let image = images.get(key);
  if (!image) {
    image = (pdf as unknown as { openImage(src: Buffer): PdfImage }).openImage(Buffer.from(data));
    embedNow(pdf, image);
    images.set(key, image);
  }
  return image;
}

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
  // pdfkit takes an opened image where it takes bytes, and only refers to it once embedded.
  pdf.image(pdfImage(pdf, image.data) as unknown as Buffer, x, y, { width, height });
}
