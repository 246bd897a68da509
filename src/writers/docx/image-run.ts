import { ImageRun } from 'docx';
import type { ImageBlock } from '../../render/layout';

type Picture = Pick<ImageBlock, 'format' | 'data' | 'fallbackPng' | 'width' | 'height' | 'alt'>;

// Points to pixels at 96 dpi, the unit docx's transformation expects.
const px = (pt: number) => Math.round((pt * 96) / 72);

/**
 * One picture as a Word run, with its alt text as the drawing's description (what screen readers read).
 * SVG goes in as SVG (Word 2016+ draws it as vectors) with the PNG fallback older readers show.
 */
export function docxImageRun(picture: Picture, name: string): ImageRun {
  const common = {
    transformation: { width: px(picture.width), height: px(picture.height) },
    altText: { name, title: name, description: picture.alt },
  };
  if (picture.format === 'svg') {
    if (!picture.fallbackPng) throw new Error(`the SVG image "${name}" has no PNG fallback: the layout step must supply one`);
    return new ImageRun({ type: 'svg', data: Buffer.from(picture.data), fallback: { type: 'png', data: Buffer.from(picture.fallbackPng) }, ...common });
  }
  return new ImageRun({ type: picture.format === 'jpeg' ? 'jpg' : 'png', data: Buffer.from(picture.data), ...common });
}
