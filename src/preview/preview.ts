import * as path from 'node:path';
import type { BuildContext } from '../pipeline/build-context';
import { PreviewSession, type Snapshot } from './session';
import { startServer, type RunningServer, type ServerOptions } from './server';
import { SourceWatcher, type WatchOptions } from './watcher';
import type { Paper } from './paper';

export interface RunningPreview {
  url: string;
  /** The first paper's session (the only one when one paper is previewed). */
  session: PreviewSession;
  sessions: PreviewSession[];
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * `cabinet preview` without the command line: the first builds, the server, and for each paper a watcher
 * that rebuilds it on every settled save. `onBuild` hears of each build (the command prints a line per build).
 */
export async function startPreview(papers: Paper | Paper[], ctx: BuildContext, server: ServerOptions, options: { watch?: WatchOptions; onBuild?: (s: Snapshot, paper: Paper) => void } = {}): Promise<RunningPreview> {
  const list = Array.isArray(papers) ? papers : [papers];
  // Each paper builds into its own folder: two reports with the same meeting and title must not share one.
  const sessions = list.map((p, i) => new PreviewSession(p, list.length === 1 ? ctx : { ...ctx, outDir: path.join(ctx.outDir, String(i)) }));
  // The server first, so a port in use is said before any build work.
  const running = await startServer(sessions, server);
  const watchers: SourceWatcher[] = [];
  try {
    for (const session of sessions) {
      await session.rebuild();
      const watcher = new SourceWatcher(session.current?.build.sources ?? [], () => void session.rebuild(), options.watch);
      watchers.push(watcher);
      session.onBuild((s) => {
        // A build that failed early (settings unreadable) knows fewer of its sources: keep watching the last good ones too.
        watcher.update([...s.build.sources, ...(session.lastGood?.build.sources ?? [])]);
        options.onBuild?.(s, session.paper);
      });
      if (session.current) options.onBuild?.(session.current, session.paper);
      await watcher.ready();
    }
  } catch (e) {
    await Promise.all(watchers.map((w) => w.close()));
    await running.close();
    throw e;
  }
  return {
    url: running.url,
    session: sessions[0]!,
    sessions,
    server: running,
    close: async () => {
      await Promise.all(watchers.map((w) => w.close()));
      // A save just before Ctrl+C may have started a build: it finishes (its files whole) before we return.
      await Promise.all(sessions.map((s) => s.idle()));
      await running.close();
    },
  };
}
