/**
 * The fonts a document is set in, shared by pagination (metrics, line breaking) and the PDF writer (embedding),
 * so the PDF draws exactly what was measured.
 *
 * The house font is Arimo (Apache-2.0; Arial's metrics, so a DOCX set in Arial breaks lines where our PDF does).
 * @fontsource/arimo ships it cut into Unicode subsets; a style is the chain latin, latin-ext, greek, cyrillic,
 * vietnamese, hebrew, and each character is drawn by the first face that has it. A council's own font files come
 * first in the chain, so its font sets the text and Arimo only fills characters it lacks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { sfntFromWoff } from './woff';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FACE_STYLES: readonly FaceStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface Face {
  /** Unique name, used as the PDF font resource name. */
  key: string;
  file: string;
  /** The font file's bytes as TrueType/OpenType (WOFF unwrapped), for embedding. */
  data: Buffer;
  font: fontkit.Font;
  /** Advance widths in font units, by code point. */
  advances: Map<number, number>;
}

/** A council's own font: one file per style (regular required; others fall back to regular). */
export interface FontFiles {
  regular: string;
  bold?: string | undefined;
  italic?: string | undefined;
  boldItalic?: string | undefined;
}

const SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese', 'hebrew'];
const ARIMO_DIR = path.join(path.dirname(require.resolve('@fontsource/arimo/package.json')), 'files');
const arimoFile = (subset: string, style: FaceStyle) =>
  path.join(ARIMO_DIR, `arimo-${subset}-${style === 'bold' || style === 'boldItalic' ? 700 : 400}-${style === 'italic' || style === 'boldItalic' ? 'italic' : 'normal'}.woff`);

/** Thrown for a council font file that is missing or not a font; the caller names the setting. */
export class FontFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const loaded = new Map<string, Face>();

function loadFace(file: string): Face {
  const known = loaded.get(file);
  if (known) return known;
  let font: fontkit.Font;
  let data: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new FontFileError(file, 'is not a file');
    data = sfntFromWoff(fs.readFileSync(file));
    font = fontkit.create(data);
    if (typeof font.glyphForCodePoint !== 'function' || !font.unitsPerEm) throw new FontFileError(file, 'is a font collection or not a font');
  } catch (e) {
    if (e instanceof FontFileError) throw e;
    throw new FontFileError(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not a TrueType or OpenType font');
  }
  const face: Face = { key: `F${loaded.size + 1}-${path.basename(file).replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9-]/g, '')}`, file, data, font, advances: new Map() };
  loaded.set(file, face);
  return face;
}

let nextSetId = 0;

export class FontSet {
  /** Distinguishes font sets in caches of measured text. */
  readonly id = ++nextSetId;
  private readonly chains = new Map<FaceStyle, string[]>();
  private readonly faceCache = new Map<string, Face[]>();
  private readonly found = new Map<FaceStyle, Map<number, Face | null>>();
  /** Vertical metrics (font units) of the main face, which sets the line height as Word does. */
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;

  constructor(own?: FontFiles) {
    for (const style of FACE_STYLES) {
      const ownFile = own ? (own[style] ?? (style === 'boldItalic' ? (own.bold ?? own.regular) : own.regular)) : undefined;
      this.chains.set(style, [...(ownFile ? [ownFile] : []), ...SUBSETS.map((s) => arimoFile(s, style))]);
    }
    // A council's files are opened now so a bad path fails before any work, naming the file.
    if (own) for (const f of [own.regular, own.bold, own.italic, own.boldItalic]) if (f) loadFace(f);
    const main = this.faces('regular')[0]!.font;
    this.unitsPerEm = main.unitsPerEm;
    this.ascent = main.ascent;
    this.descent = Math.abs(main.descent);
    this.lineGap = main.lineGap;
  }

  /** The style's faces in fallback order; each file is parsed only when first needed. */
  faces(style: FaceStyle, upTo = Infinity): Face[] {
    const chain = this.chains.get(style)!;
    const key = `${style}:${Math.min(upTo, chain.length)}`;
    let list = this.faceCache.get(key);
    if (!list) {
      list = chain.slice(0, Math.min(upTo, chain.length)).map(loadFace);
      this.faceCache.set(key, list);
    }
    return list;
  }

  /** The face that draws a code point in a style, or undefined when no face has it. */
  faceFor(codePoint: number, style: FaceStyle): Face | undefined {
    let byStyle = this.found.get(style);
    if (!byStyle) this.found.set(style, (byStyle = new Map<number, Face | null>()));
    const known = byStyle.get(codePoint);
    if (known !== undefined) return known ?? undefined;
    const chain = this.chains.get(style)!;
    let face: Face | null = null;
    for (const file of chain) {
      const f = loadFace(file);
      if (f.font.hasGlyphForCodePoint(codePoint)) {
        face = f;
        break;
      }
    }
    byStyle.set(codePoint, face);
    return face ?? undefined;
  }

  /** Advance width in font units (of the face's own em, scaled to this set's em). */
  advance(face: Face, codePoint: number): number {
    let w = face.advances.get(codePoint);
    if (w === undefined) {
      w = (face.font.glyphForCodePoint(codePoint).advanceWidth * this.unitsPerEm) / face.font.unitsPerEm;
      face.advances.set(codePoint, w);
    }
    return w;
  }
}

const sets = new Map<string, FontSet>();

/** One FontSet per set of files for the life of the process: fonts are parsed once. */
export function fontSet(own?: FontFiles): FontSet {
  const key = own ? JSON.stringify(own) : '';
  let set = sets.get(key);
  if (!set) {
    set = new FontSet(own);
    sets.set(key, set);
  }
  return set;
}
