import type PDFDocument from 'pdfkit';

/** pdfkit's private writing surface (test/writers/library-surface.test.ts guards it). */
interface Writer {
  _offset: number;
  _write(data: string | Buffer): void;
  _finalize(): void;
  read(): Buffer | null;
  addContent(data: string): unknown;
  addPage(options?: object): unknown;
  end(): void;
  page?: { write(chunk: string): void };
}

const SLAB = 1 << 16;

/**
 * The document's bytes, collected without pdfkit's stream. pdfkit pushes every line of every object into a
 * Readable as its own Buffer (a 400-page report: some 170,000), and since the whole document is drawn in one
 * synchronous pass, the stream held all of them until the event loop turned, then replayed them as 'data'
 * events. Here lines are joined into 64 KB slabs as they come, and the document is done when pdfkit writes
 * its trailer. The bytes are the same ('binary' is one byte per character, as pdfkit writes them).
 */
export function captureOutput(pdf: PDFDocument): Promise<Buffer> {
  const w = pdf as unknown as Writer;
  // The header pdfkit wrote while it was being made, still in its stream.
  const head = w.read();
  const slabs: Buffer[] = head ? [head] : [];
  let lines: string[] = [];
  let pending = 0;
  const flushLines = () => {
    if (!lines.length) return;
    slabs.push(Buffer.from(lines.join(''), 'binary'));
    lines = [];
    pending = 0;
  };
  w._write = (data) => {
    if (Buffer.isBuffer(data)) {
      flushLines();
      slabs.push(data);
      w._offset += data.length;
      return;
    }
    lines.push(data, '\n');
    pending += data.length + 1;
    w._offset += data.length + 1;
    if (pending >= SLAB) flushLines();
  };
  return new Promise<Buffer>((resolve) => {
    const finalize = w._finalize.bind(w);
    w._finalize = () => {
      finalize();
      flushLines();
      resolve(Buffer.concat(slabs));
      slabs.length = 0;
    };
  });
}

/**
 * A page's content operators gathered and handed to pdfkit's page once, when the page ends: pdfkit makes a
 * Buffer of every operator string it is given (several per line of text). Joined with the newline pdfkit
 * puts after each one, so the content stream is the same bytes.
 */
export function batchPageContent(pdf: PDFDocument): void {
  const w = pdf as unknown as Writer;
  let ops: string[] = [];
  const flush = () => {
    if (!ops.length) return;
    w.page!.write(ops.join('\n'));
    ops = [];
  };
  w.addContent = (data: string) => {
    ops.push(data);
    return pdf;
  };
  const addPage = w.addPage.bind(w);
  w.addPage = (options?: object) => {
    flush();
    return addPage(options);
  };
  const end = w.end.bind(w);
  w.end = () => {
    flush();
    end();
  };
}
