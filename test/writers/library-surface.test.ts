/**
 * pdfkit and fontkit are pinned to exact versions because the PDF writer uses parts of them that are not
 * their public API: pdfkit's current font object, the page's font dictionary and raw content (text
 * operators are written straight from pagination), fontkit's layout (replaced by plain cmap glyphs, as
 * pagination measures them), and for speed and memory pdfkit's output writer, subset and width tables,
 * colour parser and structure-tree plumbing (the writer builds structure elements itself). This fails when an upgrade moves any of that, before a PDF silently changes.
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

  it('still has what the writer encodes glyphs, collects output, writes colours and builds structure with', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const PDFDocument = require('pdfkit') as new (o: object) => Record<string, unknown> & { font(src: Buffer): unknown; end(): void; link(...a: unknown[]): void };
    const woff = fs.readFileSync(path.join(ROOT, 'node_modules/@fontsource/arimo/files/arimo-latin-400-normal.woff'));
    const doc = new PDFDocument({ autoFirstPage: true, tagged: true, lang: 'en-GB' });
    // output-sink.ts: the header is already in the stream, everything after goes through _write and _finalize.
    expect(String((doc.read as () => Buffer)())).toMatch(/^%PDF-/);
    expect(typeof doc._offset).toBe('number');
    for (const f of ['_write', '_finalize', 'addPage', 'end']) expect([f, typeof doc[f]]).toEqual([f, 'function']);
    const page = doc.page as { write: unknown; dictionary: { data: object }; structParentTreeKey: number };
    expect(typeof page.write).toBe('function');
    // glyph-encoder.ts: the subset, the widths and the ToUnicode map it fills as encode() would.
    doc.font(sfntFromWoff(woff));
    const font = doc._font as { scale: number; widths: unknown; unicode: unknown; subset: { includeGlyph(id: number): number }; font: { glyphForCodePoint(c: number): { id: number; codePoints: number[] } } };
    expect(typeof font.scale).toBe('number');
    expect(Array.isArray(font.widths) && Array.isArray(font.unicode)).toBe(true);
    const a = font.font.glyphForCodePoint(0x41);
    expect(a.codePoints).toEqual([0x41]);
    expect(font.subset.includeGlyph(a.id)).toBeGreaterThan(0);
    // content-ops.ts: pdfkit's colour parsing.
    expect((doc._normalizeColor as (c: string) => number[])('#FF0000')).toEqual([1, 0, 0]);
    // structure.ts: the struct tree root, its parent tree, page keys, and annotations handed to structParent.add.
    const ref = (doc.ref as (d: object) => { data: { S: string }; end: unknown })({ S: 'P' });
    expect([ref.data.S, typeof ref.end]).toEqual(['P', 'function']);
    expect((doc.getStructTreeRoot as () => { data: { ParentTree: unknown } })().data.ParentTree).toBeDefined();
    const parents = (doc.getStructParentTree as () => { get(k: number): unknown; add: unknown })();
    expect(Array.isArray(parents.get(page.structParentTreeKey))).toBe(true);
    expect(typeof parents.add).toBe('function');
    expect(typeof doc.createStructParentTreeNextKey).toBe('function');
    let handed: { annotationRef?: { data: { StructParent?: unknown } } } = {};
    doc.link(0, 0, 10, 10, 'https://example.org', { structParent: { add: (r: typeof handed) => (handed = r) }, Contents: new String('x') });
    expect(handed.annotationRef?.data).toBeDefined();
    (ref.end as () => void)();
    doc.end();
  });
});
