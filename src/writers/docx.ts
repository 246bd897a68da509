import type { LayoutDocument, Pagination } from '../render/layout';

/**
 * Placeholder signature: implemented by the DOCX writer work (issue 4). `pagination` comes from the PDF
 * writer and pre-fills the table of contents and page counts so Word shows numbers without "update fields".
 */
export async function renderDocx(_doc: LayoutDocument, _pagination?: Pagination): Promise<Uint8Array> {
  throw new Error('DOCX writer not yet available');
}
