import { DOMParser, XMLSerializer, type Document } from '@xmldom/xmldom';

/**
 * The one place the DOCX writer changes XML the docx package wrote: the part is parsed into a tree, the
 * tree is edited through the DOM, and the tree is serialised again, so no edit depends on where text sits
 * in a string and every value written is escaped by the serialiser. A part that does not parse is a bug
 * in what produced it: the error names the part instead of writing a file Word would refuse.
 */
export function editXmlPart(part: string, xml: string, edit: (doc: Document) => void): string {
  let problem: string | undefined;
  let doc: Document;
  try {
    doc = new DOMParser({
      // Any warning or error stops parsing: xmldom would otherwise repair the input silently.
      onError: (level, message) => {
        problem ??= `${level}: ${message}`;
        throw new Error(problem);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new Error(`${part}: ${problem ?? (e instanceof Error ? e.message : String(e))}`, { cause: e });
  }
  edit(doc);
  return new XMLSerializer().serializeToString(doc);
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const WP_NS = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
export const DCTERMS_NS = 'http://purl.org/dc/terms/';

/** Elements by namespace and local name, as an array (xmldom's live lists are awkward to edit while walking). */
export function elements(doc: Document, ns: string, localName: string) {
  return Array.from(doc.getElementsByTagNameNS(ns, localName));
}
