/** Strict XML checks for tests: saxes is a conformant XML 1.0 parser (well-formedness, characters, namespaces). */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { DOMParser, type Document } from '@xmldom/xmldom';

/** Throws "part:line:column: reason" unless the text is well-formed, namespace-correct XML 1.0. */
export function assertWellFormed(part: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (e) => {
    throw new Error(`${part}: ${e.message}`);
  });
  parser.write(xml).close();
}

/** Every XML part of a DOCX (.xml and .rels), by name. */
export async function xmlParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
  return parts;
}

/** A DOM to query, after the strict check. */
export function dom(part: string, xml: string): Document {
  assertWellFormed(part, xml);
  return new DOMParser().parseFromString(xml, 'text/xml');
}

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
