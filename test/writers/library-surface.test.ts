/**
 * pdfkit and fontkit are pinned to exact versions because the PDF writer uses parts of them that are not
 * their public API: pdfkit's current font object, the page's font dictionary and raw content (text
 * operators are written straight from pagination), and fontkit's layout (replaced by plain cmap glyphs, as
 * pagination measures them). This fails when an upgrade moves any of that, before a PDF silently changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sfntFromWoff } from '../../src/render/fonts/woff';
import { ROOT } from '../support/cli';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const installed = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('the private surface of pdfkit and fontkit we rely on', () => {
  it('is declared at the exact versions installed', () => {
    for (const name of ['pdfkit', 'fontkit']) expect([name, pkg.dependencies[name]]).toEqual([name, installed(name)]);
  });

  it('is still there: the current font, its encoder and cmap, the page font dictionary, raw content', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const PDFDocument = require('pdfkit') as new (o: object) => Record<string, unknown> & { font(src: Buffer): unknown; end(): void };
    const woff = fs.readFileSync(path.join(ROOT, 'node_modules/@fontsource/arimo/files/arimo-latin-400-normal.woff'));
    const doc = new PDFDocument({ autoFirstPage: true });
    doc.font(sfntFromWoff(woff));
    const font = doc._font as { id: unknown; ref: unknown; encode: unknown; font: { layout: unknown; glyphForCodePoint(c: number): { advanceWidth: number } } };
    expect(typeof font.id).toBe('string');
    expect(typeof font.ref).toBe('function');
    expect(typeof font.encode).toBe('function');
    expect(typeof font.font.layout).toBe('function');
    expect(font.font.glyphForCodePoint(0x41).advanceWidth).toBeGreaterThan(0);
    expect(typeof (doc.page as { fonts: unknown }).fonts).toBe('object');
    expect(typeof (doc.page as { height: unknown }).height).toBe('number');
    expect(typeof doc.addContent).toBe('function');
    doc.end();
  });
});
