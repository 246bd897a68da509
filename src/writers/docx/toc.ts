import type { LayoutDocument, Pagination } from '../../render/layout';

import { escapeXml } from './xml';

export const tocMarkerText = (n: number) => `@@cabinet-toc-${n}@@`;

interface Entry {
  id: string;
  level: number;
  text: string;
}

function entries(doc: LayoutDocument, maxLevel: number, only?: string[]): Entry[] {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'heading' && b.toc !== false && b.level <= maxLevel && (!only || only.includes(b.id))
        ? [{ id: b.id, level: b.level, text: b.number ? `${b.number.text} ${b.text}` : b.text }]
        : [],
    ),
  );
}

/**
 * A real TOC field whose cached result already lists every heading with its page (from the PDF's
 * pagination, which shares Word's metrics), so the contents read correctly as soon as the file is opened
 * and Word can still refresh them. No w:dirty and no updateFields: nothing prompts the reader.
 */
export function tocXml(doc: LayoutDocument, title: string, maxLevel: number, tabTwips: number, pagination?: Pagination, only?: string[]): string {
  const list = entries(doc, maxLevel, only);
  const begin = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-${maxLevel}" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`;
  const end = `<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const heading = `<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(title)}</w:t></w:r></w:p>`;
  if (list.length === 0) return `${heading}<w:p>${begin}${end}</w:p>`;
  const paras = list.map((e, i) => {
    const page = pagination?.headingPages[e.id];
    const pageRuns = page === undefined ? '' : `<w:r><w:tab/></w:r><w:r><w:t>${page}</w:t></w:r>`;
    return (
      `<w:p><w:pPr><w:pStyle w:val="TOC${Math.min(e.level, 4)}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${tabTwips}"/></w:tabs></w:pPr>` +
      (i === 0 ? begin : '') +
      `<w:hyperlink w:anchor="${escapeXml(e.id)}" w:history="1"><w:r><w:t xml:space="preserve">${escapeXml(e.text)}</w:t></w:r>${pageRuns}</w:hyperlink>` +
      (i === list.length - 1 ? end : '') +
      `</w:p>`
    );
  });
  return heading + paras.join('');
}

/** Replaces the marker paragraph for contents list n with the field. */
export function replaceTocMarker(xml: string, n: number, replacement: string): string {
  const at = xml.indexOf(tocMarkerText(n));
  if (at < 0) return xml;
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return xml.slice(0, start) + replacement + xml.slice(end);
}
