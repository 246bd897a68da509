/** The part of pdfkit 0.19 we use (it ships no types): pages, fonts, text, graphics and the structure API. */
declare module 'pdfkit' {
  export interface PDFStructureContent {
    readonly refs: unknown[];
  }
  export interface PDFStructureElement {
    add(child: PDFStructureElement | PDFStructureContent): this;
    end(): void;
  }
  export interface PDFOutline {
    addItem(title: string, options?: { expanded?: boolean }): PDFOutline;
  }
  export interface StructOptions {
    alt?: string;
    lang?: string;
    title?: string;
    scope?: 'Column' | 'Row' | 'Both';
  }
  export default class PDFDocument {
    constructor(options?: Record<string, unknown>);
    page: { width: number; height: number };
    outline: PDFOutline;
    addPage(options?: Record<string, unknown>): this;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(colour: string): this;
    strokeColor(colour: string): this;
    lineWidth(width: number): this;
    text(text: string, x: number, y: number, options?: Record<string, unknown>): this;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(colour?: string): this;
    stroke(): this;
    save(): this;
    restore(): this;
    image(src: Buffer, x: number, y: number, options?: Record<string, unknown>): this;
    link(x: number, y: number, w: number, h: number, url: string, options?: Record<string, unknown>): this;
    goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): this;
    addNamedDestination(name: string, ...args: unknown[]): void;
    struct(type: string, options?: StructOptions): PDFStructureElement;
    addStructure(element: PDFStructureElement): this;
    markContent(tag: string, options?: Record<string, unknown> | null): this;
    markStructureContent(tag: string, options?: Record<string, unknown>): PDFStructureContent;
    endMarkedContent(): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'error', listener: (arg?: unknown) => void): this;
    end(): void;
  }
}
