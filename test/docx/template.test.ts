/**
 * Writing into a council's Word template: the template's package is copied through with our body in
 * place of its placeholder, in its styles (found by name, whatever their ids), on its page, under its
 * header and footer; what it lacks is added from ours. And the template reader's refusals and warnings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { renderDocx } from '../../src/writers/docx';
import { openWordTemplate, wordTemplateLook } from '../../src/readers/word-template/package';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';
import { sampleDocument } from '../support/layout-fixtures';
import { W, xmlParts } from '../support/xml';
import { tempDir } from '../report/fixtures';
import { convertWithLibreOffice, soffice } from '../support/libreoffice';
import { readPdf } from '../support/pdf';
import { councilTemplate, LOGO } from './template-fixture';
import { schemaCheckUnavailable, schemaErrors } from './ooxml-schema';

const PAGES = { pageCount: 4, headingPages: { title: 1, 'executive-summary': 1, recommendations: 1, 'appendix-a': 2 } };
let dir: string;
let file: string;
let parts: Map<string, string>;
let bytes: Uint8Array;
let zip: JSZip;
const all = (xml: string, name: string) => Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagNameNS(W, name));
/** An element as text, without the namespace declarations xmldom repeats on it. */
const xmlOf = (el: Element) => new XMLSerializer().serializeToString(el).replace(/ xmlns:\w+="[^"]*"/g, '');
const nsXml = (el: Element) => new XMLSerializer().serializeToString(el);
const wval = (el: { getAttributeNS(ns: string, n: string): string | null } | undefined, a = 'val') => el?.getAttributeNS(W, a) ?? undefined;

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir, 'hillbrook.dotx');
  fs.writeFileSync(file, await councilTemplate());
  const pkg = openWordTemplate(file);
  bytes = await renderDocx(sampleDocument(), PAGES, { package: pkg });
  parts = await xmlParts(bytes);
  zip = await JSZip.loadAsync(bytes);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a DOCX written into a council template', () => {
  it('is a document, not a template: only the main part\'s content type changes', () => {
    const types = parts.get('[Content_Types].xml')!;
    expect(types).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
    expect(types).not.toContain('template.main+xml');
  });

  it('keeps the template\'s styles, defaults, latent styles, numbering, settings and font table', () => {
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toContain('w:styleId="Kop2"');
    expect(styles).toContain('<w:latentStyles');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri"/);
    // Ours added for what it lacks, once each, based on its Normal.
    for (const id of ['Lead', 'Note', 'TableText', 'TOC1', 'TOCHeading', 'ListParagraph', 'SectionEnd']) expect(styles.match(new RegExp(`w:styleId="${id}"`, 'g'))).toHaveLength(1);
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(styles).toContain('<w:color w:val="2E6B30"/>');
    const numbering = parts.get('word/numbering.xml')!;
    expect(numbering).toContain('w:val="%1)"');
    const nums = all(numbering, 'num').map((n) => wval(n, 'numId'));
    expect(nums[0]).toBe('1');
    expect(new Set(nums).size).toBe(nums.length);
    expect(parts.get('word/settings.xml')).toContain('<w:defaultTabStop w:val="709"/>');
    expect(parts.get('word/fontTable.xml')).toContain('w:name="Calibri"');
  });

  it('writes the body in the template\'s styles, found by name, and drops its placeholder', () => {
    const body = parts.get('word/document.xml')!;
    expect(body).not.toContain('Replace this placeholder');
    const styleOf = (text: string) => all(body, 'p').find((p) => all(nsXml(p), 't').map((t) => t.textContent).join('') === text);
    expect(wval(all(nsXml(styleOf('Executive Summary')!), 'pStyle')[0])).toBe('Kop2');
    expect(wval(all(nsXml(styleOf('Test report')!), 'pStyle')[0])).toBe('Heading1');
    // Every style the body names exists in the styles part.
    const defined = new Set(all(parts.get('word/styles.xml')!, 'style').map((s) => wval(s, 'styleId')));
    for (const s of all(body, 'pStyle')) expect(defined.has(wval(s))).toBe(true);
  });

  it('keeps the template\'s page, margins, columns and headers in every section, turned for landscape', () => {
    const body = parts.get('word/document.xml')!;
    const sects = all(body, 'sectPr');
    expect(sects).toHaveLength(2);
    const size = sects.map((s) => [wval(all(nsXml(s), 'pgSz')[0], 'w'), wval(all(nsXml(s), 'pgSz')[0], 'h'), wval(all(nsXml(s), 'pgSz')[0], 'orient')]);
    expect(size).toEqual([['12240', '15840', undefined], ['15840', '12240', 'landscape']]);
    for (const s of sects) {
      const x = xmlOf(s);
      expect(x).toContain('w:left="1701"');
      expect(x).toContain('w:header="567"');
      expect(x).toContain('<w:cols w:space="708"/>');
      expect(x).toMatch(/<w:footerReference w:type="default" r:id="rId9"\/>/);
    }
    // The first page of the document has the template's first-page header; a later section does not.
    expect(xmlOf(sects[0]!)).toContain('<w:titlePg/>');
    expect(xmlOf(sects[1]!)).not.toContain('titlePg');
    expect(xmlOf(sects[0]!)).toMatch(/<w:headerReference w:type="default" r:id="rId7"\/><w:headerReference w:type="first" r:id="rId8"\/>/);
    // The contents' tab and the tables fit the template's text width: 12240 - 2 x 1701 = 8838 twips.
    expect(body).toContain('w:pos="8838"');
  });

  it('copies the template\'s headers and footers with their images, and marks the exempt section\'s copies', async () => {
    const header = await zip.file('word/header1.xml')!.async('string');
    expect(header).toContain('Hillbrook District Council');
    expect(Buffer.compare(Buffer.from(await zip.file('word/media/logo.png')!.async('uint8array')), LOGO)).toBe(0);
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const sect = xmlOf(all(parts.get('word/document.xml')!, 'sectPr')[1]!);
    const markedId = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(sect)![1]!;
    const target = new RegExp(`Id="${markedId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${markedId}"`).exec(rels)?.[1];
    const marked = await zip.file(`word/${target}`)!.async('string');
    expect(marked).toContain('Hillbrook District Council');
    expect(marked).toContain('NOT FOR PUBLICATION');
    expect(parts.get(`word/_rels/${target}.rels`)).toContain('media/logo.png');
    // Ours give way: no header or footer of ours is written.
    expect(zip.file(/^word\/footer\d+\.xml$/).map((f) => f.name)).toEqual(['word/footer1.xml']);
    expect(await zip.file('word/footer1.xml')!.async('string')).toContain('OFFICIAL');
  });

  it('takes its document properties from the layout', () => {
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>Test document</dc:title>');
    expect(parts.get('docProps/core.xml')).not.toContain('Hillbrook report template');
  });

  it('gives the same bytes twice', async () => {
    const again = await renderDocx(sampleDocument(), PAGES, { package: openWordTemplate(file) });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  (schemaCheckUnavailable() ? it.skip : it)('validates against the ECMA-376 schemas after markup compatibility', () => {
    expect(schemaErrors('into-template.docx', parts)).toEqual([]);
  });

  const bin = soffice();
  (bin ? it : it.skip)('opens in LibreOffice with the template\'s header on the first page and ours nowhere', async () => {
    const out = path.join(dir, 'out.docx');
    fs.writeFileSync(out, bytes);
    const [pdf] = convertWithLibreOffice(bin!, [out], path.join(dir, 'lo'));
    const read = await readPdf(fs.readFileSync(pdf!));
    expect(read.pages[0]).toContain('HILLBROOK FIRST PAGE');
    expect(read.pages[1]).toContain('Hillbrook District Council');
    expect(read.pages[1]).toContain('NOT FOR PUBLICATION');
    expect(read.sizes[0]).toEqual([612, 792]);
    expect(read.sizes[1]).toEqual([792, 612]);
  }, 240_000);
});

describe('reading a council template', () => {
  const refused = (f: string, pattern: RegExp) => {
    let error: unknown;
    try {
      openWordTemplate(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnreadableInputError);
    expect((error as UnreadableInputError).reason).toMatch(/^render\.wordTemplate: /);
    expect((error as UnreadableInputError).reason).toMatch(pattern);
    expect((error as UnreadableInputError).file).toBe(f);
  };

  it('refuses what is not a Word file, an encrypted one, a macro-enabled one and one over the zip limits', async () => {
    const d = tempDir();
    fs.writeFileSync(path.join(d, 'notes.dotx'), 'just text');
    refused(path.join(d, 'notes.dotx'), /not a Word file/);
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]);
    fs.writeFileSync(path.join(d, 'locked.docx'), cfb);
    refused(path.join(d, 'locked.docx'), /encrypted/);
    fs.writeFileSync(path.join(d, 'macros.dotm'), await councilTemplate());
    refused(path.join(d, 'macros.dotm'), /macro-enabled/);
    fs.writeFileSync(path.join(d, 'renamed.dotx'), await councilTemplate({ macroType: true }));
    refused(path.join(d, 'renamed.dotx'), /macro-enabled/);
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types/>');
    bomb.file('word/document.xml', 'x'.repeat(30 * 1024 * 1024));
    fs.writeFileSync(path.join(d, 'bomb.docx'), await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    refused(path.join(d, 'bomb.docx'), /zip bomb/);
    fs.writeFileSync(path.join(d, 'plan.xlsx'), 'x');
    refused(path.join(d, 'plan.xlsx'), /expected a Word template/);
    fs.rmSync(d, { recursive: true, force: true });
  });

  it('does not carry linked images, fields that fetch data or content controls bound to custom XML, warning of each', async () => {
    const d = tempDir();
    const f = path.join(d, 'extras.dotx');
    fs.writeFileSync(f, await councilTemplate({ extras: true }));
    const look = wordTemplateLook(f);
    const warnings = look.warnings.join('\n');
    expect(warnings).toMatch(/links an external image \(http:\/\/example\.org\/logo\.png\)/);
    expect(warnings).toMatch(/field that fetches data \(INCLUDETEXT\)/);
    expect(warnings).toMatch(/content control bound to custom XML/);
    expect(warnings).toMatch(/has no style for .*Lead/);
    const header = Buffer.from(look.package!.parts.get('word/header1.xml')!).toString('utf8');
    expect(header).not.toContain('INCLUDETEXT');
    expect(header).toContain('Fetched words');
    expect(header).not.toContain('dataBinding');
    expect(header).toContain('Bound author');
    expect(header).not.toContain('rIdExt');
    expect(Buffer.from(look.package!.parts.get('word/_rels/header1.xml.rels')!).toString('utf8')).not.toContain('example.org');
    const out = await xmlParts(await renderDocx(sampleDocument(), PAGES, { package: look.package! }));
    if (!schemaCheckUnavailable()) expect(schemaErrors('extras.docx', out)).toEqual([]);
    fs.rmSync(d, { recursive: true, force: true });
  });
});

describe('the sample councils\' own templates (data/councils/*/word-template)', () => {
  const root = path.resolve(__dirname, '../../data/councils');
  const templates = fs.existsSync(root)
    ? fs.readdirSync(root).flatMap((c) => {
        const d = path.join(root, c, 'word-template');
        return fs.existsSync(d) ? fs.readdirSync(d).filter((f) => /\.(dotx|docx)$/.test(f)).map((f) => path.join(d, f)) : [];
      })
    : [];
  if (!templates.length) it('is skipped: no sample council has a Word template yet', () => console.log('skipped: no data/councils/*/word-template/*.dotx'));
  for (const t of templates)
    it(`writes into ${path.relative(root, t)}: every part validates, headings in its heading styles`, async () => {
      const pkg = openWordTemplate(t);
      const out = await xmlParts(await renderDocx(sampleDocument(), PAGES, { package: pkg }));
      if (!schemaCheckUnavailable()) expect(schemaErrors(path.basename(t), out)).toEqual([]);
      const body = out.get(pkg.mainPart)!;
      const defined = new Set(all(out.get('word/styles.xml')!, 'style').map((s) => wval(s, 'styleId')));
      for (const s of all(body, 'pStyle')) expect({ style: wval(s), defined: defined.has(wval(s)) }).toEqual({ style: wval(s), defined: true });
      const heading2 = wordTemplateLook(t).styles.builtIn.Heading2;
      expect(heading2).toBeDefined();
      expect(body).toContain(`<w:pStyle w:val="${heading2!}"/><w:numPr>`);
      // Every relationship of every part resolves to a part in the package.
      const zip = await JSZip.loadAsync(await renderDocx(sampleDocument(), PAGES, { package: pkg }));
      for (const [name, xml] of out) {
        if (!name.endsWith('.rels')) continue;
        const owner = name === '_rels/.rels' ? '' : name.replace(/_rels\/([^/]+)\.rels$/, '$1');
        for (const r of all(xml.replace(/<Relationship /g, '<w:Relationship ').replace(/<Relationships [^>]*>/, `<w:Relationships xmlns:w="${W}">`).replace('</Relationships>', '</w:Relationships>'), 'Relationship')) {
          if (r.getAttribute('TargetMode') === 'External') continue;
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(owner), r.getAttribute('Target') ?? ''));
          expect({ name, target, present: Boolean(zip.file(target.replace(/^\//, ''))) }).toEqual({ name, target, present: true });
        }
      }
    });
});
