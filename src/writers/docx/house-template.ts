import type { Block, LayoutDocument, LayoutStyle } from '../../render/layout';

/**
 * Our house style as a Word template a council can open, restyle and hand back (pandoc's reference.docx):
 * one paragraph in each style we write, named by its Word style, so restyling one in Word shows where it is
 * used. The text is placeholder: a paper written into the template drops it.
 */
export function houseTemplateLayout(style: LayoutStyle, council: string, created: string): LayoutDocument {
  const p = (text: string, s?: 'lead' | 'note' | 'label' | 'title' | 'subtitle'): Block => ({ kind: 'paragraph', runs: [{ text }], ...(s ? { style: s } : {}) });
  const blocks: Block[] = [
    p(`${council}: report title (style Title)`, 'title'),
    p('Subtitle: the meeting and date (style Subtitle)', 'subtitle'),
    { kind: 'toc', title: 'Contents (style TOC Heading; entries toc 1 to toc 3)', maxLevel: 3 },
    { kind: 'heading', level: 1, text: 'Heading 1: the report title on its own front sheet', id: 'heading-1' },
    { kind: 'heading', level: 2, text: 'Heading 2: a section such as Recommendations', id: 'heading-2', number: { text: '1.', sequence: 'paras', level: 0 } },
    { kind: 'paragraph', runs: [{ text: 'A numbered paragraph (style List Paragraph, numbering from the paper).' }], number: { text: '1.1', sequence: 'paras', level: 1 } },
    p('Body text in the Normal style: most of every paper. Its font, size and spacing are the house font and size.'),
    p('Lead: a bold lead-in such as "RESOLVED that:-" (style Lead)', 'lead'),
    { kind: 'list', ordered: true, items: [{ runs: [{ text: 'An ordered list item (style List Paragraph)' }], level: 0 }, { runs: [{ text: 'A second level item' }], level: 1 }] },
    { kind: 'list', ordered: false, items: [{ runs: [{ text: 'A bullet item (style List Paragraph)' }], level: 0 }, { runs: [{ text: 'A second level bullet' }], level: 1 }] },
    { kind: 'heading', level: 3, text: 'Heading 3: a subsection', id: 'heading-3' },
    { kind: 'heading', level: 4, text: 'Heading 4: a minor heading', id: 'heading-4' },
    p('Label: the words above a table (style Label)', 'label'),
    {
      kind: 'table',
      summary: 'Sample table in the Table Text style',
      role: 'data',
      columns: [{ header: 'Column (Table Text, bold)', width: 2 }, { header: 'Status', width: 1 }],
      rows: [[{ runs: [{ text: 'Table cells are in the Table Text style' }] }, { runs: [{ text: 'Green' }], fill: '#00B050', textColour: '#000000' }]],
    },
    p('Note: source notes and figure captions (style Note)', 'note'),
  ];
  return {
    meta: { title: `${council} report template`, author: council, language: 'en-GB', created },
    style,
    numbering: { paras: { levels: [{ format: 'decimal', pattern: '%1.' }, { format: 'decimal', pattern: '%1.%2' }] } },
    footer: { pageNumbers: true },
    sections: [{ orientation: 'portrait', header: {}, blocks }],
  };
}
