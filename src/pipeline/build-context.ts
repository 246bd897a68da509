import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Config } from '../config/schema';
import { DEFAULT_CONFIG_PATHS, loadConfig } from '../config/load';
import { resolveHouseSettings } from '../render/house-style';
import { BUILTIN_TEMPLATES } from '../render/report/templates';
import { error, UnreadableInputError, type Diagnostic } from '../diagnostics/diagnostic';
import type { Format } from './render-document';

/**
 * Everything one build depends on besides its source, named explicitly, so a warm process (cabinet preview,
 * build --watch) never leans on process.cwd() or on what an earlier build resolved. The readers' caches
 * (fonts, logo) are keyed by each file's stamp (src/io/file-stamp.ts), so nothing read here goes stale.
 */
export interface BuildContext {
  /** The folder relative paths in settings and on the command line are taken from. */
  cwd: string;
  /** --config as given; otherwise the default places are looked in at each build. */
  configFile?: string | undefined;
  /** A council's own templates folder (--templates). */
  templatesDir?: string | undefined;
  /** Where this process's builds are written. */
  outDir: string;
  formats: Format[];
}

export interface ContextSettings {
  /** Settings with every path in them absolute (logo, fonts, read roots, board pack folders), checked to load. */
  config?: Config;
  /** The settings file read, absolute, if any. */
  file?: string;
  /** Files the render settings name (logo, fonts, Word template), absolute, even when one cannot be read. */
  renderFiles: string[];
  diagnostics: Diagnostic[];
}

/** The settings as they are on disk now: a warm process reads them again for every build. */
export function loadContextSettings(ctx: BuildContext): ContextSettings {
  let loaded;
  try {
    loaded = loadConfig(ctx.configFile, ctx.cwd);
  } catch (e) {
    if (!(e instanceof UnreadableInputError)) throw e;
    return { renderFiles: [], diagnostics: [error('unreadable', e.reason, { file: e.file })] };
  }
  const file = loaded.file === undefined ? undefined : path.resolve(ctx.cwd, loaded.file);
  if (loaded.diagnostics.length) return { ...(file ? { file } : {}), renderFiles: [], diagnostics: loaded.diagnostics };
  const c = loaded.config;
  const abs = (p: string) => path.resolve(ctx.cwd, p);
  const files = renderFiles(c).map(abs);
  try {
    const config: Config = {
      ...c,
      render: resolveHouseSettings(c.render, ctx.cwd),
      paths: { ...c.paths, readRoots: c.paths.readRoots.map(abs) },
      boardPack: { ...c.boardPack, historyDir: abs(c.boardPack.historyDir), planFolders: c.boardPack.planFolders.map(abs) },
    };
    return { config, ...(file ? { file } : {}), renderFiles: files, diagnostics: [] };
  } catch (e) {
    // A logo or font file that is missing or not an image/font: the same message `cabinet build` prints.
    if (!(e instanceof UnreadableInputError)) throw e;
    return { ...(file ? { file } : {}), renderFiles: files, diagnostics: [error('unreadable', e.reason, { file: e.file })] };
  }
}

/** Paths in the render settings that name files (logo, fonts, a Word template), absolute. */
function renderFiles(config: Config): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/\.(png|jpe?g|svg|ttf|otf|woff2?|docx|dotx)$/i.test(v)) out.push(v);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(config.render);
  return out;
}

/**
 * The files and folders a build of any paper depends on apart from its own sources: the settings file (or
 * the places one would be found), templates (ours and the council's), logo, fonts and Word template.
 */
export function contextSources(ctx: BuildContext, settings: ContextSettings): string[] {
  const settingsFiles = ctx.configFile ? [path.resolve(ctx.cwd, ctx.configFile)] : DEFAULT_CONFIG_PATHS.map((p) => path.resolve(ctx.cwd, p));
  const templates = [BUILTIN_TEMPLATES, ...(ctx.templatesDir ? [path.resolve(ctx.cwd, ctx.templatesDir)] : [])];
  return [...new Set([...settingsFiles, ...(settings.file ? [settings.file] : []), ...templates, ...settings.renderFiles])];
}

/** A private output folder for a warm process, made fresh. */
export function privateOutDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
