import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { LayoutDocument, LayoutSection } from '../../render/layout';
import { docxImageRun } from './image-run';

/** Running header: left and right text, and the exempt marking on every page of the section. */
export function docxHeader(section: LayoutSection, widthTwips: number): Header {
  const { left = '', right = '', marking, logo } = section.header;
  // The council's logo opens the header line, with its alt text, before the left-hand words.
  const lead = logo ? [docxImageRun(logo, 'Logo'), new TextRun('  ')] : [];
  const children = [
    new Paragraph({ style: 'Header', tabStops: [{ type: TabStopType.RIGHT, position: widthTwips }], children: [...lead, new TextRun(left), new TextRun({ children: [new Tab(), right] })] }),
  ];
  if (marking) children.push(new Paragraph({ style: 'Header', children: [new TextRun({ text: marking, bold: true, color: '9C0006' })] }));
  return new Header({ children });
}

/** "Page X of Y": PAGE and NUMPAGES fields, which Word keeps up to date itself. */
export function docxFooter(doc: LayoutDocument, widthTwips: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        tabStops: [{ type: TabStopType.RIGHT, position: widthTwips }],
        children: [new TextRun(doc.footer.left ?? ''), new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
