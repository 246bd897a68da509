/**
 * A block's items, measured once per block object, style and width. Measuring (line breaking every cell of
 * a table) is most of pagination's work, and one block can be paginated more than once in a build: a plan
 * appendix printed in its report and as its own file is the same blocks in two documents
 * (report/appendix-copies.ts), and the report is laid out once more to count its pages for its contents list.
 *
 * Items are not changed by placement, so both paginations place the same ones; the structure elements they
 * hang in are hung again under the document that reuses them (the PDF writer maps elements per document).
 * Kept in a WeakMap on the block: it lives as long as the layout does, and a warm process keeps nothing more.
 */
import type { Block, LayoutStyle } from '../layout';
import type { Missing } from './break-lines';
import type { Item } from './items';
import type { StructNode } from './page-model';

interface Measured {
  style: LayoutStyle;
  width: number;
  items: Item[];
  /** The elements the block's items hang in, directly under the document element. */
  nodes: StructNode[];
  /** Characters no font could draw, reported again by each document that reuses the items. */
  missing: Missing[];
  /** The document element of the last pagination that used them. */
  root: StructNode;
}

const measured = new WeakMap<Block, Measured>();

export interface MeasureContext {
  doc: { style: LayoutStyle };
  root: StructNode;
  missing: Missing[];
}

/**
 * `build`'s items for the block, or the ones it gave before for the same style and width. A contents list
 * depends on the whole document and is always built; so is a block met twice in one document, whose
 * elements must be its own each time.
 */
export function measuredItems(block: Block, width: number, cx: MeasureContext, build: () => Item[]): Item[] {
  if (block.kind === 'toc' || block.kind === 'page-break') return build();
  const hit = measured.get(block);
  if (hit && hit.style === cx.doc.style && hit.width === width && hit.root !== cx.root) {
    cx.root.children.push(...hit.nodes);
    for (const m of hit.missing) cx.missing.push(m);
    hit.root = cx.root;
    return [...hit.items];
  }
  const nodesFrom = cx.root.children.length;
  const missingFrom = cx.missing.length;
  const items = build();
  measured.set(block, { style: cx.doc.style, width, items: [...items], nodes: cx.root.children.slice(nodesFrom), missing: cx.missing.slice(missingFrom), root: cx.root });
  return items;
}
