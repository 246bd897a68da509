import type { LayoutDocument } from '../layout';
import { hasPages } from '../paginate/paginate';

const withoutContents = (doc: LayoutDocument): LayoutDocument => ({ ...doc, sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.kind !== 'toc') })) });

/**
 * `render.tocMinPages`: the paper keeps its contents list when it is at least that many pages long (0:
 * always). It is laid out without the list to count its pages, since the list can only lengthen it, and only
 * until that count is reached; a paper with no headings for the list to show has none.
 */
export function honourTocMinPages(doc: LayoutDocument, minPages: number): LayoutDocument {
  const toc = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'toc');
  if (!toc) return doc;
  const listed = doc.sections.some((s) => s.blocks.some((b) => b.kind === 'heading' && b.level >= 2 && b.level <= toc.maxLevel && b.toc !== false));
  const without = withoutContents(doc);
  if (!listed) return without;
  if (minPages === 0) return doc;
  return hasPages(without, minPages) ? doc : without;
}
