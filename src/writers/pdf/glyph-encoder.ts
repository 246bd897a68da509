/** pdfkit's embedded font (EmbeddedFont), as far as encoding text goes. */
export interface EmbeddedFont {
  id: string;
  ref(): unknown;
  scale: number;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  subset: { includeGlyph(glyphId: number): number };
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number; codePoints: number[] } };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * Text as the hex string of subset glyph ids a Tj shows, one glyph per character from the character map:
 * what pagination measured. pdfkit's own encode() lays the string out again (split into words, each word's
 * glyph and position arrays built, cached for the document and concatenated) only for us to throw the
 * positions away. This does what encode() records for the subset, the widths and the ToUnicode map, once
 * per character and font, in the same order, so the PDF is the same bytes.
 */
export class GlyphEncoder {
  private readonly codes = new Map<number, string>();

  constructor(readonly font: EmbeddedFont) {}

  encode(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      out += this.code(cp);
    }
    return out;
  }

  private code(cp: number): string {
    let code = this.codes.get(cp);
    if (code === undefined) {
      const f = this.font;
      const glyph = f.font.glyphForCodePoint(cp);
      const gid = f.subset.includeGlyph(glyph.id);
      if (f.widths[gid] == null) f.widths[gid] = glyph.advanceWidth * f.scale;
      if (f.unicode[gid] == null) f.unicode[gid] = glyph.codePoints;
      code = hex4(gid);
      this.codes.set(cp, code);
    }
    return code;
  }
}
