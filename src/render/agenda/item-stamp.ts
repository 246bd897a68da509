import type { Block, HeadingBlock, LayoutDocument, LayoutSection, NumberingSequence } from '../layout';
import type { Templates } from '../report/templates';
import { words } from '../report/words';

export interface StampedItem {
  sections: LayoutSection[];
  numbering: Record<string, NumberingSequence>;
  firstHeadingId?: string;
  /** The paper's own language, so a pack of Welsh papers is a Welsh pack. */
  language: string;
}

/**
 * A report made into agenda item N of a pack: every page says "Agenda Item N" (in the paper's language),
 * heading ids and numbering sequences get the item's prefix so bookmarks stay unique and Word restarts
 * numbering for each report.
 */
export function stampItem(doc: LayoutDocument, item: number, t?: Pick<Templates, 'words'>): StampedItem {
  const prefix = `item-${item}-`;
  const stamp = t ? words(t.words.agendaItemStamp, { item }) : `Agenda Item ${item}`;
  const numbering = Object.fromEntries(Object.entries(doc.numbering).map(([k, v]) => [prefix + k, v]));
  const restamp = (b: Block): Block => {
    if (b.kind === 'heading') return { ...b, id: prefix + b.id, ...(b.number ? { number: { ...b.number, sequence: prefix + b.number.sequence } } : {}) };
    if (b.kind === 'paragraph' && b.number) return { ...b, number: { ...b.number, sequence: prefix + b.number.sequence } };
    return b;
  };
  let sections = doc.sections.map((s) => ({ ...s, header: { ...s.header, right: stamp }, blocks: s.blocks.map(restamp) }));
  // A report's contents list covers that report only, not the whole pack.
  const headings = sections.flatMap((s) => s.blocks).filter((b): b is HeadingBlock => b.kind === 'heading' && b.toc !== false);
  sections = sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.kind === 'toc' ? { ...b, headingIds: headings.filter((h) => h.level <= b.maxLevel).map((h) => h.id) } : b)) }));
  const first = sections.flatMap((s) => s.blocks).find((b) => b.kind === 'heading');
  return { sections, numbering, language: doc.meta.language, ...(first && first.kind === 'heading' ? { firstHeadingId: first.id } : {}) };
}

/** A pack's language: its papers' when they share one (a pack of Welsh papers is tagged cy), else en-GB. */
export function packLanguage(items: { stamped?: { language: string } | undefined }[]): string {
  const languages = [...new Set(items.flatMap((it) => (it.stamped ? [it.stamped.language] : [])))];
  return languages.length === 1 ? languages[0]! : 'en-GB';
}
