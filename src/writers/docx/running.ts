import type { LayoutDocument, LayoutSection } from '../../render/layout';
import { drawingRun } from './drawing';
import { textRun } from './inline';
import type { PartContext } from './part-context';
import { val, W_ROOT_NS, XML_DECLARATION } from './xml-write';

/** The exempt marking's colour, as the PDF prints it. */
export const MARKING_COLOUR = '#9C0006';

const rightTab = (widthTwips: number) => `<w:tabs><w:tab w:val="right" w:pos="${widthTwips}"/></w:tabs>`;

/** Running header: left and right text, and the exempt marking on every page of the section. */
export function headerXml(section: LayoutSection, widthTwips: number, part: PartContext): string {
  const { left = '', right = '', marking, logo } = section.header;
  // The council's logo opens the header line, with its alt text, before the left-hand words.
  const lead = logo ? drawingRun(logo, 'Logo', part) + textRun('  ') : '';
  const style = val('w:pStyle', part.styles.header);
  let body = `<w:p><w:pPr>${style}${rightTab(widthTwips)}</w:pPr>${lead}${textRun(left)}<w:r><w:tab/></w:r>${textRun(right)}</w:p>`;
  if (marking) body += markingParagraph(marking, part.styles.header);
  return `${XML_DECLARATION}<w:hdr ${W_ROOT_NS}>${body}</w:hdr>`;
}

/** The exempt marking as a header paragraph: bold, in the marking colour. */
export function markingParagraph(marking: string, headerStyle: string): string {
  return `<w:p><w:pPr>${val('w:pStyle', headerStyle)}</w:pPr>${textRun(marking, { bold: true, colour: MARKING_COLOUR })}</w:p>`;
}

const field = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** "Page X of Y": PAGE and NUMPAGES fields, which Word keeps up to date itself. */
export function footerXml(doc: LayoutDocument, widthTwips: number, part: PartContext): string {
  const w = doc.footer.pageNumberWords ?? { before: 'Page ', between: ' of ', after: '' };
  const p = `<w:p><w:pPr>${val('w:pStyle', part.styles.footer)}${rightTab(widthTwips)}</w:pPr>${textRun(doc.footer.left ?? '')}<w:r><w:tab/></w:r>${textRun(w.before)}${field('PAGE')}${textRun(w.between)}${field('NUMPAGES')}${w.after ? textRun(w.after) : ''}</w:p>`;
  return `${XML_DECLARATION}<w:ftr ${W_ROOT_NS}>${p}</w:ftr>`;
}
