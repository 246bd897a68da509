/** Stable anchors for headings: lower-case words joined by hyphens, made unique within a document. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 61)
      .replace(/-[^-]*$|^(.{0,60})$/, '$1') || 'section'
  );
}

export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly prefix = '') {}

  id(text: string): string {
    const base = this.prefix + slug(text);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
