import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatDiagnostic, summaryLine } from '../diagnostics/reporter';
import { buildSource } from '../pipeline/build-source';
import type { BuildOptions } from '../pipeline/build-report';
import { contextSources, loadContextSettings, type BuildContext } from '../pipeline/build-context';
import { paperSources } from './sources';
import { SourceWatcher, type WatchOptions } from './watcher';

/** The part of the command line's IO this needs (kept here: src/preview must not import src/cli). */
export interface WatchIO {
  stdout: (text: string) => void;
  cwd: string;
}

export interface WatchBuildOptions {
  reports: string[];
  build: Omit<BuildOptions, 'config' | 'cwd'>;
  configFile?: string | undefined;
  /** Stop after this signal (tests); default: SIGINT or SIGTERM. */
  until?: Promise<void>;
  watch?: WatchOptions;
}

/**
 * `cabinet build --watch`: builds every named report, prints its diagnostics and the files written, then
 * rebuilds on each settled save of anything a report is made from, in the same warm process, until Ctrl+C.
 * The settings are read again for each round, so an edited settings file counts too.
 */
export async function watchBuild(options: WatchBuildOptions, io: WatchIO): Promise<number> {
  const ctx: BuildContext = { cwd: io.cwd, configFile: options.configFile, templatesDir: options.build.templatesDir, outDir: options.build.outDir ?? 'output', formats: options.build.formats ?? ['pdf', 'docx'] };
  const round = async (): Promise<string[]> => {
    const settings = loadContextSettings(ctx);
    const all: Diagnostic[] = [...settings.diagnostics];
    let built = 0;
    const sources = contextSources(ctx, settings);
    for (const report of options.reports) {
      sources.push(...paperSources({ kind: 'report', file: report }, io.cwd, settings.config));
      if (!settings.config) continue;
      try {
        const templatesDir = options.build.templatesDir === undefined ? undefined : path.resolve(io.cwd, options.build.templatesDir);
        const r = await buildSource(report, { ...options.build, templatesDir, config: settings.config, cwd: io.cwd });
        all.push(...r.diagnostics);
        for (const d of r.diagnostics) io.stdout(formatDiagnostic(d) + '\n');
        if (r.outputDir) built++;
        for (const f of r.files) io.stdout(`wrote ${path.relative(io.cwd, f)}\n`);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        io.stdout(`${report}: error[build-failed]: ${message}\n`);
        all.push({ severity: 'error', code: 'build-failed', message, file: report });
      }
    }
    for (const d of settings.diagnostics) io.stdout(formatDiagnostic(d) + '\n');
    io.stdout(`${summaryLine(all, options.reports.length)}; built ${built} of ${options.reports.length} reports at ${new Date().toLocaleTimeString('en-GB')}; watching for changes (Ctrl+C to stop)\n`);
    return sources;
  };
  let running = Promise.resolve();
  let again = false;
  let busy = false;
  const watcher = new SourceWatcher(await round(), () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = (async () => {
      try {
        do {
          again = false;
          watcher.update(await round());
        } while (again);
      } catch (e) {
        // A fault of ours, not the author's: say it and keep watching, as the next save may go through.
        io.stdout(`cabinet build --watch: ${e instanceof Error ? e.message : String(e)}; still watching\n`);
      } finally {
        busy = false;
      }
    })();
  }, options.watch);
  await watcher.ready();
  await (options.until ?? new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  }));
  await watcher.close();
  await running;
  return 0;
}
