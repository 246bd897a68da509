import type PDFDocument from 'pdfkit';
import type { PDFStructureElement } from 'pdfkit';
import type { StructNode } from '../../render/paginate/page-model';

/**
 * The logical structure as PDF structure elements. Elements are made top-down before any page is drawn, so
 * every table cell exists even when empty; links are the exception: they sit inside paragraphs between runs
 * of text, so each is added to its paragraph when its first words are drawn, which keeps reading order.
 */
export class StructureTree {
  private readonly elements = new Map<StructNode, PDFStructureElement>();
  private readonly linkParents = new Map<StructNode, StructNode>();
  private readonly root: PDFStructureElement;

  constructor(
    private readonly pdf: PDFDocument,
    tree: StructNode,
  ) {
    this.root = pdf.struct(tree.role);
    pdf.addStructure(this.root);
    this.elements.set(tree, this.root);
    this.build(tree, this.root);
  }

  private build(n: StructNode, el: PDFStructureElement): void {
    for (const child of n.children) {
      if (child.role === 'Link') {
        this.linkParents.set(child, n);
        continue;
      }
      const options: { alt?: string; scope?: 'Column' | 'Row' } = {};
      if (child.alt !== undefined) options.alt = child.alt;
      if (child.scope) options.scope = child.scope;
      const c = this.pdf.struct(child.role, options);
      el.add(c);
      this.elements.set(child, c);
      this.build(child, c);
    }
  }

  /** The element for a node; a link is attached to its parent on first use. */
  element(n: StructNode): PDFStructureElement {
    let el = this.elements.get(n);
    if (!el) {
      el = this.pdf.struct(n.role);
      const parent = this.linkParents.get(n);
      (parent ? this.element(parent) : this.root).add(el);
      this.elements.set(n, el);
    }
    return el;
  }

  /** Runs `draw` as marked content of the node's element. */
  mark(n: StructNode, draw: () => void): PDFStructureElement {
    const el = this.element(n);
    const content = this.pdf.markStructureContent(n.role);
    draw();
    this.pdf.endMarkedContent();
    el.add(content);
    return el;
  }

  end(): void {
    this.root.end();
  }
}

/** Runs `draw` as an artifact: running heads, page numbers, rules, fills and repeated header rows. */
export function artifact(pdf: PDFDocument, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
  pdf.markContent('Artifact', { type });
  draw();
  pdf.endMarkedContent();
}
