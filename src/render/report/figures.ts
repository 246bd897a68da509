import * as path from 'node:path';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic';
import type { ImageBlock, LayoutStyle } from '../layout';
import { fitWithin, ImageFileError, loadImage } from '../image-file';
import { contentTwips } from '../paginate/page-size';
import type { BodyItem } from './markdown-body';
import { words } from './words';

type FigureItem = Extract<BodyItem, { kind: 'figure' }>;

export interface FigureSource {
  /** The report file as the user named it: image paths are relative to its folder. */
  file: string;
  /** The Markdown body as written, and the file line it starts on, to give each image its real line. */
  body: string;
  bodyLine: number;
  cwd: string;
}

const MAX_HEIGHT = 560;

/** The file line of an image: where the author wrote it, found by its target (templates can shift the expanded text). */
function lineOf(item: FigureItem, source: FigureSource): number {
  const lines = source.body.split('\n');
  const i = lines.findIndex((l) => l.includes(`](${item.src}`));
  return source.bodyLine + (i >= 0 ? i : item.line);
}

/**
 * Markdown images as numbered figures: the picture at its own size (never enlarged, shrunk to the text width),
 * its alt text for assistive technology and "Figure N: title" under it. A missing or unusable file is an error
 * at its line; an image without alt text a warning, since a screen reader then has nothing to say.
 */
export function figureBlocks(items: BodyItem[], source: FigureSource, style: LayoutStyle, figureWord = 'Figure {{n}}'): { items: BodyItem[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const width = contentTwips(style, 'portrait') / 20;
  let n = 0;
  const out = items.flatMap((item): BodyItem[] => {
    if (item.kind !== 'figure') return [item];
    const place = { file: source.file, line: lineOf(item, source) };
    if (!item.alt) diagnostics.push(warning('image-without-alt', `the image ${item.src} has no alt text: write what it shows between the brackets, ![what it shows](${item.src})`, place));
    if (/^[a-z][a-z0-9+.-]*:/i.test(item.src)) {
      diagnostics.push(error('image-not-local', `the image ${item.src} is not a file: images are read from files beside the report, never fetched`, place));
      return [];
    }
    const file = path.resolve(source.cwd, path.dirname(source.file), decodeURI(item.src));
    try {
      const image = loadImage(file);
      const caption = `${words(figureWord, { n: ++n })}${item.title || item.alt ? `: ${item.title || item.alt}` : ''}`;
      const block: ImageBlock = {
        kind: 'image',
        format: image.format,
        data: image.data,
        ...(image.fallbackPng ? { fallbackPng: image.fallbackPng } : {}),
        ...fitWithin(image, width, MAX_HEIGHT),
        alt: item.alt,
        caption,
      };
      return [{ kind: 'blocks', blocks: [block] }];
    } catch (e) {
      if (!(e instanceof ImageFileError)) throw e;
      diagnostics.push(error('image-unreadable', `the image ${item.src} (${path.relative(source.cwd, file)}) ${e.message}; expected a PNG, JPEG or SVG file, relative to the report`, place));
      return [];
    }
  });
  return { items: out, diagnostics };
}
