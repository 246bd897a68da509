import type { LayoutDocument, Pagination } from '../render/layout';

export interface PdfResult {
  bytes: Uint8Array;
  pagination: Pagination;
}

/** Placeholder signature: implemented by the PDF writer work (issue 4). */
export async function renderPdf(_doc: LayoutDocument): Promise<PdfResult> {
  throw new Error('PDF writer not yet available');
}
