import type { LayoutDocument, LayoutSection } from '../../render/layout';
import type { PdfNode } from './blocks';

/** The running header of one section: left/right text and, on exempt papers, the marking on every page. */
export function sectionHeader(section: LayoutSection, doc: LayoutDocument): () => PdfNode {
  const { left = '', right = '', marking } = section.header;
  const m = doc.style.margins;
  return () => ({
    margin: [m.left, 24, m.right, 0],
    stack: [
      { columns: [{ text: left, width: '*' }, { text: right, width: 'auto', alignment: 'right' }], fontSize: 10, color: '#404040' },
      ...(marking ? [{ text: marking, bold: true, color: '#9C0006', fontSize: 10, margin: [0, 2, 0, 0] }] : []),
    ],
  });
}

/** "Page X of Y" on every page, numbered across the whole document. */
export function footer(doc: LayoutDocument): (page: number, pages: number) => PdfNode {
  const m = doc.style.margins;
  return (page, pages) => ({
    margin: [m.left, 20, m.right, 0],
    columns: [
      { text: doc.footer.left ?? '', width: '*' },
      { text: `Page ${page} of ${pages}`, width: 'auto', alignment: 'right' },
    ],
    fontSize: 10,
    color: '#404040',
  });
}
