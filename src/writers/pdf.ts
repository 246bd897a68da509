/**
 * PDF writer entry: pages from the shared pagination, drawn as tagged PDF/UA (see pdf/render-pdf.ts).
 */
import type { LayoutDocument, Pagination } from '../render/layout';
import { paginate } from '../render/paginate/paginate';
import type { Paginated } from '../render/paginate/page-model';
import type { Missing } from '../render/paginate/break-lines';
import { drawPdf } from './pdf/render-pdf';

export interface PdfResult {
  bytes: Uint8Array;
  pagination: Pagination;
  /** Characters no font could draw. */
  missing: Missing[];
}

/** Lays out and draws a document; pass `paged` when the pages were already laid out for another writer. */
export async function renderPdf(doc: LayoutDocument, paged: Paginated = paginate(doc)): Promise<PdfResult> {
  return { bytes: await drawPdf(doc, paged), pagination: paged.pagination, missing: paged.missing };
}
