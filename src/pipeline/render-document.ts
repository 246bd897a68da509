import type { LayoutDocument, Pagination } from '../render/layout';
import { paginate } from '../render/paginate/paginate';
import type { Missing } from '../render/paginate/break-lines';

export type Format = 'pdf' | 'docx';

export interface Rendered {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  /** Absent for a DOCX-only document with no contents list: nothing needed its pages. */
  pagination?: Pagination;
  missing: Missing[];
}

const hasContents = (doc: LayoutDocument) => doc.sections.some((s) => s.blocks.some((b) => b.kind === 'toc'));

/**
 * Both formats from one layout, paginated once. A DOCX-only build lays out pages only when a contents list
 * needs their numbers; Word paginates the DOCX itself. Writers are loaded only when asked for.
 */
export async function renderDocument(doc: LayoutDocument, formats: readonly Format[]): Promise<Rendered> {
  const needPages = formats.includes('pdf') || hasContents(doc);
  const paged = needPages ? paginate(doc) : undefined;
  const out: Rendered = { missing: paged?.missing ?? [] };
  if (paged) out.pagination = paged.pagination;
  if (formats.includes('pdf')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { drawPdf } = require('../writers/pdf/render-pdf') as typeof import('../writers/pdf/render-pdf');
    out.pdf = await drawPdf(doc, paged!);
  }
  if (formats.includes('docx')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderDocx } = require('../writers/docx') as typeof import('../writers/docx');
    out.docx = await renderDocx(doc, paged?.pagination);
  }
  return out;
}
