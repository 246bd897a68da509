import { esc, NS, XML_DECLARATION } from './xml-write';

/** The relationship types, one table for the template reader and this writer. */
export { REL as REL_TYPE } from '../../readers/word-template/types';

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/**
 * The relationships of one part, with ids chosen here: a prefix per kind and a count per part
 * (rIdLink1, rIdImage1...), so the same layout gives the same ids, and ids a council template already uses
 * are passed over.
 */
export class PartRelationships {
  private readonly list: Relationship[] = [];
  private readonly counts = new Map<string, number>();
  private readonly byTarget = new Map<string, string>();

  constructor(private readonly taken: ReadonlySet<string> = new Set(), private readonly existing = '') {}

  add(prefix: string, type: string, target: string, external = false): string {
    const key = `${type} ${target} ${external}`;
    const known = this.byTarget.get(key);
    if (known) return known;
    let n = this.counts.get(prefix) ?? 0;
    let id: string;
    do id = `rId${prefix}${++n}`;
    while (this.taken.has(id));
    this.counts.set(prefix, n);
    this.list.push({ id, type, target, external });
    this.byTarget.set(key, id);
    return id;
  }

  get size(): number {
    return this.list.length;
  }

  /** The .rels part; `existing` (a template's own relationships, as written) comes first. */
  xml(): string {
    const rows = this.list.map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`);
    return `${XML_DECLARATION}<Relationships xmlns="${NS.rels}">${this.existing}${rows.join('')}</Relationships>`;
  }
}
