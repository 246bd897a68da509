import JSZip from 'jszip';
import type { LayoutDocument } from '../../render/layout';
import { DCTERMS_NS, W_NS, WP_NS, editXmlPart, elements } from './xml';
import { fillFontTable } from './font-table';

/**
 * What the docx package cannot be told, done on the packed file through editXmlPart (parse, edit the tree,
 * serialise) on small parts only: the body (word/document.xml, megabytes for a large plan) is final as
 * docx writes it, its ids already numbered per document (document-ids.ts). Here: drawing ids in headers
 * and footers, a font table naming the fonts used, dates from the data, and one fixed zip date.
 *
 * @param bodyDrawings how many drawings the body numbered: header and footer drawings come after them.
 */
export async function finishDocx(bytes: Buffer, doc: LayoutDocument, bodyDrawings: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => zip.file(name)?.async('string');

  // Headers then footers, in number order: docx numbers their drawings from a counter shared by every
  // document of the process; Word needs them unique in the document, and the bytes must not depend on
  // what was built before.
  const running = [...sortedParts(zip, /^word\/header(\d+)\.xml$/), ...sortedParts(zip, /^word\/footer(\d+)\.xml$/)];
  let drawing = bodyDrawings;
  const runningXml: string[] = [];
  for (const part of running) {
    const xml = await read(part);
    if (xml === undefined) continue;
    const fixed = xml.includes('docPr') ? editXmlPart(part, xml, (dom) => elements(dom, WP_NS, 'docPr').forEach((el) => el.setAttribute('id', String(++drawing)))) : xml;
    zip.file(part, fixed);
    runningXml.push(fixed);
  }

  // Widow and orphan control, which pagination applies (two lines at least at a page's foot and head): docx
  // cannot put it in the document defaults, and without it Word would break paragraphs elsewhere.
  const styles = await read('word/styles.xml');
  if (styles !== undefined) zip.file('word/styles.xml', editXmlPart('word/styles.xml', styles, (dom) => {
    for (const pPr of elements(dom, W_NS, 'pPrDefault').flatMap((d) => Array.from(d.getElementsByTagNameNS(W_NS, 'pPr')))) {
      if (!pPr.getElementsByTagNameNS(W_NS, 'widowControl').length) pPr.insertBefore(dom.createElementNS(W_NS, 'w:widowControl'), pPr.firstChild);
    }
  }));

  // Fonts are named in styles, numbering and the running parts; body runs never name one (test/docx checks).
  const fontTable = await read('word/fontTable.xml');
  if (fontTable !== undefined) {
    const named = [await read('word/styles.xml'), await read('word/numbering.xml'), ...runningXml];
    zip.file('word/fontTable.xml', fillFontTable(fontTable, named.filter((x): x is string => x !== undefined)));
  }

  const core = await read('docProps/core.xml');
  if (core !== undefined) zip.file('docProps/core.xml', fixCoreDates(core, doc.meta.created));
  return repackFixed(zip, new Date(doc.meta.created));
}

function sortedParts(zip: JSZip, pattern: RegExp): string[] {
  return Object.keys(zip.files)
    .filter((n) => pattern.test(n))
    .sort((a, b) => Number(pattern.exec(a)?.[1]) - Number(pattern.exec(b)?.[1]));
}

/** Document dates from the layout (the meeting date or SOURCE_DATE_EPOCH), never the clock. */
function fixCoreDates(xml: string, created: string): string {
  const iso = new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return editXmlPart('docProps/core.xml', xml, (dom) => {
    for (const name of ['created', 'modified']) for (const el of elements(dom, DCTERMS_NS, name)) el.textContent = iso;
  });
}

/** Same entries in the same order with one fixed date. [Content_Types].xml first, as Office writes it. */
async function repackFixed(zip: JSZip, date: Date): Promise<Uint8Array> {
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)));
  for (const name of names) out.file(name, await zip.files[name]!.async('uint8array'), { date, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
