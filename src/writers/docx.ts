/**
 * DOCX writer: the layout model to WordprocessingML, serialised here part by part straight into a zip
 * (one pass: nothing is unzipped, patched or zipped again). Real Word structure (heading styles, numbering,
 * repeating header rows, landscape sections, PAGE/NUMPAGES fields) so authors can keep editing the file,
 * and a contents list that already shows page numbers when opened. Given a council's Word template, the
 * document is written into the template's own package (docx/into-template.ts).
 */
import type { LayoutDocument, LayoutSection, Pagination } from '../render/layout';
import type { WordPackage } from '../readers/word-template/types';
import { docxBlock, type DocxBlockContext } from './docx/blocks';
import { BodyOut } from './docx/body-out';
import { bookmarkNames } from './docx/bookmarks';
import { DocumentIds } from './docx/document-ids';
import { MediaStore } from './docx/media';
import { PartContext } from './docx/part-context';
import { PartRelationships, REL_TYPE } from './docx/relationships';
import { footerXml, headerXml } from './docx/running';
import type { TargetPackage } from './docx/target';
import { docxToc } from './docx/toc';
import { xmlSafeLayout } from './docx/xml-text';
import { PartSink, type ZipEntry, textEntry, zipBytes } from './docx/zip-write';
import { ourPackage } from './docx/our-package';

export interface DocxOptions {
  /** A council's Word template: the document is written into its package, in its styles. */
  package?: WordPackage | undefined;
  /** Write a Word template (.dotx) of our house style, without running header or footer (cabinet template export). */
  asTemplate?: boolean | undefined;
}

/** The DOCX bytes; a promise, as callers await both writers alike (the work itself is synchronous). */
export function renderDocx(layout: LayoutDocument, pagination?: Pagination, options: DocxOptions = {}): Promise<Uint8Array> {
  try {
    return Promise.resolve(writeDocx(layout, pagination, options));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function writeDocx(layout: LayoutDocument, pagination: Pagination | undefined, options: DocxOptions): Uint8Array {
  const doc = xmlSafeLayout(layout);
  // The template's own warnings (styles it lacks, parts not carried) are the look's, reported with the build's.
  const pkg = options.package ?? layout.style.wordTemplate?.package;
  const target: TargetPackage = pkg
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- only a build with a council template loads it
      (require('./docx/into-template') as typeof import('./docx/into-template')).templateTarget(doc, pkg)
    : ourPackage(doc, options.asTemplate === true);
  const bookmarks = bookmarkNames(doc);
  const ids = new DocumentIds();
  const media = new MediaStore('word/media', target.taken);
  const body = new PartSink(target.mainPart);
  const bodyPart = new PartContext(target.documentRels, ids, media, target.styles);
  const out = new BodyOut(body);
  const running: { name: string; type: 'header' | 'footer'; xml?: string; section?: LayoutSection; width: number }[] = [];
  const footers = new Map<string, string>();
  const partName = (base: string) => {
    let n = 0;
    let name: string;
    do name = `word/${base}${++n}.xml`;
    while (target.taken.has(name) || running.some((r) => r.name === name));
    return name;
  };

  body.write(target.documentOpen);
  doc.sections.forEach((section, index) => {
    const widthTwips = target.contentWidth(section.orientation);
    const ctx: DocxBlockContext = {
      style: doc.style,
      widthTwips,
      bookmarks,
      part: bodyPart,
      numbering: target.numbering,
      toc: (block, o) => docxToc(doc, { title: block.title, maxLevel: block.maxLevel, tabTwips: widthTwips, headingIds: block.headingIds, bookmarks, pagination, styles: target.styles }, o),
    };
    for (const block of section.blocks) docxBlock(block, ctx, out);
    const refs: { header?: string; footer?: string } = {};
    if (target.ourHeader) {
      // Written after the body, so its drawings are numbered after the body's.
      const name = partName('header');
      running.push({ name, type: 'header', section, width: widthTwips });
      refs.header = target.documentRels.add('Header', REL_TYPE.header, name.slice('word/'.length));
    }
    if (target.ourFooter) {
      const xml = footerXml(doc, widthTwips, new PartContext(new PartRelationships(), ids, media, target.styles));
      let name = footers.get(xml);
      if (!name) {
        name = partName('footer');
        footers.set(xml, name);
        running.push({ name, type: 'footer', xml, width: widthTwips });
      }
      refs.footer = target.documentRels.add('Footer', REL_TYPE.footer, name.slice('word/'.length));
    }
    const sectPr = target.sectPr(section, refs, index);
    if (index < doc.sections.length - 1) out.endSection(sectPr, target.styles.sectionEnd);
    else out.endBody(sectPr);
  });
  body.write('</w:body></w:document>');

  const entries: ZipEntry[] = [body.close()];
  for (const r of running) {
    const rels = new PartRelationships();
    const xml = r.xml ?? headerXml(r.section!, r.width, new PartContext(rels, ids, media, target.styles));
    entries.push(textEntry(r.name, xml));
    if (rels.size > 0) entries.push(textEntry(r.name.replace(/^word\//, 'word/_rels/') + '.rels', rels.xml()));
  }
  const all = target.finish({ entries, media, running });
  return zipBytes(orderEntries(all), new Date(doc.meta.created));
}

/** [Content_Types].xml first, as Office writes it, then every part by name: the same layout, the same bytes. */
function orderEntries(entries: ZipEntry[]): ZipEntry[] {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return [...entries].sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

