/** Reads a DOCX back for tests: the XML parts and the text of paragraphs and tables in document order. */
import JSZip from 'jszip';

export interface DocxRead {
  files: string[];
  documentXml: string;
  stylesXml: string;
  numberingXml: string;
  coreXml: string;
  headers: string[];
  footers: string[];
  /** Paragraphs in document order, table cells included: style id and text. */
  paragraphs: { style?: string | undefined; text: string }[];
  /** Tables as rows of cell texts. */
  tables: string[][][];
  /** All visible text, paragraphs joined with new lines. */
  text: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraphText(p: string): string {
  return unescape(
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)].map((m) => (m[2] === 'tab' ? '\t' : m[2] === 'br' ? '\n' : m[1])).join(''),
  );
}

function paragraphsOf(xml: string): { style?: string | undefined; text: string }[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: m[1]!.match(/<w:pStyle w:val="([^"]+)"/)?.[1],
    text: paragraphText(m[1]!),
  }));
}

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : '');
  const files = Object.keys(zip.files);
  const documentXml = await read('word/document.xml');
  const headers = await Promise.all(files.filter((f) => /^word\/header\d+\.xml$/.test(f)).sort().map(read));
  const footers = await Promise.all(files.filter((f) => /^word\/footer\d+\.xml$/.test(f)).sort().map(read));
  const paragraphs = paragraphsOf(documentXml);
  const tables = [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphsOf(c[1]!).map((p) => p.text).join('\n')),
    ),
  );
  return {
    files,
    documentXml,
    stylesXml: await read('word/styles.xml'),
    numberingXml: await read('word/numbering.xml'),
    coreXml: await read('docProps/core.xml'),
    headers,
    footers,
    paragraphs,
    tables,
    text: paragraphs.map((p) => p.text).join('\n'),
  };
}
