/**
 * The text a PDF draws, run by run, with the font, size and fill colour each is drawn in: read from pdfjs's
 * operator list (what a viewer executes), not from anything our writer says about itself.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  OPS: Record<string, number>;
  getDocument(src: { data: Uint8Array; disableWorker?: boolean; isEvalSupported?: boolean; verbosity?: number }): { promise: Promise<Doc> };
};

interface Page {
  view: number[];
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  getTextContent(): Promise<{ items: { str: string; transform: number[]; width: number }[] }>;
  commonObjs: { get(id: string): { name?: string } };
}
interface Doc {
  numPages: number;
  getPage(n: number): Promise<Page>;
  destroy(): Promise<void>;
}

export interface Run {
  page: number;
  text: string;
  /** The embedded font's name without its subset tag ("Carlito-Bold"). */
  font: string;
  size: number;
  /** #rrggbb */
  colour: string;
  /** Left edge in points from the page's left. */
  x: number;
}

export interface PageLines {
  /** Text lines top to bottom, with the height of their baseline from the page's top. */
  lines: { text: string; top: number }[];
  height: number;
  /** Pictures drawn on the page. */
  images: number;
  /** Where each picture is drawn: its left edge and top from the page's top-left corner, and its size, in points. */
  pictures: { x: number; top: number; width: number; height: number }[];
  /** Each piece of text as drawn, with its left edge and width in points and its baseline from the top. */
  spans: { text: string; x: number; width: number; top: number }[];
}

const hex = (c: unknown): string => {
  if (typeof c === 'string') return c.toLowerCase();
  const [r, g, b] = c as number[];
  return `#${[r, g, b].map((v) => Math.round(v!).toString(16).padStart(2, '0')).join('')}`;
};

export async function pdfRuns(bytes: Uint8Array): Promise<{ runs: Run[]; pages: PageLines[] }> {
  const { OPS } = pdfjs;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableWorker: true, isEvalSupported: false, verbosity: 0 }).promise;
  const runs: Run[] = [];
  const pages: PageLines[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    let colour = '#000000';
    let font = '';
    let size = 0;
    let x = 0;
    const stack: { colour: string; ctm: number[] }[] = [];
    let ctm = [1, 0, 0, 1, 0, 0];
    let images = 0;
    const placed: { x: number; y: number; width: number; height: number }[] = [];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] ?? [];
      if (fn === OPS.save) stack.push({ colour, ctm });
      else if (fn === OPS.restore) ({ colour, ctm } = stack.pop() ?? { colour, ctm });
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as number[];
        const [A, B, C, D, E, F] = ctm;
        ctm = [a! * A! + b! * C!, a! * B! + b! * D!, c! * A! + d! * C!, c! * B! + d! * D!, e! * A! + f! * C! + E!, e! * B! + f! * D! + F!];
      } else if (fn === OPS.paintImageXObject) {
        images++;
        // The image fills the unit square under the current matrix.
        const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
        const xs = [e, a + e, c + e, a + c + e];
        const ys = [f, b + f, d + f, b + d + f];
        placed.push({ x: Math.min(...xs), y: Math.max(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
      }
      else if (fn === OPS.setFillRGBColor) colour = hex(args.length === 1 ? args[0] : args);
      else if (fn === OPS.setFont) {
        font = (page.commonObjs.get(args[0] as string).name ?? '').replace(/^[A-Z]{6}\+/, '');
        size = args[1] as number;
      } else if (fn === OPS.setTextMatrix) x = args[4] as number;
      else if (fn === OPS.showText) {
        const text = (args[0] as ({ unicode?: string } | number)[]).map((g) => (typeof g === 'object' && g ? (g.unicode ?? '') : '')).join('');
        runs.push({ page: p, text, font, size, colour, x });
      }
    });
    const height = page.view[3]!;
    const byBaseline = new Map<number, string[]>();
    const spans: PageLines['spans'] = [];
    for (const it of (await page.getTextContent()).items) {
      if (!it.str) continue;
      const top = Math.round((height - it.transform[5]!) * 10) / 10;
      spans.push({ text: it.str, x: it.transform[4]!, width: it.width, top });
      byBaseline.set(top, [...(byBaseline.get(top) ?? []), it.str]);
    }
    const pictures = placed.map((p) => ({ x: p.x, top: height - p.y, width: p.width, height: p.height }));
    pages.push({ height, images, pictures, spans, lines: [...byBaseline].sort((a, b) => a[0] - b[0]).map(([top, parts]) => ({ top, text: parts.join(' ').replace(/\s+/g, ' ').trim() })) });
  }
  await doc.destroy();
  return { runs, pages };
}
