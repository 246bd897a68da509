import type { DocumentIds } from './document-ids';
import type { MediaFormat, MediaStore } from './media';
import { PartRelationships, REL_TYPE } from './relationships';
import type { StyleIds } from './style-ids';

/**
 * What writing one part (the body, a header, a footer) needs: its own relationships, and the ids, media
 * and style ids shared by the whole document.
 */
export class PartContext {
  constructor(
    readonly rels: PartRelationships,
    readonly ids: DocumentIds,
    private readonly media: MediaStore,
    readonly styles: StyleIds,
  ) {}

  /** The relationship id of a picture, embedded once per document. */
  image(format: MediaFormat, data: Uint8Array): string {
    const part = this.media.add(format, data);
    return this.rels.add('Image', REL_TYPE.image, part.replace(/^word\//, ''));
  }

  link(url: string): string {
    return this.rels.add('Link', REL_TYPE.hyperlink, url, true);
  }
}
