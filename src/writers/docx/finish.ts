import JSZip from 'jszip';
import type { LayoutDocument } from '../../render/layout';
import { DCTERMS_NS, R_NS, RELS_NS, W_NS, WP_NS, editXmlPart, elements } from './xml';
import { fillFontTable } from './font-table';

/**
 * What the docx package cannot be told, done on the packed file through editXmlPart (parse, edit the tree,
 * serialise): fixed drawing and relationship ids and dates, so the same layout always gives the same
 * bytes, and a font table naming the fonts the document uses.
 */
export async function finishDocx(bytes: Buffer, doc: LayoutDocument): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => zip.file(name)?.async('string');
  const write = (name: string, xml: string) => zip.file(name, xml);

  // The body first, then headers and footers in number order: the order Word reads them in.
  const stories = ['word/document.xml', ...sortedParts(zip, /^word\/header(\d+)\.xml$/), ...sortedParts(zip, /^word\/footer(\d+)\.xml$/)];
  let drawing = 0;
  const bookmarkIds = new Map<string, string>();
  for (const part of stories) {
    let xml = await read(part);
    if (xml === undefined) continue;
    // docx numbers drawings and bookmarks from counters shared by every document the process builds;
    // Word needs them unique within the document, and the same document must give the same bytes
    // whatever was built before it. A bookmark's start and end share an id, so ids map old to new.
    xml = editXmlPart(part, xml, (dom) => {
      elements(dom, WP_NS, 'docPr').forEach((el) => el.setAttribute('id', String(++drawing)));
      const inOrder = Array.from(dom.getElementsByTagNameNS(W_NS, '*'));
      for (const el of inOrder.filter((e) => e.localName === 'bookmarkStart' || e.localName === 'bookmarkEnd')) {
        const old = el.getAttributeNS(W_NS, 'id') ?? '';
        if (!bookmarkIds.has(old)) bookmarkIds.set(old, String(bookmarkIds.size + 1));
        el.setAttributeNS(W_NS, 'w:id', bookmarkIds.get(old)!);
      }
    });
    const relsName = part.replace(/^word\//, 'word/_rels/') + '.rels';
    const rels = await read(relsName);
    if (rels !== undefined) {
      const fixed = stableRelationshipIds(relsName, rels, part, xml);
      write(relsName, fixed.rels);
      xml = fixed.xml;
    }
    write(part, xml);
  }

  const fontTable = await read('word/fontTable.xml');
  if (fontTable !== undefined) {
    const used = [await read('word/styles.xml'), await read('word/numbering.xml'), ...(await Promise.all(stories.map(read)))];
    write('word/fontTable.xml', fillFontTable(fontTable, used.filter((x): x is string => x !== undefined)));
  }

  const core = await read('docProps/core.xml');
  if (core !== undefined) write('docProps/core.xml', fixCoreDates(core, doc.meta.created));
  return repackFixed(zip, new Date(doc.meta.created));
}

function sortedParts(zip: JSZip, pattern: RegExp): string[] {
  return Object.keys(zip.files)
    .filter((n) => pattern.test(n))
    .sort((a, b) => Number(pattern.exec(a)?.[1]) - Number(pattern.exec(b)?.[1]));
}

/**
 * docx gives hyperlink (and some image) relationships random ids (rIdk3x…): give every id that is not
 * already an ordinal rIdN a stable one, in the relationship file's order, in the rels part and in every
 * r: attribute of the part that uses it.
 */
function stableRelationshipIds(relsName: string, rels: string, part: string, xml: string): { rels: string; xml: string } {
  const renamed = new Map<string, string>();
  const newRels = editXmlPart(relsName, rels, (dom) => {
    for (const rel of elements(dom, RELS_NS, 'Relationship')) {
      const id = rel.getAttribute('Id') ?? '';
      if (/^rId\d+$/.test(id)) continue;
      const stable = `rIdN${renamed.size + 1}`;
      renamed.set(id, stable);
      rel.setAttribute('Id', stable);
    }
  });
  const newXml = renamed.size === 0 ? xml : editXmlPart(part, xml, (dom) => {
    for (const el of Array.from(dom.getElementsByTagName('*')))
      for (const attr of Array.from(el.attributes))
        if (attr.namespaceURI === R_NS && renamed.has(attr.value)) attr.value = renamed.get(attr.value)!;
  });
  return { rels: newRels, xml: newXml };
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
