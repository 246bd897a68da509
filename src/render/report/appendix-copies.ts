/**
 * A plan appendix printed inside its report and also published as a file of its own is one appendix: its
 * blocks are built once and both documents hold the same block objects, so pagination measures them once
 * (paginate/item-cache.ts) and the DOCX writer makes each XML-safe once (writers/docx/xml-text.ts). The
 * copies differ only where they must: heading levels, heading ids (bookmarks) and the running header.
 */
import type { Block, LayoutSection, RunningText } from '../layout';

/** How the report's copy is set: its headings one level down and their ids under the appendix's own prefix. */
export interface InlineCopy {
  sections: LayoutSection[];
  headingLevel: 1 | 2;
  idPrefix: string;
}

/**
 * The appendix as its own document sets it (planAppendixDocument: top heading level 1, ids under "plan-"),
 * made from the report's copy: headings re-levelled and re-prefixed, every other block the same object.
 * The ids match what the builder gives, since its id allocator de-duplicates within one prefix alike.
 * Undefined when a heading is not as the builder makes them (the caller then builds the appendix afresh).
 */
export function standaloneSections(copy: InlineCopy, header: RunningText, own: { headingLevel: number; idPrefix: string }): LayoutSection[] | undefined {
  const shift = copy.headingLevel - own.headingLevel;
  const headings = copy.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'heading'));
  if (!headings.every((h) => h.id.startsWith(copy.idPrefix) && h.level - shift >= 1)) return undefined;
  const retitle = (b: Block): Block => (b.kind === 'heading' ? { ...b, level: (b.level - shift) as 1 | 2 | 3 | 4, id: own.idPrefix + b.id.slice(copy.idPrefix.length) } : b);
  return copy.sections.map((s) => ({ ...s, header, blocks: s.blocks.map(retitle) }));
}
