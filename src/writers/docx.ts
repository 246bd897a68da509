/**
 * DOCX writer: the layout model to Word with the docx package. Real Word structure (heading styles,
 * numbering, repeating header rows, landscape sections, PAGE/NUMPAGES fields) so authors can keep editing
 * the file, and a contents list that already shows page numbers when opened.
 */
import { defined } from './docx/defined';
import { Document, Packer, PageOrientation, Paragraph, TextRun, type FileChild } from 'docx';
import type { LayoutDocument, LayoutSection, Pagination } from '../render/layout';
import { docxBlock, type DocxBlockContext } from './docx/blocks';
import { docxStyles } from './docx/styles';
import { docxNumbering } from './docx/numbering';
import { docxFooter, docxHeader } from './docx/running';
import { tocMarkerText } from './docx/toc';
import { finishDocx, type TocRequest } from './docx/finish';

const A4 = { width: 11906, height: 16838 }; // twips
const twips = (pt: number) => Math.round(pt * 20);

function usableWidth(doc: LayoutDocument, orientation: LayoutSection['orientation']): number {
  const page = orientation === 'landscape' ? A4.height : A4.width;
  return page - twips(doc.style.margins.left) - twips(doc.style.margins.right);
}

export async function renderDocx(doc: LayoutDocument, pagination?: Pagination): Promise<Uint8Array> {
  const tocs: TocRequest[] = [];
  const m = doc.style.margins;
  const sections = doc.sections.map((section) => {
    const widthTwips = usableWidth(doc, section.orientation);
    const ctx: DocxBlockContext = {
      style: doc.style,
      widthTwips,
      tocMarker: (title, maxLevel, headingIds) => {
        tocs.push({ title, maxLevel, tabTwips: widthTwips, ...(headingIds ? { headingIds } : {}) });
        return new Paragraph({ children: [new TextRun(tocMarkerText(tocs.length - 1))] });
      },
    };
    const children: FileChild[] = section.blocks.flatMap((b) => docxBlock(b, ctx));
    return {
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
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
    styles: docxStyles(doc.style),
    numbering: docxNumbering(doc),
    features: { updateFields: false },
    sections,
  }));
  return finishDocx(await Packer.toBuffer(document), doc, tocs, pagination);
}
