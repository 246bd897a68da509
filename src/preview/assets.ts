import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The only static files the preview serves, each at a fixed route: the page's own script and style, and
 * pdf.js with its worker from node_modules. Nothing here is looked up from a request's path, so no request
 * can reach another file.
 */
const PDFJS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'build');
// The page's files sit beside this module's source; from dist/preview that is ../../src/preview/page.
const PAGE = path.resolve(__dirname, '..', '..', 'src', 'preview', 'page');

export const ASSETS: Record<string, { file: string; type: string }> = {
  'assets/preview.js': { file: path.join(PAGE, 'preview.js'), type: 'text/javascript; charset=utf-8' },
  'assets/preview.css': { file: path.join(PAGE, 'preview.css'), type: 'text/css; charset=utf-8' },
  'pdfjs/pdf.min.js': { file: path.join(PDFJS, 'pdf.min.js'), type: 'text/javascript; charset=utf-8' },
  'pdfjs/pdf.worker.min.js': { file: path.join(PDFJS, 'pdf.worker.min.js'), type: 'text/javascript; charset=utf-8' },
};

const loaded = new Map<string, Buffer>();

/** An asset's bytes, read once (they are part of the installed program, not the author's sources). */
export function assetBytes(route: string): { data: Buffer; type: string } | undefined {
  const asset = ASSETS[route];
  if (!asset) return undefined;
  let data = loaded.get(route);
  if (!data) loaded.set(route, (data = fs.readFileSync(asset.file)));
  return { data, type: asset.type };
}
