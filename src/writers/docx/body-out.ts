import type { PartSink } from './zip-write';

/**
 * The body as it is written: paragraphs and tables go straight to the part's sink, except the last
 * paragraph, held back until the next element so that a section's break (its w:sectPr) can be put in the
 * paragraph that ends the section, where Word keeps it.
 */
export class BodyOut {
  private pending: { pPr: string; content: string } | undefined;

  constructor(private readonly sink: PartSink) {}

  /** A paragraph: its properties (without w:pPr) and content, both already serialised. */
  paragraph(pPr: string, content: string): void {
    this.flush();
    this.pending = { pPr, content };
  }

  /** A table or anything that is not a paragraph: written at once. */
  raw(xml: string): void {
    this.flush();
    this.sink.write(xml);
  }

  private flush(sectPr = ''): void {
    if (!this.pending) return;
    const { pPr, content } = this.pending;
    this.pending = undefined;
    const props = pPr + sectPr;
    this.sink.write(props ? `<w:p><w:pPr>${props}</w:pPr>${content}</w:p>` : `<w:p>${content}</w:p>`);
  }

  /**
   * Ends a section that another follows. A section ending in a table (or empty) takes its break in a
   * one-point paragraph of its own: an empty Normal line there is room pagination never gave it.
   */
  endSection(sectPr: string, sectionEndStyle: string): void {
    if (!this.pending) this.pending = { pPr: `<w:pStyle w:val="${sectionEndStyle}"/>`, content: '' };
    this.flush(sectPr);
  }

  /** The last section: its properties close the body. */
  endBody(sectPr: string): void {
    this.flush();
    this.sink.write(sectPr);
  }
}
