import * as http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { assetBytes } from './assets';
import { indexHtml, pageHtml } from './page-html';
import { sourceView } from './source-view';
import type { PreviewSession, Snapshot } from './session';
import { paperName } from './paper';
import { PortInUseError } from './access';

/**
 * Only our own scripts (no inline script, no eval); pdf.js's worker from the same origin; nothing from any
 * other origin. pdf.js sets element styles from script, which style-src does not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;


export interface ServerOptions {
  host: string;
  port: number;
  /** Required in the URL of every request when set (`--host`): /t/<token>/… */
  token?: string | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

type Send = (status: number, body: string | Buffer, type?: string, extra?: Record<string, string>) => void;

/** One paper's routes and event stream, below the server's prefix (and below p/N/ when there are several). */
class PaperRoutes {
  readonly clients = new Set<http.ServerResponse>();
  /** The last few good builds, so a page that is still fetching one build's files when the next lands gets them. */
  private readonly good: Snapshot[] = [];
  readonly stop: () => void;

  constructor(readonly session: PreviewSession) {
    this.stop = session.onBuild((s) => {
      if (s.build.ok) {
        const same = this.good.findIndex((g) => g.version === s.version);
        if (same >= 0) this.good[same] = s;
        else if (this.good.push(s) > 3) this.good.shift();
      }
      for (const c of this.clients) c.write(`event: build\ndata: ${JSON.stringify({ version: s.version, ok: s.build.ok, complete: s.complete })}\n\n`);
    });
    if (session.lastGood) this.good.push(session.lastGood);
  }

  /** Answers the request if `route` is one of the paper's; false for anything else (the caller says 404). */
  handle(route: string, search: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse, send: Send): boolean {
    const session = this.session;
    const json = (value: unknown) => send(200, JSON.stringify(value), 'application/json; charset=utf-8');
    if (route === '' || route === 'index.html') {
      send(200, pageHtml(paperName(session.paper)), 'text/html; charset=utf-8');
      return true;
    }
    const asset = assetBytes(route);
    if (asset) {
      send(200, asset.data, asset.type);
      return true;
    }
    if (route === 'state.json') {
      json(stateOf(session, this.good));
      return true;
    }
    if (route === 'diagnostics.json') {
      json({ paper: paperName(session.paper), version: session.current?.version ?? 0, diagnostics: session.current?.build.diagnostics ?? [] });
      return true;
    }
    if (route === 'events') {
      res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(`retry: 1000\n\n`);
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return true;
    }
    const file = /^files\/(\d+)\/([a-z0-9-]+)\.(pdf|docx)$/.exec(route);
    if (file) {
      const format = file[3] as 'pdf' | 'docx';
      const bytes = this.good.find((s) => s.version === Number(file[1]))?.build.documents.find((d) => d.name === file[2])?.[format];
      if (!bytes) return false;
      send(200, Buffer.from(bytes), TYPES[format], search.has('download') ? { 'Content-Disposition': `attachment; filename="${file[2]}.${format}"` } : {});
      return true;
    }
    const source = /^source\/(\d+)\/(\d+)$/.exec(route);
    if (source) {
      const current = session.current;
      const d = current && current.version === Number(source[1]) ? current.build.diagnostics[Number(source[2])] : undefined;
      if (!d || !current) return false;
      json(sourceView(d, session.ctx.cwd, new Set(current.build.sources.map((s) => path.resolve(s)))));
      return true;
    }
    return false;
  }
}

/**
 * The preview's web server. Routes are a fixed table: the page, its script and style, pdf.js, the built
 * files by version and name (looked up among what the build wrote), the state, the diagnostics, a source view
 * by diagnostic number, and the event stream; with several papers, a list of them and each paper's routes
 * below p/N/. Anything else, traversal included, is 404.
 */
export function startServer(sessions: PreviewSession | PreviewSession[], options: ServerOptions): Promise<RunningServer> {
  const prefix = options.token ? `/t/${options.token}/` : '/';
  const papers = (Array.isArray(sessions) ? sessions : [sessions]).map((s) => new PaperRoutes(s));
  const stopAll = () => papers.forEach((p) => p.stop());

  const server = http.createServer((req, res) => {
    const send: Send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      res.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => send(404, 'Not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n', undefined, { Allow: 'GET, HEAD' });
    // On loopback, a page from another site that resolves its own name to 127.0.0.1 (DNS rebinding) is refused.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!options.token && !LOOPBACK.has(host)) return send(403, 'Forbidden\n');
    const raw = req.url ?? '/';
    const [pathname = '/', query = ''] = raw.split('?');
    if (options.token && !hasPrefix(pathname, prefix)) {
      if (pathname === prefix.slice(0, -1) && tokenMatches(pathname.slice(3), options.token)) return send(308, '', undefined, { Location: prefix });
      return notFound();
    }
    const route = pathname.slice(prefix.length);
    const search = new URLSearchParams(query);
    // Browsers ask for an icon unprompted; none is not an error.
    if (route === 'favicon.ico') return send(204, '');
    if (papers.length === 1) return papers[0]!.handle(route, search, req, res, send) || notFound();
    if (route === '' || route === 'index.html') return send(200, indexHtml(papers.map((p) => paperName(p.session.paper))), 'text/html; charset=utf-8');
    if (route === 'assets/preview.css') return papers[0]!.handle(route, search, req, res, send);
    const paper = /^p\/(\d{1,4})\/(.*)$/.exec(route);
    const routes = paper ? papers[Number(paper[1])] : undefined;
    return (routes && routes.handle(paper![2]!, search, req, res, send)) || notFound();
  });
  // An SSE stream stays open; keep-alive comments stop proxies and browsers from giving up on a quiet one.
  const ping = setInterval(() => papers.forEach((p) => p.clients.forEach((c) => c.write(': ping\n\n'))), 15000);
  ping.unref();

  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      stopAll();
      clearInterval(ping);
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(options.port, options.host) : e);
    });
    server.listen(options.port, options.host, () => {
      const port = (server.address() as AddressInfo).port;
      const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${shownHost}:${port}${prefix}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            stopAll();
            clearInterval(ping);
            for (const p of papers) for (const c of p.clients) c.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function hasPrefix(pathname: string, prefix: string): boolean {
  if (pathname.length < prefix.length) return false;
  const a = Buffer.from(pathname.slice(0, prefix.length));
  const b = Buffer.from(prefix);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenMatches(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the page needs to draw itself: the current build's messages and checks, and the last good pages. */
function stateOf(session: PreviewSession, good: Snapshot[]) {
  const current = session.current;
  const shown = good[good.length - 1];
  return {
    paper: paperName(session.paper),
    building: session.building,
    version: current?.version ?? 0,
    ok: current?.build.ok ?? false,
    complete: current?.complete ?? false,
    at: current?.at,
    ms: current?.build.ms,
    diagnostics: current?.build.diagnostics ?? [],
    checks: current?.build.checks ?? [],
    shown: shown
      ? {
          version: shown.version,
          at: shown.at,
          documents: shown.build.documents.map((d) => ({
            name: d.name, title: d.title, kind: d.kind, pages: d.pages, sha256: d.pdfSha256,
            ...(d.pdf ? { pdf: `files/${shown.version}/${d.name}.pdf` } : {}),
            ...(d.docx ? { docx: `files/${shown.version}/${d.name}.docx` } : {}),
          })),
        }
      : null,
  };
}
