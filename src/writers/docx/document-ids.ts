/**
 * Ids Word needs unique within one document: bookmarks and drawings (wp:docPr), counted from 1 in document
 * order (body first, then headers and footers), so the same layout gives the same bytes whatever the
 * process built before.
 */
export class DocumentIds {
  private bookmarks = 0;
  private drawings = 0;

  constructor(firstBookmark = 0, firstDrawing = 0) {
    this.bookmarks = firstBookmark;
    this.drawings = firstDrawing;
  }

  nextBookmark(): number {
    return ++this.bookmarks;
  }

  nextDrawing(): number {
    return ++this.drawings;
  }
}
