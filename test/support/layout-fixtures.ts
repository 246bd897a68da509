import type { Block, LayoutDocument, LayoutSection, TableBlock } from '../../src/render/layout';
import { houseStyle } from '../../src/render/style';

export const para = (text: string, number?: string): Block => ({
  kind: 'paragraph',
  runs: [{ text }],
  ...(number ? { number: { text: number, sequence: 'paras', level: number.includes('.') && !number.endsWith('.') ? 1 : 0 } } : {}),
});

export const heading = (text: string, id: string, level: 1 | 2 | 3 = 2, number?: string): Block => ({
  kind: 'heading',
  level,
  text,
  id,
  ...(number ? { number: { text: number, sequence: 'paras', level: 0 } } : {}),
});

export function longTable(rows: number): TableBlock {
  return {
    kind: 'table',
    summary: 'Actions with their status',
    role: 'data',
    columns: [{ header: 'Ref', width: 1 }, { header: 'Action', width: 5 }, { header: 'Status', width: 2 }],
    rows: Array.from({ length: rows }, (_, i) => [
      { runs: [{ text: `R${i + 1}` }] },
      { runs: [{ text: `Action number ${i + 1} with enough words to wrap a little in its cell` }] },
      i % 2 ? { runs: [{ text: 'Red' }], fill: '#C00000', textColour: '#FFFFFF' } : { runs: [{ text: 'Green' }], fill: '#00B050', textColour: '#000000' },
    ]),
  };
}

export function layoutDocument(sections: LayoutSection[], title = 'Test document'): LayoutDocument {
  return {
    meta: { title, author: 'Test Author', subject: 'Testing', language: 'en-GB', created: '2023-09-12T09:00:00.000Z' },
    style: houseStyle({ font: 'Arial', fontSize: 12 }),
    numbering: { paras: { levels: [{ format: 'decimal', pattern: '%1.' }, { format: 'decimal', pattern: '%1.%2' }] } },
    footer: { pageNumbers: true },
    sections,
  };
}

/** A document with a contents list, numbered sections, a long landscape table and an exempt marking. */
export function sampleDocument(): LayoutDocument {
  return layoutDocument([
    {
      orientation: 'portrait',
      header: { left: 'Cabinet – 12 September 2023', right: 'Agenda Item 7' },
      blocks: [
        heading('Test report', 'title', 1),
        { kind: 'toc', title: 'Contents', maxLevel: 2 },
        heading('Executive Summary', 'executive-summary', 2, '1.'),
        para('First paragraph of the summary.', '1.1'),
        para('Second paragraph with {{constructor}} and <b>x</b> and **x** kept literally.', '1.2'),
        heading('Recommendations', 'recommendations', 2, '2.'),
        para('Approve the plan.', '2.1'),
        { kind: 'list', ordered: false, items: [{ runs: [{ text: 'First bullet' }], level: 0 }, { runs: [{ text: 'Nested bullet' }], level: 1 }] },
      ],
    },
    {
      orientation: 'landscape',
      header: { left: 'Cabinet – 12 September 2023', right: 'Appendix A', marking: 'NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972' },
      blocks: [heading('Appendix A: Action plan', 'appendix-a', 2), longTable(60)],
    },
  ]);
}
