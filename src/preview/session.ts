import type { BuildContext } from '../pipeline/build-context';
import { buildPaper, type PaperBuild, type PaperBuildOptions } from './build-paper';
import { error } from '../diagnostics/diagnostic';
import type { Paper } from './paper';

const DOCX_AFTER_MS = 250;

/** A build as the page sees it, numbered so the page can tell a new one from the one it shows. */
export interface Snapshot {
  version: number;
  build: PaperBuild;
  /** When the build finished (ISO). */
  at: string;
  /** False while only the PDF is built: the DOCX and the checks follow under the same version. */
  complete: boolean;
}

/**
 * One paper kept warm: builds run one at a time in this process; a save during a build asks for one more
 * build after it (never a queue of them). The last build that wrote its files is kept, so a failing
 * build shows its messages over the last good pages, never a blank page.
 */
export class PreviewSession {
  current?: Snapshot;
  lastGood?: Snapshot;
  private version = 0;
  private running?: Promise<void> | undefined;
  private again = false;
  private readonly listeners = new Set<(s: Snapshot) => void>();

  constructor(
    readonly paper: Paper,
    readonly ctx: BuildContext,
  ) {}

  /** Calls `listener` after every build; returns the function that stops it. */
  onBuild(listener: (s: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Builds now, or once more after the build under way; resolves when the paper is up to date. */
  rebuild(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * The PDF first, so the page shows the new pages as soon as they exist; then, unless another save came
   * in meanwhile, the DOCX and the checks, published as the same version completed.
   */
  private async loop(): Promise<void> {
    do {
      this.again = false;
      const pdfFirst = this.ctx.formats.includes('pdf') && this.ctx.formats.length > 1;
      const first = await this.build(pdfFirst ? { formats: ['pdf'], checks: false } : {});
      const snapshot: Snapshot = { version: ++this.version, build: first, at: new Date().toISOString(), complete: !pdfFirst || !first.ok };
      this.publish(snapshot);
      if (snapshot.complete || this.again) continue;
      // A moment for the browser to draw the new pages before the DOCX build takes the CPU.
      await new Promise((r) => setTimeout(r, DOCX_AFTER_MS));
      if (this.again) continue;
      const rest = await this.build({ formats: this.ctx.formats.filter((f) => f !== 'pdf') });
      if (this.again) continue;
      const documents = first.documents.map((d) => {
        const docx = rest.documents.find((r) => r.name === d.name)?.docx;
        return docx ? { ...d, docx } : d;
      });
      const build = { ...rest, ok: first.ok && rest.ok, documents, ms: { build: first.ms.build, checks: rest.ms.build + rest.ms.checks } };
      this.publish({ ...snapshot, build, complete: true });
    } while (this.again);
  }

  /**
   * A build that cannot throw: a fault of ours (not the author's input, which buildPaper reports as
   * diagnostics) is shown as a message too, and the process goes on watching.
   */
  private async build(options: PaperBuildOptions): Promise<PaperBuild> {
    try {
      return await buildPaper(this.paper, this.ctx, options);
    } catch (e) {
      const message = `the preview could not build the paper (${e instanceof Error ? e.message : String(e)}); save again to retry`;
      return { ok: false, documents: [], diagnostics: [error('preview-failed', message)], checks: [], sources: this.lastGood?.build.sources ?? [], ms: { build: 0, checks: 0 } };
    }
  }

  private publish(snapshot: Snapshot): void {
    this.current = snapshot;
    if (snapshot.build.ok) this.lastGood = snapshot;
    for (const l of this.listeners) l(snapshot);
  }

  /** Resolves once no build is under way: closing waits for it, so no build runs on after the preview stops. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  get building(): boolean {
    return this.running !== undefined;
  }
}
