/**
 * A council's Word template (.dotx or .docx) opened as a package: the shared contract between the package
 * reader (package.ts), the style and geometry readers (styles.ts, geometry.ts) and the DOCX writer, which
 * writes our body into it. Parts are kept as raw bytes so everything we do not understand is copied
 * through untouched.
 */
export interface WordPackage {
  /** The path as the user wrote it, for messages. */
  file: string;
  /** Every part by its zip name without a leading slash (e.g. "word/styles.xml"), inflated and checked. */
  parts: Map<string, Uint8Array>;
  /** A .dotx (template content type): the written .docx gets the document content type instead. */
  isTemplate: boolean;
  /** The zip name of the main document part (from _rels/.rels; normally "word/document.xml"). */
  mainPart: string;
  /** Relationships of each part that has any, keyed by the owning part's zip name ("" for the package). */
  relationships: Map<string, WordRelationship[]>;
  /** Content types: Default by extension (lower case, no dot) and Override by part name (no leading slash). */
  contentTypes: WordContentTypes;
  /** Things in the template we refuse to carry into a council's paper (linked images, data fields...). */
  warnings: string[];
}

export interface WordRelationship {
  id: string;
  /** The full relationship type URI. */
  type: string;
  /** As written in the .rels part (relative to the owner's folder unless external). */
  target: string;
  /** The target resolved to a zip name; undefined for an external target. */
  part?: string;
  external: boolean;
}

export interface WordContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

/** Relationship types the writer and readers look for. */
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  fontTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  aFChunk: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk',
} as const;

/*
 * What the template says about the look of a document (styles.ts, geometry.ts, header-footer.ts): plain data
 * that pagination sets the PDF from and the DOCX writer finds style ids in. Sizes are points, colours #RRGGBB.
 */

/** Word's built-in styles we write our body in, by built-in id; a template names them (style name or id). */
export type BuiltInStyle =
  | 'Normal' | 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4' | 'Heading5' | 'Heading6'
  | 'ListBullet' | 'ListNumber' | 'ListParagraph' | 'Caption' | 'TOCHeading' | 'TOC1' | 'TOC2' | 'TOC3' | 'TOC4'
  | 'TableGrid' | 'Hyperlink' | 'Header' | 'Footer';

/** Character formatting as resolved through docDefaults and the basedOn chain; absent: not said anywhere. */
export interface WordRunFormat {
  /** The Latin font's family name (theme fonts resolved through the theme part). */
  font?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  colour?: string;
  underline?: boolean;
}

export interface WordParaFormat {
  before?: number;
  after?: number;
  /** Line spacing: a multiple of the font's single line ('auto') or a height in points ('exact', 'atLeast'). */
  line?: { value: number; rule: 'auto' | 'exact' | 'atLeast' };
  indentLeft?: number;
  indentRight?: number;
  /** First line's offset from the left indent: negative for a hanging indent. */
  firstLine?: number;
  align?: 'left' | 'center' | 'right' | 'both';
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  outlineLevel?: number;
  /** The numbering a style's paragraphs get (w:numPr), e.g. numbered headings. */
  numbering?: { numId: string; level: number };
}

export interface WordStyle {
  id: string;
  name: string;
  type: 'paragraph' | 'character' | 'table' | 'numbering';
  basedOn?: string;
  /** Resolved: docDefaults, then each style of the basedOn chain from the root down to this one. */
  para: WordParaFormat;
  run: WordRunFormat;
}

export interface WordStyles {
  /** Document defaults (w:docDefaults), already part of every resolved style. */
  defaults: { para: WordParaFormat; run: WordRunFormat };
  /** Every style by style id. */
  byId: Record<string, WordStyle>;
  /** The built-in styles the template has, by built-in id -> the template's style id. */
  builtIn: Partial<Record<BuiltInStyle, string>>;
  /** Latent style names (w:latentStyles/w:lsdException): styles Word knows but the template does not define. */
  latent: string[];
  /** Fonts of the font table by name, with their generic family (roman, swiss, modern...). */
  fontFamilies: Record<string, string>;
}

/** The page setup of the template's last section (w:body/w:sectPr). */
export interface WordGeometry {
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  columns: { count: number; space: number };
  /** A different first page header and footer (w:titlePg). */
  titlePage: boolean;
  /** Different even page headers and footers (w:evenAndOddHeaders in settings.xml). */
  evenAndOdd: boolean;
}

export type RunningPiece =
  | ({ kind: 'text'; text: string } & WordRunFormat)
  | ({ kind: 'field'; field: 'PAGE' | 'NUMPAGES' | 'SECTIONPAGES' } & WordRunFormat)
  | { kind: 'tab' }
  | { kind: 'image'; format: 'png' | 'jpeg'; data: Uint8Array; width: number; height: number; alt: string; anchor?: ImageAnchor };

/**
 * Where a floating (wp:anchor) picture sits: it takes no room in the line. Across: from the page's left
 * edge, the left margin, or where it is anchored in the line; aligned, or at an offset (points). Down: from
 * the page's top (a margin-relative place is resolved with the template's margins) or the paragraph's top,
 * at its offset (an alignment relative to the paragraph is not followed).
 */
export interface ImageAnchor {
  x: { from: 'page' | 'margin' | 'character'; offset: number; align?: 'left' | 'center' | 'right' };
  y: { from: 'page' | 'paragraph'; offset: number };
}

export interface RunningParagraph {
  styleId?: string;
  /** The paragraph's own properties over its style's (resolved with the style). */
  para: WordParaFormat;
  run: WordRunFormat;
  pieces: RunningPiece[];
}

/** A header or footer part: its paragraphs (tables in a header are read as their cells' paragraphs, in order). */
export interface RunningPart {
  part: string;
  paragraphs: RunningParagraph[];
}

export interface WordRunning {
  headers: { default?: RunningPart; first?: RunningPart; even?: RunningPart };
  footers: { default?: RunningPart; first?: RunningPart; even?: RunningPart };
}

/** One level of a Word list (w:lvl): sizes in points. */
export interface WordNumberingLevel {
  start: number;
  /** w:numFmt: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, decimalZero, none, bullet... */
  format: string;
  /** w:lvlText: "%1.%2" puts level 1's and level 2's numbers in; anything else is literal. */
  text: string;
  /** What follows the number before the text (w:suff). */
  suffix: 'tab' | 'space' | 'nothing';
  indentLeft?: number;
  hanging?: number;
  /** w:lvlRestart: restart after a paragraph at this 1-based level or higher (0: never). */
  restart?: number;
}

/** The template's lists by w:numId, each with its levels (index = w:ilvl) after the num's overrides. */
export interface WordNumbering {
  nums: Record<string, { levels: (WordNumberingLevel | undefined)[] }>;
}

/** Everything the template decides about a document's look, read once per build. */
export interface TemplateLook {
  file: string;
  styles: WordStyles;
  geometry: WordGeometry;
  running: WordRunning;
  /** Its lists (numbered headings); absent: the template has no numbering part we read. */
  numbering?: WordNumbering;
  /** What was read past or not carried (unknown fields, external images...), for the build's warnings. */
  warnings: string[];
  /** The package itself, which the DOCX writer writes the document into (set by wordTemplateLook in package.ts). */
  package?: WordPackage;
}
