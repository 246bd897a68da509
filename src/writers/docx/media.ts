import { createHash } from 'node:crypto';
import type { ZipEntry } from './zip-write';
import { bytesEntry } from './zip-write';

export type MediaFormat = 'png' | 'jpeg' | 'svg';

/**
 * Pictures embedded once per document: the same bytes (a logo in every section's header, a chart used
 * twice) are one media part, named in order of first use (word/media/image1.png, image2.svg...), so the
 * package holds each picture once and its names do not depend on anything but the layout.
 */
export class MediaStore {
  private readonly byHash = new Map<string, string>();
  private readonly entries: ZipEntry[] = [];
  private count = 0;
  readonly formats = new Set<MediaFormat>();

  constructor(private readonly folder = 'word/media', private readonly taken: ReadonlySet<string> = new Set()) {}

  /** The part name (without "word/") of these bytes, embedding them the first time. */
  add(format: MediaFormat, data: Uint8Array): string {
    const hash = createHash('sha256').update(data).update(format).digest('hex');
    const known = this.byHash.get(hash);
    if (known) return known;
    let name: string;
    do name = `${this.folder}/image${++this.count}.${format}`;
    while (this.taken.has(name));
    this.byHash.set(hash, name);
    this.entries.push(bytesEntry(name, data));
    this.formats.add(format);
    return name;
  }

  zipEntries(): ZipEntry[] {
    return this.entries;
  }
}
