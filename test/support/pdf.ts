/** Reads a PDF back for tests: text per page, bookmarks, metadata. pdfjs-dist 3.x is the last CommonJS build. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  getDocument(src: { data: Uint8Array; disableWorker?: boolean; isEvalSupported?: boolean; verbosity?: number }): { promise: Promise<PdfDoc> };
};

interface OutlineItem { title: string; items: OutlineItem[] }
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str: string; hasEOL?: boolean }[] }>; view: number[] }>;
  getOutline(): Promise<OutlineItem[] | null>;
  getMetadata(): Promise<{ info: Record<string, unknown> }>;
  destroy(): Promise<void>;
}

export interface PdfRead {
  pageCount: number;
  /** Text of each page, pieces joined with spaces and line ends as new lines. */
  pages: string[];
  text: string;
  /** Page sizes [width, height] in points. */
  sizes: [number, number][];
  outline: { title: string; level: number }[];
  info: Record<string, unknown>;
  lang?: string | undefined;
  displayDocTitle: boolean;
  fonts: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const raw = Buffer.from(bytes).toString('latin1');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableWorker: true, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => it.str + (it.hasEOL ? '\n' : ' ')).join('').replace(/ +/g, ' '));
    sizes.push([Math.round(page.view[2]!), Math.round(page.view[3]!)]);
  }
  const outline: { title: string; level: number }[] = [];
  const walk = (items: OutlineItem[] | null, level: number) => items?.forEach((it) => (outline.push({ title: it.title, level }), walk(it.items, level + 1)));
  walk(await doc.getOutline(), 1);
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return {
    pageCount: pages.length,
    pages,
    text: pages.join('\n'),
    sizes,
    outline,
    info,
    lang: raw.match(/\/Lang \(([^)]*)\)/)?.[1],
    displayDocTitle: /\/DisplayDocTitle true/.test(raw),
    fonts: [...new Set([...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([A-Za-z-]+)/g)].map((m) => m[2]!))],
  };
}
