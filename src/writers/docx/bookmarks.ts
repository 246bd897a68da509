import type { HeadingBlock, LayoutDocument } from '../../render/layout';

/** Word keeps at most 40 characters of a bookmark name, and only letters, digits and underscores. */
export const MAX_BOOKMARK_NAME = 40;

/**
 * Word bookmark names for the layout's headings. The layout keeps readable slugs ("appendix-a-action-
 * plan"); Word would truncate a long one on save (so two could collide and a contents link break) and
 * hyphens are not allowed. Each heading gets `_Toc<n>_<slug>` cut to 40 characters: the ordinal makes
 * the name unique however the slugs are cut (and even if two headings shared an id), the slug keeps it
 * readable, and the `_Toc` prefix marks it as a contents bookmark, which Word hides from its bookmark
 * list, as it does its own. Keyed by the heading itself; the contents list links its entries the same way.
 */
export function bookmarkNames(doc: LayoutDocument): ReadonlyMap<HeadingBlock, string> {
  const names = new Map<HeadingBlock, string>();
  for (const section of doc.sections)
    for (const block of section.blocks)
      if (block.kind === 'heading') {
        const slug = block.id.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
        names.set(block, `_Toc${names.size + 1}${slug ? `_${slug}` : ''}`.slice(0, MAX_BOOKMARK_NAME).replace(/_+$/, ''));
      }
  return names;
}
