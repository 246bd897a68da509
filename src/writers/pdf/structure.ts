import type PDFDocument from 'pdfkit';
import type { StructNode } from '../../render/paginate/page-model';

/** A PDF object as pdfkit makes them: numbered when made, written when ended. */
interface Ref {
  id: number;
  data: Record<string, unknown>;
  offset: number;
  end(): void;
  toString(): string;
}

/** pdfkit's private tagging and writing surface (test/writers/library-surface.test.ts guards it). */
interface Tagging {
  ref(data?: Record<string, unknown>): Ref;
  getStructTreeRoot(): Ref;
  getStructParentTree(): { get(key: number): (Ref | null)[] | undefined; add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
  page: { dictionary: Ref; structParentTreeKey: number };
  addContent(data: string): unknown;
  _offset: number;
  _write(data: string): void;
  _refEnd(ref: Ref): void;
}

/** A marked-content sequence on a page, or a link annotation, as a kid of its element. */
type Kid = Element | { page: Ref; mcid: number } | { page: Ref; annotation: Ref };

/**
 * A structure element. pdfkit's own (PDFStructureElement) re-walks its subtree each time a child is added or
 * an element ends, keeps a content object per marked sequence until the document ends, and has no way to
 * end an element early; this keeps only the element's object and its kids in reading order.
 */
class Element {
  kids: Kid[] = [];
  /** Boxes still to be drawn in this element or below it; at 0 the element is written and let go. */
  pending = 0;
  written = false;
  constructor(
    readonly ref: Ref,
    readonly role: string,
    readonly parent: Element | undefined,
    private readonly pdf: Tagging,
  ) {}

  /** pdfkit's annotate() hands a link annotation to its structParent through add(). */
  add(child: { annotationRef: Ref }): this {
    const key = this.pdf.createStructParentTreeNextKey();
    child.annotationRef.data.StructParent = key;
    this.pdf.getStructParentTree().add(key, this.ref);
    this.kids.push({ page: this.pdf.page.dictionary, annotation: child.annotationRef });
    return this;
  }
}

/**
 * An element's dictionary as pdfkit's PDFObject.convert writes it (/S, /Alt, /A, /P, /K, then /Pg: its own
 * page once, plain MCIDs there, MCRs elsewhere), written straight as text: tens of thousands of elements
 * went through pdfkit's general converter one key at a time. Only elements with attributes (/Alt, /A:
 * figures and header cells, a few per page) go through pdfkit, which escapes and encodes their strings.
 */
function writeElement(pdf: Tagging, el: Element, parent: Ref): void {
  const k: unknown[] = [];
  let pg: Ref | undefined;
  for (const kid of el.kids) {
    if (kid instanceof Element) k.push(kid.ref);
    else if ('mcid' in kid) {
      pg ??= kid.page;
      k.push(pg === kid.page ? kid.mcid : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid });
    } else k.push({ Type: 'OBJR', Obj: kid.annotation, Pg: kid.page });
  }
  el.kids = [];
  el.written = true;
  const ref = el.ref;
  if (Object.keys(ref.data).length) {
    ref.data.P = parent;
    ref.data.K = k;
    if (pg) ref.data.Pg = pg;
    ref.end();
    ref.data = {};
    return;
  }
  // Refs print as "12 0 R", MCIDs as integers; MCR and OBJR dictionaries hold a name, refs and integers.
  const text = k.map((v) => (typeof v === 'object' && v !== null && 'Type' in v ? dictText(v as Record<string, unknown>) : String(v)));
  ref.offset = pdf._offset;
  pdf._write(`${ref.id} 0 obj\n<<\n/S /${el.role}\n/P ${String(parent)}\n/K [${text.join(' ')}]${pg ? `\n/Pg ${String(pg)}` : ''}\n>>\nendobj`);
  pdf._refEnd(ref);
}

function dictText(d: Record<string, unknown>): string {
  let out = '<<';
  for (const key in d) out += `\n/${key} ${key === 'Type' ? '/' : ''}${String(d[key])}`;
  return `${out}\n>>`;
}

/**
 * The logical structure as PDF structure elements. Elements are numbered top-down before any page is drawn,
 * so every table cell exists even when empty; links are the exception: they sit inside paragraphs between
 * runs of text, so each is added to its paragraph when its first words are drawn, which keeps reading order.
 * Each element is written (children before parents) once the last box inside it is drawn, so the tree of a
 * long document is not all held until its end.
 */
export class StructureTree {
  private readonly elements = new Map<StructNode, Element>();
  private readonly linkParents = new Map<StructNode, StructNode>();
  private readonly pdf: Tagging;
  private readonly root: Element;
  private readonly treeRoot: Ref;
  private readonly uses: Map<StructNode, number>;

  /** `uses` counts, for each node, the boxes drawn in it. */
  constructor(pdf: PDFDocument, tree: StructNode, uses: Map<StructNode, number>) {
    this.pdf = pdf as unknown as Tagging;
    this.uses = uses;
    const treeRoot = this.pdf.getStructTreeRoot();
    this.treeRoot = treeRoot;
    this.root = new Element(this.pdf.ref(), tree.role, undefined, this.pdf);
    treeRoot.data.K = [this.root.ref];
    this.elements.set(tree, this.root);
    this.build(tree, this.root);
    for (const [node, count] of uses) {
      // A link's element is made when first drawn (see element()); until then its boxes count for its paragraph.
      let built: StructNode | undefined = node;
      while (built && !this.elements.has(built)) built = this.linkParents.get(built);
      for (let el = built && this.elements.get(built); el; el = el.parent) el.pending += count;
    }
  }

  private build(n: StructNode, el: Element): void {
    for (const child of n.children) {
      if (child.role === 'Link') {
        this.linkParents.set(child, n);
        continue;
      }
      // Attributes only: writeElement writes the others' dictionaries itself. As pdfkit, an empty
      // alternative text is no /Alt (a figure without one is reported by the checks).
      const data: Record<string, unknown> = {};
      if (child.alt || child.scope) data.S = child.role;
      if (child.alt) data.Alt = new String(child.alt);
      if (child.scope) data.A = { O: 'Table', Scope: child.scope };
      const c = new Element(this.pdf.ref(data), child.role, el, this.pdf);
      el.kids.push(c);
      this.elements.set(child, c);
      this.build(child, c);
    }
  }

  /** The element for a node; a link is attached to its parent on first use. */
  element(n: StructNode): Element {
    let el = this.elements.get(n);
    if (!el) {
      const parentNode = this.linkParents.get(n);
      const parent = parentNode ? this.element(parentNode) : this.root;
      el = new Element(this.pdf.ref(), n.role, parent, this.pdf);
      el.pending = this.uses.get(n) ?? 0;
      parent.kids.push(el);
      this.elements.set(n, el);
    }
    return el;
  }

  /**
   * Runs `draw` as one marked-content sequence of the node's element, for `boxes` boxes of it; `after` runs
   * once the sequence is closed (link annotations, which refer to the element).
   */
  mark(n: StructNode, boxes: number, draw: () => void, after?: (el: Element) => void): void {
    const el = this.element(n);
    // Cannot happen while the counts are right; content must never be drawn into an element already written.
    if (el.written) throw new Error(`PDF structure: a ${n.role} element was written before its last box was drawn`);
    const pdf = this.pdf;
    const onPage = pdf.getStructParentTree().get(pdf.page.structParentTreeKey)!;
    const mcid = onPage.length;
    onPage.push(el.ref);
    pdf.addContent(`/${n.role} <<\n/MCID ${mcid}\n>> BDC`);
    draw();
    pdf.addContent('EMC');
    el.kids.push({ page: pdf.page.dictionary, mcid });
    after?.(el);
    this.drawn(el, boxes);
  }

  /** Counts boxes off; an element whose last box is drawn is written, then its parent if that was its last. */
  private drawn(from: Element, boxes: number): void {
    for (let el: Element | undefined = from; el; el = el.parent) {
      el.pending -= boxes;
      if (el.pending === 0 && el !== this.root) this.finish(el);
    }
  }

  /** Writes an element whose boxes are all drawn, and the empty elements below it first. */
  private finish(el: Element): void {
    for (const kid of el.kids) if (kid instanceof Element) this.finish(kid);
    if (!el.written) writeElement(this.pdf, el, el.parent?.ref ?? this.treeRoot);
  }

  /** Writes every element not yet written (those with no boxes: empty cells), root last. */
  end(): void {
    this.finish(this.root);
  }
}

/** Runs `draw` as an artifact: running heads, page numbers, rules, fills and repeated header rows. */
export function artifact(pdf: PDFDocument, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
  pdf.markContent('Artifact', { type });
  draw();
  pdf.endMarkedContent();
}
