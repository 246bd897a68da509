import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { LayoutDocument } from '../render/layout';
import { renderDocument, type Format, type Rendered } from './render-document';
import * as fs from 'node:fs';
import { MANIFEST_FILE, parseManifest, type ManifestDocument } from '../model/manifest';
import { writeFilesAtomic } from '../io/atomic-write';
import { warning, type Diagnostic } from '../diagnostics/diagnostic';
import { collectIfLarge } from '../io/heap-collect';

export type ManifestEntry = Omit<ManifestDocument, 'file' | 'format' | 'sha256' | 'pages'>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * The files of one build, rendered and staged in memory, then written together (temp files + renames) with
 * their manifest, so a failure anywhere leaves the previous outputs as they were.
 */
export class OutputSet {
  private readonly files: { path: string; data: Uint8Array | string }[] = [];
  private readonly manifest: ManifestDocument[] = [];
  private readonly missing = new Map<string, { text: string; documents: Set<string> }>();

  constructor(
    readonly dir: string,
    private readonly formats: readonly Format[],
    private readonly onProgress?: (line: string) => void,
    private readonly cwd = process.cwd(),
  ) {}

  async add(doc: LayoutDocument, base: string, entry: ManifestEntry): Promise<Rendered> {
    // The last document's pages and drawing are garbage now, and this one would be laid out on top of them.
    collectIfLarge();
    const rendered = await renderDocument(doc, this.formats);
    this.addRendered(rendered, base, entry);
    return rendered;
  }

  addRendered(rendered: Rendered, base: string, entry: ManifestEntry): void {
    for (const m of rendered.missing) {
      const seen = this.missing.get(m.char) ?? { text: m.text, documents: new Set<string>() };
      seen.documents.add(base);
      this.missing.set(m.char, seen);
    }
    for (const format of this.formats) {
      const bytes = rendered[format]!;
      this.files.push({ path: path.join(this.dir, `${base}.${format}`), data: bytes });
      const pages = rendered.pagination?.pageCount;
      this.manifest.push({ file: `${base}.${format}`, format, ...entry, ...(pages === undefined ? {} : { pages }), sha256: sha256(bytes) });
    }
    const count = rendered.pagination?.pageCount;
    const pages = count === undefined ? '' : `: ${count} page${count === 1 ? '' : 's'}`;
    this.onProgress?.(`${path.relative(this.cwd, path.join(this.dir, base))}.{${this.formats.join(',')}}${pages}`);
  }

  /**
   * Characters no font could draw, one warning each, naming the text they are in: they would print as
   * empty boxes, so the author hears of them (an error under --strict), and nothing is dropped silently.
   */
  glyphDiagnostics(file: string): Diagnostic[] {
    return [...this.missing].map(([char, m]) => {
      const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      const snippet = m.text.length > 60 ? `${m.text.slice(0, 57)}…` : m.text;
      return warning('missing-glyph', `"${char}" (U+${code}) is in no font the document uses, in "${snippet}" (${[...m.documents].join(', ')}): it would print as an empty box; use another character or a council font that has it (render.fontFiles)`, { file });
    });
  }

  /** Files of an earlier build of this folder that this one replaced without writing again (see write). */
  readonly removed: string[] = [];

  /**
   * Writes everything at once; returns the paths written. Then removes what the folder's previous manifest
   * listed and this build no longer writes (report.docx after a --format pdf rebuild), so no stale file is
   * left to be published: only names that manifest listed, never any other file in the folder.
   */
  write(source: string): string[] {
    const earlier = this.earlierFiles();
    const manifest = { generator: 'cabinet-reports', source, documents: this.manifest };
    this.files.push({ path: path.join(this.dir, MANIFEST_FILE), data: JSON.stringify(manifest, null, 2) + '\n' });
    // The build's folder sits in the output folder; a symlink there that leads elsewhere is refused.
    writeFilesAtomic(this.files, { root: path.dirname(this.dir) });
    const now = new Set(this.files.map((f) => path.basename(f.path)));
    for (const name of earlier.filter((f) => !now.has(f))) {
      const file = path.join(this.dir, name);
      const found = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!found || found.isDirectory()) continue;
      // unlink removes a link itself, never what it points to.
      fs.unlinkSync(file);
      this.removed.push(file);
    }
    return this.files.map((f) => f.path);
  }

  /** The file names the folder's existing manifest lists (none when there is none, or it is not ours). */
  private earlierFiles(): string[] {
    const file = path.join(this.dir, MANIFEST_FILE);
    // Only a regular file of a manifest's size is read: one planted as a link to /dev/zero or a FIFO would
    // never finish reading, and the names it lists are file names of this folder only (the schema says so).
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > 16 * 1024 * 1024) return [];
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    return parseManifest(text).manifest?.documents.map((d) => d.file) ?? [];
  }
}
