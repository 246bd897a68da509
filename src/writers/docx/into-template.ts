import * as path from 'node:path';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import type { LayoutDocument, LayoutSection } from '../../render/layout';
import { lastSectPr } from '../../readers/word-template/geometry';
import { readStyles } from '../../readers/word-template/styles';
import { templateStyleIds } from '../../readers/word-template/style-roles';
import { REL, type WordPackage } from '../../readers/word-template/types';
import { fontEntry } from './font-table';
import { DocxNumbering } from './numbering';
import { CONTENT_TYPE, contentTypesXml, coreXml, IMAGE_TYPE } from './package-parts';
import { PartRelationships, REL_TYPE } from './relationships';
import { markingParagraph } from './running';
import { ourStyles } from './styles';
import type { TargetPackage } from './target';
import { esc, NS } from './xml-write';
import { bytesEntry, textEntry, type ZipEntry } from './zip-write';

/**
 * Writing into a council's Word template, as pandoc does with a reference document: every part of the
 * template is copied through (styles with their latent styles and defaults, theme, numbering, settings, font
 * table, headers and footers with their images), except that the main document's body is ours. Each of our
 * sections keeps the template's last section properties (page size, margins, header and footer distances and
 * references, columns), turned for a landscape section. The body is written in the template's styles, found
 * by name and built-in id; a style it lacks is added from ours, with a warning naming it. The template's
 * header and footer replace ours when it has them. A .dotx becomes a .docx: only the main part's content
 * type changes.
 */
const R = NS.r;
const W = NS.w;

const serialise = (node: Document | Element) => new XMLSerializer().serializeToString(node);
const parse = (bytes: Uint8Array | string) => new DOMParser().parseFromString(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'), 'text/xml');
const wEls = (el: Document | Element, local: string) => Array.from(el.getElementsByTagNameNS(W, local));

/** The zip name of a part the main document relates to with this type. */
function related(pkg: WordPackage, type: string): string | undefined {
  return pkg.relationships.get(pkg.mainPart)?.find((r) => r.type === type && !r.external)?.part;
}

function relationshipXml(pkg: WordPackage, owner: string): string {
  return (pkg.relationships.get(owner) ?? [])
    .map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
}

const relsName = (part: string) => `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;

export function templateTarget(doc: LayoutDocument, pkg: WordPackage): TargetPackage {
  const main = pkg.mainPart;
  const folder = path.posix.dirname(main);
  const styles = readStyles(pkg);
  // The missing styles' warning is the look's (package.ts), reported once per build, not once per document.
  const { ids, missing } = templateStyleIds(styles);
  const taken = new Set<string>(pkg.parts.keys());
  const documentRels = new PartRelationships(new Set((pkg.relationships.get(main) ?? []).map((r) => r.id)), relationshipXml(pkg, main));

  const stylesPart = related(pkg, REL.styles);
  const numberingPart = related(pkg, REL.numbering);
  const fontTablePart = related(pkg, REL.fontTable);
  const numberingDoc = numberingPart && pkg.parts.has(numberingPart) ? parse(pkg.parts.get(numberingPart)!) : undefined;
  const maxId = (local: string, attr: string) => Math.max(0, ...(numberingDoc ? wEls(numberingDoc, local).map((e) => Number(e.getAttributeNS(W, attr)) || 0) : []));
  const numbering = new DocxNumbering(doc, { abstract: maxId('abstractNum', 'abstractNumId'), num: maxId('num', 'numId') });

  const templateSect = lastSectPr(pkg);
  const templateHeaders = templateSect ? wEls(templateSect, 'headerReference') : [];
  const templateFooters = templateSect ? wEls(templateSect, 'footerReference') : [];
  const pgSz = templateSect ? wEls(templateSect, 'pgSz')[0] : undefined;
  const pgMar = templateSect ? wEls(templateSect, 'pgMar')[0] : undefined;
  const num = (el: Element | undefined, attr: string, fallback: number) => Math.abs(Number(el?.getAttributeNS(W, attr) ?? NaN)) || fallback;
  const short = Math.min(num(pgSz, 'w', 11906), num(pgSz, 'h', 16838));
  const long = Math.max(num(pgSz, 'w', 11906), num(pgSz, 'h', 16838));
  const marked = new Map<string, string>();

  return {
    styles: ids,
    numbering,
    documentRels,
    taken,
    mainPart: main,
    ourHeader: templateHeaders.length === 0,
    ourFooter: templateFooters.length === 0,
    documentOpen: documentOpen(pkg),
    contentWidth: (orientation) => (orientation === 'landscape' ? long : short) - num(pgMar, 'left', 1440) - num(pgMar, 'right', 1440),
    sectPr(section, refs, index) {
      const sect = (templateSect ? templateSect.cloneNode(true) : parse(`<w:sectPr xmlns:w="${W}"/>`).documentElement!) as Element;
      const owner = sect.ownerDocument!;
      for (const local of ['headerReference', 'footerReference']) if ((local === 'headerReference' ? refs.header : refs.footer) !== undefined) for (const el of wEls(sect, local)) sect.removeChild(el);
      // A later section's first page is not the document's first page: it takes the default header.
      if (index > 0) for (const el of wEls(sect, 'titlePg')) sect.removeChild(el);
      const later = ['pgMar', 'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid'].map((l) => wEls(sect, l)[0]).find(Boolean) ?? null;
      // CT_SectPr's order: pgSz comes before the margins and everything after them.
      const size = wEls(sect, 'pgSz')[0] ?? (sect.insertBefore(owner.createElementNS(W, 'w:pgSz'), later) as Element);
      const landscape = section.orientation === 'landscape';
      size.setAttributeNS(W, 'w:w', String(landscape ? long : short));
      size.setAttributeNS(W, 'w:h', String(landscape ? short : long));
      if (landscape) size.setAttributeNS(W, 'w:orient', 'landscape');
      else size.removeAttributeNS(W, 'orient');
      // An exempt section's marking is added to copies of the template's headers, so it is on every page.
      if (section.header.marking && refs.header === undefined)
        for (const ref of wEls(sect, 'headerReference')) ref.setAttributeNS(R, 'r:id', markedHeader(pkg, documentRels, ref.getAttributeNS(R, 'id') ?? '', section, marked, taken));
      let xml = serialise(sect).replace(/ xmlns:\w+="[^"]*"/g, '');
      const refXml = (refs.header ? `<w:headerReference w:type="default" r:id="${refs.header}"/>` : '') + (refs.footer ? `<w:footerReference w:type="default" r:id="${refs.footer}"/>` : '');
      xml = xml.replace(/^<w:sectPr([^>]*?)(\/?)>/, (_m, attrs: string, selfClosing: string) => `<w:sectPr${attrs}>${refXml}${selfClosing ? '</w:sectPr>' : ''}`);
      return xml;
    },
    finish({ entries, media, running }) {
      const written = new Set(entries.map((e) => e.name));
      const out: ZipEntry[] = [...entries, ...media.zipEntries()];
      const replaced = new Map<string, string>();
      if (stylesPart && pkg.parts.has(stylesPart)) replaced.set(stylesPart, addStyles(pkg.parts.get(stylesPart)!, doc, missing, ids.normal));
      const overrides = new Map(pkg.contentTypes.overrides);
      if (numberingDoc && numberingPart) replaced.set(numberingPart, addNumbering(numberingDoc, numbering));
      else {
        const name = `${folder}/numbering.xml`;
        documentRels.add('Numbering', REL_TYPE.numbering, 'numbering.xml');
        out.push(textEntry(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W}">${numbering.abstractXml()}${numbering.numXml()}</w:numbering>`));
        overrides.set(name, CONTENT_TYPE.numbering);
      }
      if (fontTablePart && pkg.parts.has(fontTablePart)) {
        const fonts = parse(pkg.parts.get(fontTablePart)!);
        const named = new Set(wEls(fonts, 'font').map((f) => f.getAttributeNS(W, 'name')));
        if (!named.has(doc.style.font)) replaced.set(fontTablePart, serialise(fonts).replace(/(<\/[\w]*:?fonts>)\s*$/, `${fontEntry(doc.style.font)}$1`));
      }
      const core = pkg.relationships.get('')?.find((r) => r.type.endsWith('/metadata/core-properties'))?.part;
      if (core) replaced.set(core, coreXml(doc.meta));
      for (const [name, bytes] of pkg.parts) {
        if (written.has(name) || name === main || name === relsName(main) || name === '[Content_Types].xml') continue;
        const text = replaced.get(name);
        out.push(text === undefined ? bytesEntry(name, bytes) : textEntry(name, text));
      }
      out.push(...markedEntries(marked, pkg, ids.header));
      out.push(textEntry(relsName(main), documentRels.xml()));
      // A .dotx becomes a .docx: the main part's content type is the only change.
      overrides.set(main, CONTENT_TYPE.document);
      for (const r of running) overrides.set(r.name, r.type === 'header' ? CONTENT_TYPE.header : CONTENT_TYPE.footer);
      const defaults = new Map(pkg.contentTypes.defaults);
      if (!defaults.has('rels')) defaults.set('rels', CONTENT_TYPE.rels);
      if (!defaults.has('xml')) defaults.set('xml', CONTENT_TYPE.xml);
      for (const f of [...media.formats].sort()) if (!defaults.has(f)) defaults.set(f, IMAGE_TYPE[f]!);
      for (const name of marked.values()) overrides.set(name, CONTENT_TYPE.header);
      const present = new Set(out.map((e) => e.name));
      out.push(textEntry('[Content_Types].xml', contentTypesXml(defaults, new Map([...overrides].filter(([n]) => present.has(n))))));
      return out;
    },
  };
}

/** The template's document root start tag, with the namespaces our body uses declared. */
function documentOpen(pkg: WordPackage): string {
  const root = parse(pkg.parts.get(pkg.mainPart)!).documentElement!;
  const attrs = Array.from(root.attributes).map((a) => `${a.name}="${esc(a.value)}"`);
  const declared = new Set(Array.from(root.attributes).map((a) => a.name));
  for (const [prefix, uri] of Object.entries({ w: NS.w, r: NS.r, wp: NS.wp, a: NS.a, pic: NS.pic })) if (!declared.has(`xmlns:${prefix}`)) attrs.push(`xmlns:${prefix}="${uri}"`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${attrs.join(' ')}><w:body>`;
}

/** Our styles the template lacks, added at the end of its styles part, based on its Normal, in its fonts. */
function addStyles(bytes: Uint8Array, doc: LayoutDocument, missing: string[], normal: string): string {
  const ours = ourStyles(doc.style);
  const add = missing
    .map((id) => ours.get(id) ?? '')
    .join('')
    .replace(/<w:rFonts [^>]*\/>/g, '')
    .replace(/<w:basedOn w:val="Normal"\/>/g, `<w:basedOn w:val="${esc(normal)}"/>`);
  const xml = serialise(parse(bytes));
  return xml.replace(/(<\/[\w]*:?styles>)\s*$/, `${add}$1`);
}

/** Our numbering definitions after the template's: abstract definitions before its first w:num, ours last. */
function addNumbering(numberingDoc: Document, numbering: DocxNumbering): string {
  const root = numberingDoc.documentElement!;
  for (const lvl of wEls(root, 'lvl')) schemaOrder(lvl, LVL_ORDER);
  const fragment = (xml: string) => Array.from(parse(`<w:numbering xmlns:w="${W}">${xml}</w:numbering>`).documentElement!.childNodes);
  const firstNum = wEls(root, 'num')[0] ?? wEls(root, 'numIdMacAtCleanup')[0] ?? null;
  for (const n of fragment(numbering.abstractXml())) root.insertBefore(numberingDoc.importNode(n, true), firstNum);
  const cleanup = wEls(root, 'numIdMacAtCleanup')[0] ?? null;
  for (const n of fragment(numbering.numXml())) root.insertBefore(numberingDoc.importNode(n, true), cleanup);
  return serialise(numberingDoc);
}

/** CT_Lvl's sequence. LibreOffice writes w:pStyle before w:numFmt, which Word's schema does not allow. */
const LVL_ORDER = ['start', 'numFmt', 'lvlRestart', 'pStyle', 'isLgl', 'suff', 'lvlText', 'lvlPicBulletId', 'legacy', 'lvlJc', 'pPr', 'rPr'];

/** Puts an element's w: children in the schema's order (others keep their place at the end), since we rewrite the part anyway. */
function schemaOrder(el: Element, order: string[]): void {
  const kids = Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
  const rank = (k: Element) => (k.namespaceURI === W && order.includes(k.localName ?? '') ? order.indexOf(k.localName ?? '') : order.length);
  const sorted = kids.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  if (sorted.every((s, i) => s.i === i)) return;
  for (const { k } of sorted) el.appendChild(k);
}

/** Copies of the template's headers with the exempt marking added, one per header and marking. */
function markedHeader(pkg: WordPackage, rels: PartRelationships, id: string, section: LayoutSection, marked: Map<string, string>, taken: Set<string>): string {
  const source = pkg.relationships.get(pkg.mainPart)?.find((r) => r.id === id)?.part;
  if (!source || !pkg.parts.has(source)) return id;
  const key = `${source}\n${section.header.marking}`;
  let name = marked.get(key);
  if (!name) {
    let n = 0;
    do name = `${path.posix.dirname(source)}/header-marked${++n}.xml`;
    while (taken.has(name));
    taken.add(name);
    marked.set(key, name);
  }
  return rels.add('Header', REL_TYPE.header, path.posix.relative(path.posix.dirname(pkg.mainPart), name));
}

function markedEntries(marked: Map<string, string>, pkg: WordPackage, headerStyle: string): ZipEntry[] {
  const out: ZipEntry[] = [];
  for (const [key, name] of marked) {
    const [source, marking] = key.split('\n') as [string, string];
    const xml = serialise(parse(pkg.parts.get(source)!)).replace(/(<\/[\w]*:?hdr>)\s*$/, `${markingParagraph(marking, headerStyle)}$1`);
    out.push(textEntry(name, xml));
    const rels = pkg.parts.get(relsName(source));
    if (rels) out.push(bytesEntry(relsName(name), rels));
  }
  return out;
}
