import type PDFDocument from 'pdfkit';
import type { RectBox } from '../../render/paginate/page-model';
import type { EmbeddedFont } from './glyph-encoder';

/** pdfkit's private page and colour surface (test/writers/library-surface.test.ts guards it). */
interface Internals {
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
  _normalizeColor(colour: string): unknown;
}

/** As pdfkit writes numbers in path operators (PDFObject.number). */
const pdfNum = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Colour and rule operators written as text, in pdfkit's own number and colour notation, without parsing
 * the colour again for every line of text and every cell fill (a colour's operators are made once per
 * document).
 */
export class ContentOps {
  private readonly pdf: Internals;
  private readonly fills = new Map<string, string>();
  private readonly strokes = new Map<string, string>();
  private pageFill: string | undefined;

  constructor(pdf: PDFDocument) {
    this.pdf = pdf as unknown as Internals;
  }

  write(ops: string): void {
    this.pdf.addContent(ops);
  }

  pageHeight(): number {
    return this.pdf.page.height;
  }

  /** The font in the page's resources. */
  useFont(font: EmbeddedFont): void {
    const fonts = this.pdf.page.fonts;
    if (!fonts[font.id]) fonts[font.id] = font.ref();
  }

  /**
   * Operators setting the fill colour for text, each followed by a newline; '' when the page's fill is that
   * colour already (or pdfkit cannot parse it: it writes nothing then). Text is drawn outside any q/Q that
   * could undo it, so the colour holds until `forgetFill`.
   */
  fill(colour: string): string {
    if (colour === this.pageFill) return '';
    this.pageFill = colour;
    return this.colour(colour, false);
  }

  /** After drawing that may set colours without restoring them (images, SVG), or on a new page. */
  forgetFill(): void {
    this.pageFill = undefined;
  }

  /**
   * A page's fills and rules as one q...Q, each colour and line width set only when it changes. A table's
   * grid was a q, width, colour, line, stroke and Q per cell edge, about half of every page's content
   * stream. Each fill and rule is still painted on its own, in order, so the page renders to the same pixels
   * (one path for many hairlines would anti-alias their crossings differently).
   */
  rects(boxes: RectBox[]): string {
    const out: string[] = ['q\n'];
    let fill: string | undefined;
    let stroke: string | undefined;
    let width: number | undefined;
    for (const box of boxes) {
      if (box.fill) {
        if (box.fill !== fill) out.push(this.colour((fill = box.fill), false));
        out.push(`${pdfNum(box.x)} ${pdfNum(box.y)} ${pdfNum(box.width)} ${pdfNum(box.height)} re\nf\n`);
      }
      if (box.stroke) {
        const w = box.lineWidth ?? 0.5;
        if (w !== width) out.push(`${pdfNum((width = w))} w\n`);
        if (box.stroke !== stroke) out.push(this.colour((stroke = box.stroke), true));
        out.push(`${pdfNum(box.x)} ${pdfNum(box.y)} m\n${pdfNum(box.x + box.width)} ${pdfNum(box.y + box.height)} l\nS\n`);
      }
    }
    return `${out.join('')}Q`;
  }

  private colour(colour: string, stroke: boolean): string {
    const cache = stroke ? this.strokes : this.fills;
    let ops = cache.get(colour);
    if (ops === undefined) {
      const parts = this.pdf._normalizeColor(colour);
      ops = Array.isArray(parts) ? `/${parts.length === 4 ? 'DeviceCMYK' : 'DeviceRGB'} ${stroke ? 'CS' : 'cs'}\n${parts.join(' ')} ${stroke ? 'SCN' : 'scn'}\n` : '';
      cache.set(colour, ops);
    }
    return ops;
  }
}
