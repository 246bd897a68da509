import type { Block, Inline } from '../layout';
import type { IdAllocator } from '../ids';
import type { BodyItem } from './markdown-body';
import type { Numberer } from './numbering';

/** The Recommendations section, in English or Welsh: its list items are numbered recommendations. */
const RECOMMENDATIONS = /^(recommendations?|argymhellion)\b/i;
const textOf = (runs: Inline[]) => runs.map((r) => r.text).join('');

export interface BodyOptions {
  /** Numbers paragraphs, section headings and recommendations (reports); absent, nothing is numbered (decision records). */
  numberer?: Numberer | undefined;
  /** The level every heading takes when nothing is numbered (a decision record's narrative sits under its level-2 heading). */
  headingLevel?: 2 | 3;
  /** The words printed in an empty table cell, so a reader never meets a blank. */
  emptyCell: string;
}

/**
 * The author's body as layout blocks, for reports and decision records alike. In a report `#` is a part
 * heading (PART A, PART B: unnumbered, no reset), `##` a numbered section, `###` a sub-heading. Paragraphs
 * are numbered; a lead-in ending in ":" before a list is not (seed 000: "Cabinet is recommended to:");
 * list items under Recommendations are numbered recommendations; other lists stay lists. Quotations and
 * code are never numbered.
 */
export function bodyBlocks(items: BodyItem[], ids: IdAllocator, options: BodyOptions): Block[] {
  const { numberer } = options;
  const blocks: Block[] = [];
  let inRecommendations = false;
  items.forEach((item, i) => {
    switch (item.kind) {
      case 'heading':
        if (item.depth === 2) inRecommendations = RECOMMENDATIONS.test(item.text);
        blocks.push(numberer ? heading(item.depth, item.text, numberer, ids) : { kind: 'heading', level: options.headingLevel ?? 3, text: item.text, id: ids.id(item.text) });
        return;
      case 'paragraph': {
        if (item.role) {
          blocks.push({ kind: 'paragraph', runs: item.runs, ...(item.role === 'quote' ? { style: 'note' as const } : {}) });
          return;
        }
        const leadIn = /:\s*$/.test(textOf(item.runs)) && items[i + 1]?.kind === 'list';
        blocks.push({ kind: 'paragraph', runs: item.runs, ...numberIf(!leadIn && numberer?.paragraph()) });
        return;
      }
      case 'list':
        if (inRecommendations && numberer) for (const li of item.items) blocks.push({ kind: 'paragraph', runs: li.runs, ...numberIf(numberer.recommendation()) });
        else blocks.push({ kind: 'list', ordered: item.ordered, items: item.items });
        return;
      case 'table':
        blocks.push({
          kind: 'table',
          summary: item.header.join(', '),
          role: 'data',
          columns: item.header.map((h, c) => ({ header: h, width: 1, ...(item.align[c] ? { align: item.align[c] } : {}) })),
          rows: item.rows.map((row) => row.map((runs) => ({ runs: runs.some((r) => r.text) ? runs : [{ text: options.emptyCell }] }))),
        });
        return;
      case 'blocks':
        blocks.push(...item.blocks);
        return;
      case 'figure':
        // figureBlocks() turns every figure into an image block (or a diagnostic) before this step.
        throw new Error(`figure ${item.src} reached the layout unresolved`);
      default: {
        const unknown: never = item;
        throw new Error(`body item ${JSON.stringify(unknown)} has no layout`);
      }
    }
  });
  return blocks;
}

function numberIf(n: ReturnType<Numberer['paragraph']> | false | undefined) {
  return n ? { number: n } : {};
}

function heading(depth: number, text: string, numberer: Numberer, ids: IdAllocator): Block {
  if (depth === 2) return { kind: 'heading', level: 2, text, id: ids.id(text), ...numberIf(numberer.sectionHeading()) };
  return { kind: 'heading', level: depth <= 1 ? 2 : 3, text, id: ids.id(text) };
}
