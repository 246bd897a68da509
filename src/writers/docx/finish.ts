import JSZip from 'jszip';
import type { LayoutDocument, Pagination, TableBlock } from '../../render/layout';
import { replaceTocMarker, tocXml } from './toc';

import { escapeXml } from './xml';

export interface TocRequest {
  title: string;
  maxLevel: number;
  tabTwips: number;
  headingIds?: string[];
}

/**
 * What the docx package cannot say, added to the XML: pre-filled contents lists, table descriptions for
 * assistive technology, and fixed ids and dates so the same layout always gives the same bytes.
 */
export async function finishDocx(bytes: Buffer, doc: LayoutDocument, tocs: TocRequest[], pagination?: Pagination): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file('word/document.xml')!.async('string');
  tocs.forEach((t, n) => (xml = replaceTocMarker(xml, n, tocXml(doc, t.title, t.maxLevel, t.tabTwips, pagination, t.headingIds))));
  xml = describeTables(xml, doc);
  xml = renumber(xml, /(<w:bookmark(?:Start|End)[^>]*? w:id=")(\d+)(")/g);
  xml = renumber(xml, /(<wp:docPr id=")(\d+)(")/g);
  const rels = zip.file('word/_rels/document.xml.rels');
  if (rels) {
    const fixed = stableRelationshipIds(await rels.async('string'), xml);
    zip.file('word/_rels/document.xml.rels', fixed.rels);
    xml = fixed.xml;
  }
  zip.file('word/document.xml', xml);
  const core = zip.file('docProps/core.xml');
  if (core) zip.file('docProps/core.xml', fixCoreDates(await core.async('string'), doc.meta.created));
  return repackFixed(zip, new Date(doc.meta.created));
}

function describeTables(xml: string, doc: LayoutDocument): string {
  const tables = doc.sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === 'table'));
  let i = 0;
  return xml.replace(/<w:tblPr>/g, (m) => {
    const t = tables[i++];
    return t ? `${m}<w:tblCaption w:val="${escapeXml(t.summary)}"/><w:tblDescription w:val="${escapeXml(t.summary)}"/>` : m;
  });
}

/** The docx package numbers bookmarks and drawings from process-wide counters; number them per document instead. */
function renumber(xml: string, pattern: RegExp): string {
  const seen = new Map<string, number>();
  return xml.replace(pattern, (_m, before: string, id: string, after: string) => {
    if (!seen.has(id)) seen.set(id, seen.size + 1);
    return `${before}${seen.get(id)}${after}`;
  });
}

/** Hyperlink relationships get random ids (rIdk3x…) from the docx package: give them ordinal ones. */
function stableRelationshipIds(rels: string, xml: string): { rels: string; xml: string } {
  const random = [...rels.matchAll(/Id="(rId[^"]*)"/g)].map((m) => m[1]!).filter((id) => !/^rId\d+$/.test(id));
  random.forEach((id, n) => {
    const stable = `rIdLink${n + 1}`;
    rels = rels.split(`"${id}"`).join(`"${stable}"`);
    xml = xml.split(`"${id}"`).join(`"${stable}"`);
  });
  return { rels, xml };
}

function fixCoreDates(xml: string, created: string): string {
  const iso = new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}

/** Same entries in the same order with one fixed date. [Content_Types].xml first, as Office writes it. */
async function repackFixed(zip: JSZip, date: Date): Promise<Uint8Array> {
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)));
  for (const name of names) out.file(name, await zip.files[name]!.async('uint8array'), { date, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
