/**
 * Every part the DOCX writer writes validates against the ECMA-376 transitional schemas with xmllint (Word
 * refuses parts out of the schema's order; LibreOffice forgives them). A document with every layout node
 * kind: headings, numbered paragraphs, lists, tables of both roles, PNG and SVG pictures with captions, a
 * link, a page break, a contents list, a landscape exempt section and a header logo.
 */
import { PNG } from 'pngjs';
import JSZip from 'jszip';
import { renderDocx } from '../../src/writers/docx';
import type { Block } from '../../src/render/layout';
import { longTable, sampleDocument } from '../support/layout-fixtures';
import { xmlParts } from '../support/xml';
import { schemaCheckUnavailable, schemaErrors } from './ooxml-schema';

const unavailable = schemaCheckUnavailable();
const maybe = unavailable ? it.skip : it;

export function everyKind() {
  const doc = sampleDocument();
  const png = PNG.sync.write(new PNG({ width: 2, height: 2 }));
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'lead', align: 'center', keepWithNext: true, runs: [{ text: 'Bold', bold: true }, { text: ' it\nalic ', italic: true }, { text: 'link', link: 'https://example.gov.uk/x?a=1&b=2#part' }] },
    { kind: 'list', ordered: true, items: [{ runs: [{ text: 'one' }], level: 0 }, { runs: [{ text: 'one a' }], level: 1 }] },
    { kind: 'image', format: 'png', data: png, width: 20, height: 20, alt: 'Chart', caption: 'Figure 1: Chart' },
    { kind: 'image', format: 'svg', data: svg, fallbackPng: png, width: 20, height: 20, alt: 'Map' },
    { kind: 'page-break' },
    { kind: 'table', summary: 'Key facts', role: 'key-value', columns: [{ header: 'Item', width: 1 }, { header: 'Value', width: 2 }], rows: [[{ runs: [{ text: 'Key' }] }, { runs: [{ text: 'Value' }], align: 'right' }]], cantSplitRows: false },
    longTable(2),
  ];
  doc.sections[0]!.blocks.push(...blocks);
  doc.sections[0]!.header.logo = { format: 'png', data: png, width: 30, height: 10, alt: 'Council logo' };
  doc.footer.left = 'Hillbrook & District';
  return doc;
}

describe('pictures in the DOCX', () => {
  it('are embedded once per document: the same PNG as chart, SVG fallback and header logo is one part', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(everyKind()));
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).sort()).toEqual(['word/media/image1.png', 'word/media/image2.svg']);
    const rels = await zip.file('word/_rels/header1.xml.rels')!.async('string');
    expect(rels).toContain('Target="media/image1.png"');
  });
});

describe('DOCX parts against the ECMA-376 schemas', () => {
  if (unavailable) it('is skipped', () => console.log(`skipped: ${unavailable}`));

  maybe('validates every XML part of a document with every node kind', async () => {
    const parts = await xmlParts(await renderDocx(everyKind(), { pageCount: 4, headingPages: { title: 1, 'executive-summary': 1, recommendations: 1, 'appendix-a': 2 } }));
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/header1.xml', 'word/_rels/header1.xml.rels']));
    expect(schemaErrors('every-kind.docx', parts)).toEqual([]);
  });
});
