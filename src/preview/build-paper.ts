import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, UnreadableInputError, type Diagnostic } from '../diagnostics/diagnostic';
import type { Config } from '../config/schema';
import { buildSource } from '../pipeline/build-source';
import { buildAgenda } from '../pipeline/build-agenda';
import { buildBoardPack } from '../board-pack/build-board-pack';
import { previousMonth, resolveMonth } from '../board-pack/month';
import type { BuildResult } from '../pipeline/build-report';
import type { Format } from '../pipeline/render-document';
import { contextSources, loadContextSettings, type BuildContext } from '../pipeline/build-context';
import { MANIFEST_FILE, parseManifest } from '../model/manifest';
import { runChecks, type CheckItem } from './checks';
import { paperSources } from './sources';
import type { Paper } from './paper';

/** One document of the paper (the report, an appendix, a pack), with its bytes exactly as written. */
export interface BuiltDocument {
  /** File name without extension, as `cabinet build` writes it (report, appendix-a-…). */
  name: string;
  title: string;
  kind: string;
  pages?: number | undefined;
  /** The PDF's SHA-256 from the manifest: the page redraws only documents whose bytes changed. */
  pdfSha256?: string;
  pdf?: Uint8Array;
  docx?: Uint8Array;
}

export interface PaperBuild {
  /** True when the build wrote its files (no errors). */
  ok: boolean;
  documents: BuiltDocument[];
  diagnostics: Diagnostic[];
  /** The pre-publication checks of `cabinet check`, each passed or not. */
  checks: CheckItem[];
  /** Absolute paths of every file and folder this build read or would read: what a watcher watches. */
  sources: string[];
  /** Wall time of the build and the checks, in milliseconds. */
  ms: { build: number; checks: number };
}

/** Runs the build the CLI command for this paper runs, into the context's private output folder. */
async function runBuild(paper: Paper, ctx: BuildContext, config: Config, formats: Format[]): Promise<BuildResult> {
  const common = { config, outDir: ctx.outDir, formats, cwd: ctx.cwd };
  // Absolute: the template loaders look a relative folder up from the process's working folder, not the build's.
  const templatesDir = ctx.templatesDir === undefined ? undefined : path.resolve(ctx.cwd, ctx.templatesDir);
  if (paper.kind !== 'board-pack') return (paper.kind === 'meeting' ? buildAgenda : buildSource)(paper.file, { ...common, templatesDir });
  // The board pack records each month's plans in its history folder; a preview must not (a half-edited
  // workbook would become next month's baseline), so it reads a private copy of the months it compares with.
  const month = resolveMonth(paper.month, new Date().toISOString().slice(0, 10));
  const history = path.join(ctx.outDir, '.history');
  fs.rmSync(history, { recursive: true, force: true });
  for (const m of [previousMonth(month), previousMonth(previousMonth(month))]) {
    const from = path.join(config.boardPack.historyDir, m);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(history, m), { recursive: true });
  }
  const r = await buildBoardPack({ ...common, month, plans: paper.plans, config: { ...config, boardPack: { ...config.boardPack, historyDir: history } } });
  return r.exitCode === 0 || r.files.length ? { outputDir: r.outputDir, files: r.files, diagnostics: r.diagnostics } : { files: [], diagnostics: r.diagnostics };
}

/** The documents in the manifest the build wrote, in its order, one entry per document (PDF and DOCX together). */
function readDocuments(outputDir: string): BuiltDocument[] {
  const parsed = parseManifest(fs.readFileSync(path.join(outputDir, MANIFEST_FILE), 'utf8'));
  if (!parsed.manifest) throw new Error(`the build's manifest is not valid: ${parsed.problems.join('; ')}`);
  const byName = new Map<string, BuiltDocument>();
  for (const d of parsed.manifest.documents) {
    const name = d.file.replace(/\.(pdf|docx)$/, '');
    const doc = byName.get(name) ?? { name, title: d.title, kind: d.kind, pages: d.pages };
    doc[d.format] = fs.readFileSync(path.join(outputDir, d.file));
    if (d.format === 'pdf') doc.pdfSha256 = d.sha256;
    byName.set(name, doc);
  }
  return [...byName.values()];
}

const key = (d: Diagnostic) => `${d.severity}|${d.code}|${d.file ?? ''}|${d.sheet ?? ''}|${d.cell ?? ''}|${d.line ?? ''}|${d.message}`;

/**
 * Builds the paper in-process, as `cabinet build`, `agenda` or `board-pack` would, and runs the checks of
 * `cabinet check` on it. Never throws for bad input: an unreadable file is a diagnostic like any other.
 */
export interface PaperBuildOptions {
  /** The formats to build this time (default: the context's); the preview builds the PDF first. */
  formats?: Format[];
  /** Run the checks of `cabinet check` too (default true). */
  checks?: boolean;
}

export async function buildPaper(paper: Paper, ctx: BuildContext, options: PaperBuildOptions = {}): Promise<PaperBuild> {
  const settings = loadContextSettings(ctx);
  const base = contextSources(ctx, settings);
  const started = performance.now();
  const diagnostics: Diagnostic[] = [...settings.diagnostics];
  let documents: BuiltDocument[] = [];
  let ok = false;
  if (settings.config) {
    try {
      const r = await runBuild(paper, ctx, settings.config, options.formats ?? ctx.formats);
      diagnostics.push(...r.diagnostics);
      if (r.outputDir) {
        documents = readDocuments(r.outputDir);
        ok = true;
      }
    } catch (e) {
      diagnostics.push(failure(e, paper, ctx.cwd));
    }
  }
  const built = performance.now();
  const checks = settings.config && ok && options.checks !== false ? runChecks(paper, ctx, settings.config) : { items: [], diagnostics: [] };
  // A check repeats what the build found (both read the workbooks); each problem is listed once.
  const seen = new Set(diagnostics.map(key));
  for (const d of checks.diagnostics) if (!seen.has(key(d)) && seen.add(key(d))) diagnostics.push(d);
  const sources = [...new Set([...base, ...paperSources(paper, ctx.cwd, settings.config)])];
  return { ok, documents, diagnostics, checks: checks.items, sources, ms: { build: built - started, checks: performance.now() - built } };
}

/** An exception from a build, in the same words the CLI prints, as a diagnostic on the paper. */
function failure(e: unknown, paper: Paper, cwd: string): Diagnostic {
  if (e instanceof UnreadableInputError) return error('unreadable', e.reason, { file: path.isAbsolute(e.file) ? path.relative(cwd, e.file) : e.file });
  const file = paper.kind === 'board-pack' ? undefined : paper.file;
  return error('build-failed', e instanceof Error ? e.message : String(e), file ? { file } : {});
}
