import type { LayoutDocument, LayoutSection } from '../../render/layout';
import { RUNNING_DISTANCE } from '../../render/paginate/formats';
import { pageTwips } from '../../render/paginate/page-size';
import type { MediaStore } from './media';
import type { DocxNumbering } from './numbering';
import type { PartRelationships } from './relationships';
import type { StyleIds } from './style-ids';
import { W_ROOT_NS, XML_DECLARATION } from './xml-write';
import type { ZipEntry } from './zip-write';

const twips = (pt: number) => Math.round(pt * 20);

/** What the body needs from the package it is written into: ours by default, a council's template otherwise. */
export interface TargetPackage {
  styles: StyleIds;
  numbering: DocxNumbering;
  documentRels: PartRelationships;
  /** Part names already taken (a template's), so ours do not collide. */
  taken: ReadonlySet<string>;
  /** The w:sectPr of a section, given the references of its running parts (undefined: keep the template's). */
  sectPr(section: LayoutSection, refs: { header?: string | undefined; footer?: string | undefined }, index: number): string;
  /** Width between the margins in twips, for a section of this orientation (tables, tab stops). */
  contentWidth(orientation: LayoutSection['orientation']): number;
  /** Whether our running header and footer are written, or give way to the template's. */
  ourHeader: boolean;
  ourFooter: boolean;
  /** The root element and body opening of word/document.xml. */
  documentOpen: string;
  /** Every part except the body, its relationships and the running parts we write, once they are known. */
  finish(parts: { entries: ZipEntry[]; media: MediaStore; running: { name: string; type: 'header' | 'footer' }[] }): ZipEntry[];
  /** The zip name of the main document part. */
  mainPart: string;
}

/** Our section properties: the house page in the section's orientation, our margins and running distances. */
export function ourSectPr(doc: LayoutDocument, section: LayoutSection, refs: { header?: string | undefined; footer?: string | undefined }): string {
  const size = pageTwips(doc.style.pageSize, 'portrait');
  const landscape = section.orientation === 'landscape';
  const m = doc.style.margins;
  const d = twips(RUNNING_DISTANCE);
  return (
    '<w:sectPr>' +
    (refs.header ? `<w:headerReference w:type="default" r:id="${refs.header}"/>` : '') +
    (refs.footer ? `<w:footerReference w:type="default" r:id="${refs.footer}"/>` : '') +
    `<w:pgSz w:w="${landscape ? size.height : size.width}" w:h="${landscape ? size.width : size.height}" w:orient="${section.orientation}"/>` +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" w:header="${d}" w:footer="${d}" w:gutter="0"/>` +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

export const DOCUMENT_OPEN = `${XML_DECLARATION}<w:document ${W_ROOT_NS}><w:body>`;
