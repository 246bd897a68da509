import type { ImageBlock } from './layout';
import { svgSize, svgToPng } from './svg-png';
import { readBoundedFile } from '../io/safe-read';
import { UnreadableInputError } from '../diagnostics/diagnostic';

/** An image file as the layout carries it: its format from its bytes (not its name), its size, and for SVG a PNG too. */
export interface LoadedImage {
  format: ImageBlock['format'];
  data: Uint8Array;
  fallbackPng?: Uint8Array;
  /** Natural size in points (pixels at 96 dpi; an SVG's own units). */
  width: number;
  height: number;
}

/** Why a file cannot be used as an image; thrown by loadImage with a sentence for the user. */
export class ImageFileError extends Error {}

function pngSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** JPEG: walk the markers to the first start-of-frame, which holds the size. */
function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    // SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry height then width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return undefined;
}

const PX_TO_PT = 72 / 96;

export function loadImage(file: string): LoadedImage {
  let bytes: Buffer;
  try {
    // Bounded like every input: a regular file only (not /dev/zero, a FIFO or a folder), inside
    // paths.readRoots, at most limits.maxImageMB (an image larger is not a logo or a figure for a paper).
    bytes = readBoundedFile(file, { kind: 'image' });
  } catch (e) {
    if (e instanceof UnreadableInputError) throw new ImageFileError(e.reason);
    throw e;
  }
  const png = pngSize(bytes);
  if (png) return { format: 'png', data: bytes, width: png.width * PX_TO_PT, height: png.height * PX_TO_PT };
  const jpeg = jpegSize(bytes);
  if (jpeg) return { format: 'jpeg', data: bytes, width: jpeg.width * PX_TO_PT, height: jpeg.height * PX_TO_PT };
  const text = bytes.toString('utf8', 0, Math.min(bytes.length, 4096));
  if (/<svg\b/i.test(text)) {
    const size = svgSize(bytes.toString('utf8'));
    if (!size) throw new ImageFileError('is an SVG without a width and height or viewBox, so its shape is unknown');
    let fallbackPng: Uint8Array;
    try {
      fallbackPng = svgToPng(bytes);
    } catch (e) {
      throw new ImageFileError(`is an SVG that cannot be drawn (${e instanceof Error ? e.message : String(e)})`);
    }
    return { format: 'svg', data: bytes, fallbackPng, width: size.width * PX_TO_PT, height: size.height * PX_TO_PT };
  }
  if (bytes.length === 0) throw new ImageFileError('is empty');
  throw new ImageFileError('is not a PNG, JPEG or SVG image');
}

/** The size to show an image at: its own, scaled down (never up) to fit the box, keeping its shape. */
export function fitWithin(image: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  return { width: Math.round(image.width * scale * 10) / 10, height: Math.round(image.height * scale * 10) / 10 };
}
