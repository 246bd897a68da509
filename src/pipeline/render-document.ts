import type { LayoutDocument, Pagination } from '../render/layout';
import { renderPdf } from '../writers/pdf';
import { renderDocx } from '../writers/docx';

export type Format = 'pdf' | 'docx';

export interface Rendered {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  pagination: Pagination;
}

/**
 * Both formats from one layout. The PDF is always laid out first, even for DOCX only, because its page
 * numbers fill the Word contents list.
 */
export async function renderDocument(doc: LayoutDocument, formats: readonly Format[]): Promise<Rendered> {
  const pdf = await renderPdf(doc);
  const out: Rendered = { pagination: pdf.pagination };
  if (formats.includes('pdf')) out.pdf = pdf.bytes;
  if (formats.includes('docx')) out.docx = await renderDocx(doc, pdf.pagination);
  return out;
}
