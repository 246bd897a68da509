import type { IContext, IXmlableObject } from 'docx';

/**
 * Ids Word needs unique within one document: bookmarks, hyperlink relationships and drawings. docx takes
 * them from counters shared by every document the process builds (or random ones, for links), so the
 * same layout would give different bytes after another document was built. One of these per document
 * numbers them from 1 in document order, in docx's objects, before docx serialises them.
 */
export class DocumentIds {
  private bookmarks = 0;
  private links = 0;
  private drawings = 0;

  nextBookmark(): number {
    return ++this.bookmarks;
  }

  /** A hyperlink relationship id without its "rId" prefix (docx adds it): rIdLink1, rIdLink2… */
  nextLink(): string {
    return `Link${++this.links}`;
  }

  nextDrawing(): number {
    return ++this.drawings;
  }

  /** Drawings numbered so far: the header and footer drawings are numbered after them (finish.ts). */
  get drawingCount(): number {
    return this.drawings;
  }
}

interface Preparable {
  prepForXml(context: IContext): IXmlableObject | undefined;
}

/**
 * Gives the drawings (wp:docPr) of one body element ids from the document's count, in docx's object tree
 * as docx prepares the element. The ids are taken the first time and kept, so preparing twice (docx may)
 * does not renumber.
 */
export function numberDrawings<T extends Preparable>(child: T, ids: DocumentIds): T {
  const prepare = child.prepForXml.bind(child);
  const taken: number[] = [];
  child.prepForXml = (context: IContext) => {
    const xml = prepare(context);
    let n = 0;
    visitDocPr(xml, (attr) => {
      taken[n] ??= ids.nextDrawing();
      attr.id = taken[n++]!;
    });
    return xml;
  };
  return child;
}

/** Calls `visit` with the attributes of every wp:docPr in docx's object tree ({ name: [children] | { _attr } }). */
function visitDocPr(node: unknown, visit: (attr: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitDocPr(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'wp:docPr') {
      const attr = attributesOf(value);
      if (attr) visit(attr);
    } else if (key !== '_attr') visitDocPr(value, visit);
  }
}

function attributesOf(value: unknown): Record<string, unknown> | undefined {
  const holder = Array.isArray(value) ? value.find((v: unknown) => typeof v === 'object' && v !== null && '_attr' in v) : value;
  const attr: unknown = typeof holder === 'object' && holder !== null ? (holder as { _attr?: unknown })._attr : undefined;
  return typeof attr === 'object' && attr !== null ? (attr as Record<string, unknown>) : undefined;
}
