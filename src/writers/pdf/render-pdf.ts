/**
 * PDF writer: draws the pages pagination produced, with pdfkit, as tagged PDF/UA-1. Every box is marked
 * content of its structure element or an artifact; headings become bookmarks and link destinations; fonts
 * are embedded subsets with ToUnicode maps; the document's language, title (shown in the title bar) and
 * pdfuaid are set. Only the drawing happens here: every page decision was made in src/render/paginate.
 */
import type PDFDocument from 'pdfkit';
import type { PDFOutline, PDFStructureElement } from 'pdfkit';
import type { LayoutDocument } from '../../render/layout';
import type { Face } from '../../render/fonts/font-set';
import type { Box, ImageBox, Page, Paginated, StructNode, TextBox } from '../../render/paginate/page-model';
import { artifact, StructureTree } from './structure';
import { drawImage, type SvgFont } from './draw-image';
import { batchPageContent, captureOutput } from './output-sink';
import { GlyphEncoder, type EmbeddedFont } from './glyph-encoder';
import { ContentOps } from './content-ops';
import { atDeflateLevel } from './deflate-level';
import { fontSet } from '../../render/fonts/font-set';

interface GlyphLike {
  advanceWidth: number;
}
interface ShapingFont {
  glyphForCodePoint(cp: number): GlyphLike;
  layout(text: string): { glyphs: GlyphLike[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[]; advanceWidth: number };
}

/**
 * Glyphs straight from the character map, one per character, at their own advance: what pagination measured
 * (Word sets Arial without kerning or ligatures). fontkit's shaper would otherwise run its OpenType feature
 * machinery on every run of text, the largest cost of drawing a page.
 */
function plainGlyphs(font: ShapingFont): void {
  font.layout = (text: string) => {
    const glyphs: GlyphLike[] = [];
    const positions = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
      glyphs.push(glyph);
      positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += glyph.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };
}

export async function drawPdf(doc: LayoutDocument, paged: Paginated): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFKit = require('pdfkit') as typeof PDFDocument;
  const created = new Date(doc.meta.created);
  const pdf = new PDFKit({
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    displayTitle: true,
    lang: doc.meta.language,
    compress: true,
    // Every string is encoded by GlyphEncoder; pdfkit's cache of laid-out words would only hold memory.
    fontLayoutCache: false,
    // No Helvetica: every text is set in an embedded face, and pdfkit parsed Helvetica's metrics anyway.
    font: '',
    info: {
      Title: doc.meta.title,
      ...(doc.meta.author ? { Author: doc.meta.author } : {}),
      ...(doc.meta.subject ? { Subject: doc.meta.subject } : {}),
      ...(doc.meta.keywords?.length ? { Keywords: doc.meta.keywords.join(', ') } : {}),
      Creator: 'cabinet-reports',
      Producer: 'cabinet-reports',
      CreationDate: created,
      ModDate: created,
    },
  });
  escapeXmpInfo(pdf);
  const bytes = captureOutput(pdf);
  batchPageContent(pdf);

  const encoders = new Map<string, GlyphEncoder>();
  const encoderFor = (face: Face) => {
    let encoder = encoders.get(face.key);
    if (!encoder) {
      pdf.registerFont(face.key, face.data);
      pdf.font(face.key);
      const font = (pdf as unknown as { _font: EmbeddedFont & { font: ShapingFont } })._font;
      plainGlyphs(font.font);
      encoder = new GlyphEncoder(font);
      encoders.set(face.key, encoder);
    }
    return encoder;
  };
  const fonts = fontSet(doc.style.fontFiles);
  // svg-to-pdfkit sets the font it is given by name itself: it needs only the face registered.
  const svgFont = (bold: boolean, italic: boolean) => {
    const face = fonts.faces(bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular', 1)[0]!;
    encoderFor(face);
    return face.key;
  };
  const tree = new StructureTree(pdf, paged.root, boxesPerNode(paged.pages));
  const ctx: DrawContext = { pdf, ops: new ContentOps(pdf), tree, encoderFor, svgFont };
  const outline: (PDFOutline | undefined)[] = [pdf.outline];

  // One synchronous pass: pages are drawn, written and compressed as they go, and the file ends here.
  atDeflateLevel(() => {
    for (const page of paged.pages) {
      pdf.addPage({ size: [page.width, page.height], margin: 0 });
      for (const entry of page.outline) pdf.addNamedDestination(entry.id, 'XYZ', 0, entry.y, null);
      addBookmarks(pdf, page, outline);
      drawPage(ctx, page);
    }
    tree.end();
    pdf.end();
  });
  const out = await bytes;
  // A view, not a copy: the file was just joined into one buffer, which nothing else holds.
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

interface DrawContext {
  pdf: PDFDocument;
  ops: ContentOps;
  tree: StructureTree;
  encoderFor: (face: Face) => GlyphEncoder;
  svgFont: SvgFont;
}

/** How many boxes each element owns: it is written to the file once the last of them is drawn. */
function boxesPerNode(pages: Page[]): Map<StructNode, number> {
  const uses = new Map<StructNode, number>();
  for (const page of pages) for (const box of page.boxes) if (box.kind !== 'rect' && box.node) uses.set(box.node, (uses.get(box.node) ?? 0) + 1);
  return uses;
}

/**
 * Text and image boxes in drawing order, cut into runs that share one marked-content sequence: consecutive
 * text boxes of the same element (a paragraph's lines, a cell's lines) or consecutive running-head and
 * page-number artifacts. One sequence per run instead of one per line: the structure tree means the same
 * (the same element owns the same text in the same order) with a fraction of the marked-content ids.
 */
function* runs(boxes: Box[]): Generator<(TextBox | ImageBox)[]> {
  let run: (TextBox | ImageBox)[] = [];
  for (const box of boxes) {
    if (box.kind === 'rect') continue;
    const last = run[run.length - 1];
    if (last && !(box.kind === 'text' && last.kind === 'text' && box.node === last.node)) {
      yield run;
      run = [];
    }
    run.push(box);
  }
  if (run.length) yield run;
}

function drawPage(ctx: DrawContext, page: Page): void {
  const { pdf, ops } = ctx;
  ops.forgetFill();
  // Fills and rules first, in one artifact: text is always drawn over them, and one marked-content block
  // per page instead of one per rule keeps the content stream small.
  const rects = page.boxes.filter((b) => b.kind === 'rect');
  if (rects.length) artifact(pdf, () => ops.write(ops.rects(rects)));
  for (const run of runs(page.boxes)) {
    const first = run[0]!;
    const node = first.node;
    if (first.kind === 'image') {
      const draw = () => {
        drawImage(pdf, first.image, first.x, first.y, first.width, first.height, ctx.svgFont);
        // An SVG sets its own colours.
        ops.forgetFill();
      };
      if (node) ctx.tree.mark(node, 1, draw);
      else artifact(pdf, draw);
      continue;
    }
    const texts = run as TextBox[];
    const draw = () => {
      for (const box of texts) drawText(ctx, box);
    };
    if (!node) {
      artifact(pdf, draw, 'Pagination');
      continue;
    }
    const link = node.link;
    ctx.tree.mark(node, texts.length, draw, link && ((el) => texts.forEach((box) => addLink(pdf, box, link, el))));
  }
}

/** A link annotation over a line of a link's text, owned by the link's structure element. */
function addLink(pdf: PDFDocument, box: TextBox, link: NonNullable<StructNode['link']>, el: object): void {
  const width = box.segments.reduce((a, s) => Math.max(a, s.x + s.width), 0);
  const rect: [number, number, number, number] = [box.x, box.baseline - box.size, width, box.size * 1.2];
  // A String object, which pdfkit writes as a PDF string (a plain string would become a name).
  const options = { structParent: el as PDFStructureElement, Contents: new String(link.contents) };
  if (link.url) pdf.link(...rect, link.url, options);
  else if (link.dest) pdf.goTo(...rect, link.dest, options);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * pdfkit copies the title, author and subject into the XMP packet as raw text, so a title with "&" (Children's
 * Services, Education & Skills) would make the metadata malformed XML. The Info dictionary is written first,
 * from the real values; the XMP is written after it, so the values are escaped just for that step.
 */
function escapeXmpInfo(pdf: PDFDocument): void {
  const target = pdf as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const endMetadata = target.endMetadata.bind(target);
  target.endMetadata = () => {
    for (const key of ['Title', 'Author', 'Subject', 'Creator']) {
      const value = target.info[key];
      if (typeof value === 'string') target.info[key] = xmlText(value);
    }
    endMetadata();
  };
}

function addBookmarks(pdf: PDFDocument, page: Page, outline: (PDFOutline | undefined)[]): void {
  for (const entry of page.outline) {
    if (!entry.listed) continue;
    const parent = outline.slice(0, entry.level).reverse().find(Boolean) ?? outline[0]!;
    const item = parent.addItem(entry.title);
    outline.length = entry.level + 1;
    outline[entry.level] = item;
  }
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * A line's text as PDF text operators, one Tj per font run. The glyphs come from pdfkit's embedded font
 * (which records them for the subset and the ToUnicode map); positions come from pagination, so pdfkit's
 * own text layout, a large share of the drawing time, is not needed. Spaces are real glyphs, so extracted
 * text has real spaces.
 */
function drawText(ctx: DrawContext, box: TextBox): void {
  const { ops } = ctx;
  const height = ops.pageHeight();
  let text = `${ops.fill(box.colour)}q 1 0 0 -1 0 ${num(height)} cm BT`;
  for (const seg of box.segments) {
    const encoder = ctx.encoderFor(seg.face);
    const font = encoder.font;
    ops.useFont(font);
    text += `\n1 0 0 1 ${num(box.x + seg.x)} ${num(height - box.baseline)} Tm /${font.id} ${num(box.size)} Tf <${encoder.encode(seg.text)}> Tj`;
  }
  ops.write(`${text}\nET Q`);
  if (box.underline) {
    const width = box.segments.reduce((a, s) => Math.max(a, s.x + s.width), 0);
    ops.write(ops.rects([{ kind: 'rect', x: box.x, y: box.baseline + 1.5, width, height: 0, stroke: box.colour, lineWidth: 0.5 }]));
  }
}
