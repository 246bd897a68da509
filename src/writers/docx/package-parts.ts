import type { DocumentMeta } from '../../render/layout';
import { esc, NS, W_ROOT_NS, XML_DECLARATION } from './xml-write';

export const CONTENT_TYPE = {
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  template: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  numbering: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  fontTable: 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
} as const;

export const IMAGE_TYPE: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', svg: 'image/svg+xml', gif: 'image/gif', emf: 'image/x-emf', wmf: 'image/x-wmf' };

/** [Content_Types].xml: a default per extension, an override per part (part names with their leading slash). */
export function contentTypesXml(defaults: ReadonlyMap<string, string>, overrides: ReadonlyMap<string, string>): string {
  const d = [...defaults].map(([ext, type]) => `<Default Extension="${esc(ext)}" ContentType="${esc(type)}"/>`);
  const o = [...overrides].map(([part, type]) => `<Override PartName="/${esc(part)}" ContentType="${esc(type)}"/>`);
  return `${XML_DECLARATION}<Types xmlns="${NS.ct}">${d.join('')}${o.join('')}</Types>`;
}

/** ISO date without milliseconds, as W3CDTF wants it. */
const w3c = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Document properties, dated from the layout (the meeting date or SOURCE_DATE_EPOCH), never the clock. */
export function coreXml(meta: DocumentMeta): string {
  const el = (name: string, value: string | undefined) => (value === undefined || value === '' ? '' : `<${name}>${esc(value)}</${name}>`);
  const date = w3c(meta.created);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el('dc:title', meta.title) + el('dc:subject', meta.subject) + el('dc:creator', meta.author) + el('cp:keywords', meta.keywords?.join(', ')) + el('dc:description', meta.subject) +
    '<cp:lastModifiedBy>cabinet-reports</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`
  );
}

export function appXml(): string {
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cabinet-reports</Application></Properties>`;
}

/**
 * Settings that affect layout: Word 2013+ layout rules (compatibility mode 15, which LibreOffice also
 * honours), the default tab stop, and no field update on opening (the contents are already filled in).
 */
export function settingsXml(): string {
  return `${XML_DECLARATION}<w:settings ${W_ROOT_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
}

export function packageRelsXml(mainPart: string): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${NS.rels}">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${esc(mainPart)}"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}
