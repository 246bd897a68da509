/**
 * The fonts a document is set in, shared by pagination (metrics, line breaking) and the PDF writer (embedding),
 * so the PDF draws exactly what was measured.
 *
 * The house font is Arimo (Apache-2.0; Arial's metrics, so a DOCX set in Arial breaks lines where our PDF does).
 * @fontsource/arimo ships it cut into Unicode subsets; a style is the chain latin, latin-ext, greek, cyrillic,
 * vietnamese, hebrew, and each character is drawn by the first face that has it. A council's own font files come
 * first in the chain, so its font sets the text and Arimo only fills characters it lacks.
 */
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { sfntFromWoff } from './woff';
import { fileStamp, StampedCache } from '../../io/file-stamp';
import { readBoundedFile } from '../../io/safe-read';
import { UnreadableInputError } from '../../diagnostics/diagnostic';

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

/**
 * The metric-compatible families we ship (@fontsource, whole fonts cut into Unicode subsets), each with the
 * subsets its package has. Word's fonts are set in these, as LibreOffice does: same advance widths and line
 * heights, so a DOCX in Calibri breaks lines where our PDF in Carlito does.
 */
export type ShippedFamily = 'arimo' | 'carlito' | 'caladea' | 'tinos' | 'cousine';
const FAMILY_SUBSETS: Record<ShippedFamily, string[]> = {
  arimo: SUBSETS,
  carlito: SUBSETS.filter((s) => s !== 'hebrew'),
  caladea: ['latin', 'latin-ext'],
  tinos: SUBSETS,
  cousine: SUBSETS,
};
const familyDirs = new Map<ShippedFamily, string>();
const familyFile = (family: ShippedFamily, subset: string, style: FaceStyle) => {
  let dir = familyDirs.get(family);
  if (!dir) familyDirs.set(family, (dir = path.join(path.dirname(require.resolve(`@fontsource/${family}/package.json`)), 'files')));
  return path.join(dir, `${family}-${subset}-${style === 'bold' || style === 'boldItalic' ? 700 : 400}-${style === 'italic' || style === 'boldItalic' ? 'italic' : 'normal'}.woff`);
};
const arimoFile = (subset: string, style: FaceStyle) => familyFile('arimo', subset, style);
const familyChain = (family: ShippedFamily, style: FaceStyle) => [
  ...FAMILY_SUBSETS[family].map((s) => familyFile(family, s, style)),
  // Arimo fills what a family lacks (Caladea has no Greek or Cyrillic).
  ...(family === 'arimo' ? [] : SUBSETS.map((s) => arimoFile(s, style))),
];

/** Thrown for a council font file that is missing or not a font; the caller names the setting. */
export class FontFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

// Keyed by the file's stamp, so a warm process (cabinet preview) sees a font file that was replaced.
const loaded = new StampedCache<Face>(256);
let faceCount = 0;

function loadFace(file: string): Face {
  return loaded.get(file, () => readFace(file));
}

/** Through the bounded reader: a regular file inside paths.readRoots, at most limits.maxFileMB. */
function boundedFont(file: string): Buffer {
  try {
    return readBoundedFile(file, { kind: 'font' });
  } catch (e) {
    if (!(e instanceof UnreadableInputError)) throw e;
    throw new FontFileError(file, e.reason === 'file not found' ? 'does not exist' : e.reason);
  }
}

function readFace(file: string): Face {
  let font: fontkit.Font;
  let data: Buffer;
  try {
    data = sfntFromWoff(boundedFont(file));
    font = fontkit.create(data);
    if (typeof font.glyphForCodePoint !== 'function' || !font.unitsPerEm) throw new FontFileError(file, 'is a font collection or not a font');
  } catch (e) {
    if (e instanceof FontFileError) throw e;
    throw new FontFileError(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not a TrueType or OpenType font');
  }
  return { key: `F${++faceCount}-${path.basename(file).replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9-]/g, '')}`, file, data, font, advances: new Map() };
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

  /** A council's own files first, else `family` (Arimo, the house font, unless a template names another). */
  constructor(own?: FontFiles, family: ShippedFamily = 'arimo') {
    for (const style of FACE_STYLES) {
      const ownFile = own ? (own[style] ?? (style === 'boldItalic' ? (own.bold ?? own.regular) : own.regular)) : undefined;
      this.chains.set(style, [...(ownFile ? [ownFile] : []), ...(own ? SUBSETS.map((s) => arimoFile(s, style)) : familyChain(family, style))]);
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

/** One FontSet per set of files and their versions: fonts are parsed once, and again only after a file changes. */
export function fontSet(own?: FontFiles, family: ShippedFamily = 'arimo'): FontSet {
  const key = own ? JSON.stringify((Object.entries(own) as [string, string | undefined][]).map(([style, f]) => [style, f, f && fileStamp(f)])) : family === 'arimo' ? '' : family;
  let set = sets.get(key);
  if (!set) {
    set = new FontSet(own, family);
    if (sets.size >= 16) sets.clear();
    sets.set(key, set);
  }
  return set;
}
