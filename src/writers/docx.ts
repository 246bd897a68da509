/**
 * DOCX writer: the layout model to Word with the docx package. Real Word structure (heading styles,
 * numbering, repeating header rows, landscape sections, PAGE/NUMPAGES fields) so authors can keep editing
 * the file, and a contents list that already shows page numbers when opened.
 */
import { defined } from './docx/defined';
import { Document, Packer, PageOrientation, Paragraph, type FileChild } from 'docx';
import type { LayoutDocument, LayoutSection, Pagination } from '../render/layout';
import { docxBlock, type DocxBlockContext } from './docx/blocks';
import { contentTwips, pageTwips } from '../render/paginate/page-size';
import { docxStyles } from './docx/styles';
import { docxNumbering } from './docx/numbering';
import { docxFooter, docxHeader } from './docx/running';
import { docxToc } from './docx/toc';
import { finishDocx } from './docx/finish';
import { bookmarkNames } from './docx/bookmarks';
import { xmlSafeLayout } from './docx/xml-text';
import { DocumentIds } from './docx/document-ids';

// The page (A4, A3 or Letter) from the house style, in the same twips the pagination uses.
const twips = (pt: number) => Math.round(pt * 20);

function usableWidth(doc: LayoutDocument, orientation: LayoutSection['orientation']): number {
  return contentTwips(doc.style, orientation);
}

export async function renderDocx(layout: LayoutDocument, pagination?: Pagination): Promise<Uint8Array> {
  const doc = xmlSafeLayout(layout);
  const bookmarks = bookmarkNames(doc);
  const ids = new DocumentIds();
  const m = doc.style.margins;
  const sections = doc.sections.map((section, index) => {
    const widthTwips = usableWidth(doc, section.orientation);
    const ctx: DocxBlockContext = {
      style: doc.style,
      widthTwips,
      bookmarks,
      ids,
      toc: (block) => docxToc(doc, { title: block.title, maxLevel: block.maxLevel, tabTwips: widthTwips, headingIds: block.headingIds, bookmarks, pagination }),
    };
    const children: FileChild[] = section.blocks.flatMap((b) => docxBlock(b, ctx));
    // A section break lives in a paragraph. After a table docx adds an empty Normal one, a whole line that
    // pagination never placed (LibreOffice even hid the table's rows for want of room for it); this 1pt
    // paragraph takes the break instead.
    if (index < doc.sections.length - 1 && section.blocks[section.blocks.length - 1]?.kind === 'table') children.push(new Paragraph({ style: 'SectionEnd', children: [] }));
    return {
      properties: {
        page: {
          size: { ...pageTwips(doc.style.pageSize, 'portrait'), orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: twips(m.top), right: twips(m.right), bottom: twips(m.bottom), left: twips(m.left), header: 480, footer: 480 },
        },
      },
      headers: { default: docxHeader(section, widthTwips) },
      footers: { default: docxFooter(doc, widthTwips) },
      children,
    };
  });
  const document = new Document(defined({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    keywords: doc.meta.keywords?.join(', '),
    description: doc.meta.subject,
    lastModifiedBy: 'cabinet-reports',
    styles: docxStyles(doc.style, doc.meta.language),
    numbering: docxNumbering(doc),
    features: { updateFields: false },
    sections,
  }));
  const packed = await Packer.toBuffer(document);
  return finishDocx(packed, doc, ids.drawingCount);
}
