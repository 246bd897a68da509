/**
 * Validates DOCX parts against the ECMA-376 transitional schemas (../shared/ooxml-schemas) with xmllint,
 * after Word's markup-compatibility processing: attributes and elements in the namespaces a part lists in
 * mc:Ignorable are dropped and mc:AlternateContent is replaced by its mc:Fallback, as Word does before it
 * checks a part. Without xmllint or the schemas, `schemaCheck()` says why and the tests skip.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';

const SCHEMAS = path.resolve(__dirname, '../../../shared/ooxml-schemas');
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * Undefined when validation can run, else the reason it cannot. Under CI, which installs xmllint and has
 * shared/ beside the checkout, it is never unavailable: a missing tool fails the checks instead of hiding them.
 */
export function schemaCheckUnavailable(): string | undefined {
  if (process.env.CI) return undefined;
  if (spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status !== 0) return 'xmllint is not installed (Debian: libxml2-utils)';
  if (!fs.existsSync(path.join(SCHEMAS, 'wml.xsd'))) return `the ECMA-376 schemas are not at ${SCHEMAS}`;
  return undefined;
}

/** The schema a part is checked against, or undefined for parts no schema covers (media). */
function schemaFor(name: string): string | undefined {
  if (name === '[Content_Types].xml') return 'opc-contentTypes.xsd';
  if (name.endsWith('.rels')) return 'opc-relationships.xsd';
  if (name === 'docProps/core.xml') return 'opc-coreProperties.xsd';
  if (name === 'docProps/app.xml') return 'shared-documentPropertiesExtended.xsd';
  if (/^word\/theme\//.test(name)) return 'dml-main.xsd';
  if (/^word\/[^/]+\.xml$/.test(name)) return 'wml.xsd';
  return undefined;
}

/** Word's markup-compatibility processing, on the DOM. */
export function applyMarkupCompatibility(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) return xml;
  const ignorable = new Set(
    (root.getAttributeNS(MC, 'Ignorable') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((prefix) => root.lookupNamespaceURI(prefix))
      .filter((ns): ns is string => Boolean(ns)),
  );
  const visit = (el: Element) => {
    for (const attr of Array.from(el.attributes)) if ((attr.namespaceURI && ignorable.has(attr.namespaceURI)) || attr.namespaceURI === MC) el.removeAttributeNode(attr);
    for (const child of Array.from<Node>(el.childNodes)) {
      if (child.nodeType !== 1) continue;
      const c = child as Element;
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        const fallback = Array.from(c.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Fallback');
        for (const n of fallback ? Array.from(fallback.childNodes) : []) el.insertBefore(n, c);
        el.removeChild(c);
      } else if (c.namespaceURI && ignorable.has(c.namespaceURI)) el.removeChild(c);
    }
    for (const child of Array.from(el.childNodes)) if (child.nodeType === 1) visit(child as Element);
  };
  visit(root);
  return new XMLSerializer().serializeToString(doc);
}

/** xmllint's complaints about the parts, by part ("" when every part validates). */
export function schemaErrors(label: string, parts: Map<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-ooxml-'));
  try {
    const bySchema = new Map<string, string[]>();
    let n = 0;
    for (const [name, xml] of parts) {
      const schema = schemaFor(name);
      if (!schema) continue;
      const file = path.join(dir, `${++n}-${name.replace(/[^A-Za-z0-9.]+/g, '_')}`);
      fs.writeFileSync(file, applyMarkupCompatibility(xml));
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
    }
    const errors: string[] = [];
    for (const [schema, files] of bySchema) {
      const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, schema), ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.error) errors.push(`${label}: xmllint could not run (${r.error.message}): install libxml2-utils`);
      for (const line of (r.stderr ?? '').split('\n')) if (line && !line.endsWith(' validates')) errors.push(`${label}: ${line.replace(dir + path.sep, '')}`);
    }
    return errors;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
