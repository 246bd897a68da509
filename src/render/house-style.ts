import * as path from 'node:path';
import type { RenderSettings } from '../config/schema';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { ImageBlock, LayoutDocument, RunningLogo } from './layout';
import type { TemplateLook } from '../readers/word-template/types';
import { fitWithin, ImageFileError, loadImage, type LoadedImage } from './image-file';
import { fitTables } from './column-widths';
import { FontFileError, fontSet } from './fonts/font-set';
import { StampedCache } from '../io/file-stamp';
import { templateHeaderHasImage } from './paginate/template-running';
import { numberHeadingsFromTemplate } from './paginate/template-numbering';

/** Logo sizes in points: a running header line, and the top of a front sheet. */
const HEADER_LOGO = { width: 110, height: 26 };
const FRONT_LOGO = { width: 200, height: 60 };

// Keyed by the file's stamp: a warm process (cabinet preview) shows a logo the author has just replaced.
const loaded = new StampedCache<LoadedImage>(8);

/**
 * The council's logo from `render.logo`, read once per version of the file. A logo that cannot be used stops the run
 * (exit 2) naming the setting, as a missing settings file would: the papers must not go out without it.
 */
export function houseLogo(settings: Pick<RenderSettings, 'logo'>, cwd = process.cwd()): LoadedImage | undefined {
  if (!settings.logo) return undefined;
  const file = path.resolve(cwd, settings.logo.path);
  const shown = settings.logo.path;
  return loaded.get(file, () => {
    try {
      return loadImage(file);
    } catch (e) {
      if (!(e instanceof ImageFileError)) throw e;
      throw new UnreadableInputError('render.logo.path', `"${shown}" ${e.message}; expected a PNG, JPEG or SVG logo`);
    }
  });
}

/** The settings with the logo path made absolute (after checking it loads), so layout code never depends on the working folder. */
export function resolveHouseSettings<T extends Pick<RenderSettings, 'logo'> & Partial<Pick<RenderSettings, 'fontFiles' | 'wordTemplate'>>>(settings: T, cwd: string): T {
  let out = settings;
  if (settings.fontFiles) out = { ...out, fontFiles: houseFonts(settings.fontFiles, cwd) };
  // The council's Word template is opened now: one it cannot use stops the run (exit 2) before any layout.
  if (settings.wordTemplate) {
    const file = path.resolve(cwd, settings.wordTemplate);
    templateLook(file, { shown: settings.wordTemplate });
    out = { ...out, wordTemplate: file };
  }
  if (!settings.logo) return out;
  houseLogo(settings, cwd);
  return { ...out, logo: { ...settings.logo, path: path.resolve(cwd, settings.logo.path) } };
}

/**
 * The council's font files made absolute and opened now: a file that is missing or not a font stops the run
 * (exit 2) naming the setting and the path, before any document is laid out.
 */
function houseFonts(files: NonNullable<RenderSettings['fontFiles']>, cwd: string): NonNullable<RenderSettings['fontFiles']> {
  const resolved = Object.fromEntries(Object.entries(files).filter(([, f]) => f).map(([k, f]) => [k, path.resolve(cwd, f!)])) as NonNullable<RenderSettings['fontFiles']>;
  try {
    fontSet(resolved);
  } catch (e) {
    if (!(e instanceof FontFileError)) throw e;
    const key = Object.entries(resolved).find(([, f]) => f === e.file)?.[0] ?? 'regular';
    throw new UnreadableInputError(`render.fontFiles.${key}`, `"${(files as Record<string, string | undefined>)[key]}" ${e.reason}; expected a TrueType or OpenType font file`);
  }
  return resolved;
}

/**
 * The info line a build prints when render.logo gives way to the logo in the council template's header
 * (finishLayout leaves ours out of the front sheet and the running header of both formats).
 */
export function logoGivesWay(settings: Pick<RenderSettings, 'logo'>, look: TemplateLook | undefined): string | undefined {
  if (!settings.logo || !look || !templateHeaderHasImage(look)) return undefined;
  return `render.logo ${settings.logo.path} is not used: the header of render.wordTemplate ${look.file} has a logo of its own`;
}

function picture(image: LoadedImage, box: { width: number; height: number }, alt: string): RunningLogo {
  return { format: image.format, data: image.data, ...(image.fallbackPng ? { fallbackPng: image.fallbackPng } : {}), ...fitWithin(image, box.width, box.height), alt };
}

/**
 * The last step of every layout: the logo at the top of the first page and in every running header, and
 * table columns wide enough for their header words on this page size. Done once here, not in each document
 * kind, so reports, appendices, agendas, decision records and board packs cannot differ.
 */
export function finishLayout(doc: LayoutDocument, settings: Pick<RenderSettings, 'logo'>): LayoutDocument {
  // A council template whose header has its own logo: ours would show it twice on page 1 (logoGivesWay).
  const image = logoGivesWay(settings, doc.style.wordTemplate) ? undefined : houseLogo(settings);
  // A council template that numbers its headings numbers ours, in both formats.
  doc = numberHeadingsFromTemplate(doc);
  let sections = fitTables(doc.sections, doc.style);
  if (image && settings.logo) {
    const alt = settings.logo.alt;
    const header = picture(image, HEADER_LOGO, alt);
    const front: ImageBlock = { kind: 'image', ...picture(image, FRONT_LOGO, alt) };
    sections = sections.map((s, i) => ({
      ...s,
      header: { ...s.header, logo: header },
      // A document made from others (an agenda pack) already has a logo on each report's front sheet.
      blocks: i === 0 && s.blocks[0]?.kind !== 'image' ? [front, ...s.blocks] : s.blocks,
    }));
  }
  return { ...doc, sections };
}

/** The council's Word template, loaded only by a build that names one (start-up stays small without). */
function templateLook(...args: Parameters<typeof import('../readers/word-template/package').wordTemplateLook>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../readers/word-template/package') as typeof import('../readers/word-template/package')).wordTemplateLook(...args);
}
