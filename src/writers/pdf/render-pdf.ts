/**
 * PDF writer: draws the pages pagination produced, with pdfkit, as tagged PDF/UA-1. Every box is marked
 * content of its structure element or an artifact; headings become bookmarks and link destinations; fonts
 * are embedded subsets with ToUnicode maps; the document's language, title (shown in the title bar) and
 * pdfuaid are set. Only the drawing happens here: every page decision was made in src/render/paginate.
 */
import type PDFDocument from 'pdfkit';
import type { PDFOutline } from 'pdfkit';
import type { LayoutDocument } from '../../render/layout';
import type { Face } from '../../render/fonts/font-set';
import type { ImageBox, Page, Paginated, RectBox, TextBox } from '../../render/paginate/page-model';
import { artifact, StructureTree } from './structure';
import { drawImage, type SvgFont } from './draw-image';
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
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (c) => chunks.push(c));
    pdf.on('end', () => resolve());
    pdf.on('error', (e) => reject(e instanceof Error ? e : new Error(String(e))));
  });

  const registered = new Set<string>();
  const useFace = (face: Face) => {
    if (registered.has(face.key)) {
      pdf.font(face.key);
      return;
    }
    pdf.registerFont(face.key, face.data);
    pdf.font(face.key);
    plainGlyphs((pdf as unknown as { _font: { font: ShapingFont } })._font.font);
    registered.add(face.key);
  };
  const fonts = fontSet(doc.style.fontFiles);
  const svgFont = (bold: boolean, italic: boolean) => {
    const face = fonts.faces(bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular', 1)[0]!;
    useFace(face);
    return face.key;
  };
  const tree = new StructureTree(pdf, paged.root);
  const outline: (PDFOutline | undefined)[] = [pdf.outline];

  for (const page of paged.pages) {
    pdf.addPage({ size: [page.width, page.height], margin: 0 });
    for (const entry of page.outline) pdf.addNamedDestination(entry.id, 'XYZ', 0, entry.y, null);
    addBookmarks(pdf, page, outline);
    // Fills and rules first, in one artifact: text is always drawn over them, and one marked-content block
    // per page instead of one per rule keeps the content stream small.
    const rects = page.boxes.filter((b) => b.kind === 'rect');
    if (rects.length) artifact(pdf, () => rects.forEach((r) => drawRect(pdf, r)));
    for (const box of page.boxes) if (box.kind !== 'rect') drawBox(pdf, box, tree, useFace, svgFont);
  }
  tree.end();
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
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

/** Text and images; rects are drawn per page beforehand. */
function drawBox(pdf: PDFDocument, box: TextBox | ImageBox, tree: StructureTree, useFace: (f: Face) => void, svgFont: SvgFont): void {
  switch (box.kind) {
    case 'text': {
      const draw = () => drawText(pdf, box, useFace);
      if (!box.node) return artifact(pdf, draw, 'Pagination');
      const el = tree.mark(box.node, draw);
      const link = box.node.link;
      if (link) {
        const width = box.segments.reduce((a, s) => Math.max(a, s.x + s.width), 0);
        const rect: [number, number, number, number] = [box.x, box.baseline - box.size, width, box.size * 1.2];
        // A String object, which pdfkit writes as a PDF string (a plain string would become a name).
        const options = { structParent: el, Contents: new String(link.contents) };
        if (link.url) pdf.link(...rect, link.url, options);
        else if (link.dest) pdf.goTo(...rect, link.dest, options);
      }
      return;
    }
    case 'image': {
      const draw = () => drawImage(pdf, box.image, box.x, box.y, box.width, box.height, svgFont);
      if (!box.node) return artifact(pdf, draw);
      tree.mark(box.node, draw);
      return;
    }
  }
}

function drawRect(pdf: PDFDocument, box: RectBox): void {
  pdf.save();
  if (box.fill) pdf.rect(box.x, box.y, box.width, box.height).fill(box.fill);
  if (box.stroke) {
    pdf.lineWidth(box.lineWidth ?? 0.5).strokeColor(box.stroke);
    pdf.moveTo(box.x, box.y).lineTo(box.x + box.width, box.y + box.height).stroke();
  }
  pdf.restore();
}

/** pdfkit's internals used to write text operators directly (see drawText). */
interface PdfInternals {
  page: { height: number; fonts: Record<string, unknown> };
  _font: { id: string; ref(): unknown; encode(text: string): [string[], unknown[]] };
  addContent(data: string): void;
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * A line's text as PDF text operators, one Tj per font run. The glyphs come from pdfkit's embedded font
 * (which records them for the subset and the ToUnicode map); positions come from pagination, so pdfkit's
 * own text layout, a large share of the drawing time, is not needed. Spaces are real glyphs, so extracted
 * text has real spaces.
 */
function drawText(pdf: PDFDocument, box: TextBox, useFace: (f: Face) => void): void {
  const internals = pdf as unknown as PdfInternals;
  pdf.fillColor(box.colour);
  const height = internals.page.height;
  const ops: string[] = [`q 1 0 0 -1 0 ${num(height)} cm BT`];
  for (const seg of box.segments) {
    useFace(seg.face);
    const font = internals._font;
    if (!internals.page.fonts[font.id]) internals.page.fonts[font.id] = font.ref();
    const [glyphs] = font.encode(seg.text);
    ops.push(`1 0 0 1 ${num(box.x + seg.x)} ${num(height - box.baseline)} Tm /${font.id} ${num(box.size)} Tf <${glyphs.join('')}> Tj`);
  }
  ops.push('ET Q');
  internals.addContent(ops.join('\n'));
  if (box.underline) {
    const width = box.segments.reduce((a, s) => Math.max(a, s.x + s.width), 0);
    pdf.save().lineWidth(0.5).strokeColor(box.colour).moveTo(box.x, box.baseline + 1.5).lineTo(box.x + width, box.baseline + 1.5).stroke().restore();
  }
}
