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
  getTextContent(): Promise<{ items: { str: string; transform: number[] }[] }>;
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
    const stack: string[] = [];
    let images = 0;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] ?? [];
      if (fn === OPS.save) stack.push(colour);
      else if (fn === OPS.restore) colour = stack.pop() ?? colour;
      else if (fn === OPS.paintImageXObject) images++;
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
    for (const it of (await page.getTextContent()).items) {
      if (!it.str) continue;
      const top = Math.round((height - it.transform[5]!) * 10) / 10;
      byBaseline.set(top, [...(byBaseline.get(top) ?? []), it.str]);
    }
    pages.push({ height, images, lines: [...byBaseline].sort((a, b) => a[0] - b[0]).map(([top, parts]) => ({ top, text: parts.join(' ').replace(/\s+/g, ' ').trim() })) });
  }
  await doc.destroy();
  return { runs, pages };
}
