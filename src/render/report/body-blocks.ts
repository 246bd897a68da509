import type { Block, Inline } from '../layout';
import type { IdAllocator } from '../ids';
import type { BodyItem } from './markdown-body';
import type { Numberer } from './numbering';

const RECOMMENDATIONS = /^recommendations?\b/i;
const textOf = (runs: Inline[]) => runs.map((r) => r.text).join('');

/**
 * The author's body as numbered layout blocks. `#` is a part heading (PART A, PART B: unnumbered, no
 * reset), `##` a numbered section, `###` a sub-heading. Paragraphs are numbered; a lead-in ending in ":"
 * before a list is not (seed 000: "Cabinet is recommended to:"); list items under Recommendations are
 * numbered recommendations; other lists stay lists.
 */
export function bodyBlocks(items: BodyItem[], numberer: Numberer, ids: IdAllocator): Block[] {
  const blocks: Block[] = [];
  let inRecommendations = false;
  items.forEach((item, i) => {
    switch (item.kind) {
      case 'heading':
        if (item.depth === 2) inRecommendations = RECOMMENDATIONS.test(item.text);
        blocks.push(heading(item.depth, item.text, numberer, ids));
        return;
      case 'paragraph': {
        const leadIn = /:\s*$/.test(textOf(item.runs)) && items[i + 1]?.kind === 'list';
        blocks.push({ kind: 'paragraph', runs: item.runs, ...numberIf(!leadIn && numberer.paragraph()) });
        return;
      }
      case 'list':
        if (inRecommendations) for (const li of item.items) blocks.push({ kind: 'paragraph', runs: li.runs, ...numberIf(numberer.recommendation()) });
        else blocks.push({ kind: 'list', ordered: item.ordered, items: item.items });
        return;
      case 'table':
        blocks.push({
          kind: 'table',
          summary: item.header.join(', '),
          role: 'data',
          columns: item.header.map((h) => ({ header: h, width: 1 })),
          rows: item.rows.map((row) => row.map((runs) => ({ runs: runs.some((r) => r.text) ? runs : [{ text: 'None' }] }))),
        });
        return;
      case 'blocks':
        blocks.push(...item.blocks);
        return;
    }
  });
  return blocks;
}

function numberIf(n: ReturnType<Numberer['paragraph']> | false) {
  return n ? { number: n } : {};
}

function heading(depth: number, text: string, numberer: Numberer, ids: IdAllocator): Block {
  if (depth === 2) return { kind: 'heading', level: 2, text, id: ids.id(text), ...numberIf(numberer.sectionHeading()) };
  return { kind: 'heading', level: depth <= 1 ? 2 : 3, text, id: ids.id(text) };
}
