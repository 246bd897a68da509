/**
 * Reads a PDF's tagging back the way an accessibility checker does: pdf.js's structure tree per page and the
 * operator list (which content is marked, and how), plus the raw object dictionaries for the attributes
 * pdf.js does not expose (TH /Scope, link /Contents).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  OPS: Record<string, number>;
  getDocument(src: { data: Uint8Array; verbosity?: number; isEvalSupported?: boolean }): { promise: Promise<Doc> };
};

interface StructNode {
  role?: string;
  alt?: string;
  type?: 'content' | 'object' | 'annotation';
  id?: string;
  children?: StructNode[];
}
interface Doc {
  numPages: number;
  getPage(n: number): Promise<Page>;
  destroy(): Promise<void>;
}
interface Page {
  view: number[];
  getStructTree(): Promise<StructNode | null>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  getTextContent(): Promise<{ items: { str: string; transform: number[]; width: number }[] }>;
}

export interface TagReport {
  /** Roles of the structure tree in reading order (depth first), across pages, without repeats. */
  roles: string[];
  /** Heading levels in order (H1 = 1). */
  headings: number[];
  /** Drawing operations (text, paths, images) outside any marked content: must be 0. */
  unmarkedDrawing: number;
  /** Marked-content ids drawn but not referenced from the structure tree: must be 0. */
  orphanMcids: number;
  /** Figure elements and their alt texts. */
  figures: (string | undefined)[];
  /** Text items that run outside the page box. */
  offPage: string[];
  text: string;
  raw: { thCount: number; thWithScope: number; tables: number; linkAnnots: number; linksWithContents: number; linkAnnotsWithStructParent: number };
}

const DRAW = ['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText', 'fill', 'stroke', 'eoFill', 'fillStroke', 'eoFillStroke', 'paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'constructPath'];

export async function readTags(bytes: Uint8Array): Promise<TagReport> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const names = Object.fromEntries(Object.entries(pdfjs.OPS).map(([k, v]) => [v, k]));
  const roles: string[] = [];
  const headings: number[] = [];
  const figures: (string | undefined)[] = [];
  const offPage: string[] = [];
  const seenNodes = new Set<string>();
  let unmarkedDrawing = 0;
  let orphanMcids = 0;
  const texts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tree = await page.getStructTree();
    const referenced = new Set<string>();
    // A structure element spanning pages appears in each page's tree: count each once, by its first content.
    const walk = (n: StructNode, path: string) => {
      if (n.type === 'content' && n.id) referenced.add(n.id);
      if (n.role && n.role !== 'Root') {
        const key = `${path}/${n.role}`;
        if (!seenNodes.has(key + (n.children?.[0]?.id ?? ''))) {
          seenNodes.add(key + (n.children?.[0]?.id ?? ''));
          roles.push(n.role);
          const h = n.role.match(/^H(\d)$/);
          if (h && n.children?.some((c) => c.type === 'content')) headings.push(Number(h[1]));
          if (n.role === 'Figure') figures.push(n.alt);
        }
      }
      n.children?.forEach((c, i) => walk(c, `${path}/${i}`));
    };
    if (tree) walk(tree, `p${p}`);
    const ops = await page.getOperatorList();
    let depth = 0;
    ops.fnArray.forEach((fn, i) => {
      const name = names[fn];
      if (name === 'beginMarkedContent' || name === 'beginMarkedContentProps') {
        depth++;
        const args = ops.argsArray[i]!;
        const mcid = typeof args[1] === 'number' ? args[1] : undefined;
        if (mcid !== undefined && ![...referenced].some((id) => id.endsWith(`_mc${mcid}`))) orphanMcids++;
      } else if (name === 'endMarkedContent') depth--;
      else if (name && DRAW.includes(name) && depth === 0) unmarkedDrawing++;
    });
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    let end: { x: number; y: number } | undefined;
    for (const it of (await page.getTextContent()).items) {
      // Pieces drawn edge to edge on one baseline (a letter from another font subset) join without a space.
      const joined = end && Math.abs(end.y - it.transform[5]!) < 0.5 && Math.abs(end.x - it.transform[4]!) < 0.5;
      texts.push(joined ? it.str : ` ${it.str}`);
      end = { x: it.transform[4]! + it.width, y: it.transform[5]! };
      if (!it.str.trim()) continue;
      const x = it.transform[4]!;
      const y = it.transform[5]!;
      if (x < x0 - 1 || x + it.width > x1 + 1 || y < y0 - 1 || y > y1 + 1) offPage.push(`page ${p}: ${it.str}`);
    }
  }
  await doc.destroy();
  const raw = Buffer.from(bytes).toString('latin1');
  const dicts = [...raw.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)>>\s*endobj/g)].map((m) => m[1]!);
  const ths = dicts.filter((d) => /\/S \/TH\b/.test(d));
  const links = dicts.filter((d) => /\/Subtype \/Link\b/.test(d));
  return {
    roles,
    headings,
    unmarkedDrawing,
    orphanMcids,
    figures,
    offPage,
    text: texts.join(''),
    raw: {
      thCount: ths.length,
      thWithScope: ths.filter((d) => /\/Scope \/(Column|Row|Both)/.test(d)).length,
      tables: dicts.filter((d) => /\/S \/Table\b/.test(d)).length,
      linkAnnots: links.length,
      linksWithContents: links.filter((d) => /\/Contents \((?!\))/.test(d)).length,
      linkAnnotsWithStructParent: links.filter((d) => /\/StructParent \d+/.test(d)).length,
    },
  };
}
