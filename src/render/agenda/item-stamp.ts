import type { Block, HeadingBlock, LayoutDocument, LayoutSection, NumberingSequence } from '../layout';

/**
 * A report made into agenda item N of a pack: every page says "Agenda Item N", heading ids and numbering
 * sequences get the item's prefix so bookmarks stay unique and Word restarts numbering for each report.
 */
export function stampItem(doc: LayoutDocument, item: number): { sections: LayoutSection[]; numbering: Record<string, NumberingSequence>; firstHeadingId?: string } {
  const prefix = `item-${item}-`;
  const numbering = Object.fromEntries(Object.entries(doc.numbering).map(([k, v]) => [prefix + k, v]));
  const restamp = (b: Block): Block => {
    if (b.kind === 'heading') return { ...b, id: prefix + b.id, ...(b.number ? { number: { ...b.number, sequence: prefix + b.number.sequence } } : {}) };
    if (b.kind === 'paragraph' && b.number) return { ...b, number: { ...b.number, sequence: prefix + b.number.sequence } };
    return b;
  };
  let sections = doc.sections.map((s) => ({ ...s, header: { ...s.header, right: `Agenda Item ${item}` }, blocks: s.blocks.map(restamp) }));
  // A report's contents list covers that report only, not the whole pack.
  const headings = sections.flatMap((s) => s.blocks).filter((b): b is HeadingBlock => b.kind === 'heading' && b.toc !== false);
  sections = sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.kind === 'toc' ? { ...b, headingIds: headings.filter((h) => h.level <= b.maxLevel).map((h) => h.id) } : b)) }));
  const first = sections.flatMap((s) => s.blocks).find((b) => b.kind === 'heading');
  return { sections, numbering, ...(first && first.kind === 'heading' ? { firstHeadingId: first.id } : {}) };
}
