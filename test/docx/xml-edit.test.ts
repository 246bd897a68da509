/** The one function that edits XML docx wrote, and the writer's guarantee about characters XML cannot carry. */
import { editXmlPart, elements, W_NS } from '../../src/writers/docx/xml';
import { xmlSafeLayout, xmlSafeText } from '../../src/writers/docx/xml-text';
import { fillFontTable } from '../../src/writers/docx/font-table';
import { layoutDocument, para } from '../support/layout-fixtures';
import { assertWellFormed } from '../support/xml';

const W = `xmlns:w="${W_NS}"`;

describe('editXmlPart', () => {
  it('edits the tree and serialises it, escaping what it writes', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:p><w:r><w:t>a &amp; b</w:t></w:r></w:p></w:document>`;
    const out = editXmlPart('word/document.xml', xml, (dom) => {
      for (const t of elements(dom, W_NS, 't')) t.setAttributeNS(W_NS, 'w:val', 'say "<hi>" & go');
    });
    expect(out).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:p><w:r><w:t w:val="say &quot;&lt;hi&gt;&quot; &amp; go">a &amp; b</w:t></w:r></w:p></w:document>`,
    );
    assertWellFormed('out', out);
  });

  it('refuses a part that is not well-formed, naming it', () => {
    expect(() => editXmlPart('word/header1.xml', `<w:hdr ${W}><w:p></w:hdr>`, () => undefined)).toThrow(/^word\/header1\.xml: fatalError: Opening and ending tag mismatch/);
  });
});

describe('text XML cannot carry', () => {
  it('removes C0 controls, U+FFFE, U+FFFF and lone surrogates, and keeps everything else', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\uD800i\uDFFFj')).toBe('abcdefghij');
    const fine = 'Tab\tline\nreturn\r Gŵyl Llŷr Łukasz Żółć العربية 🎉 \uFFFD';
    expect(xmlSafeText(fine)).toBe(fine);
  });

  it('cleans every string of a layout and leaves a clean one, and image bytes, untouched', () => {
    const clean = layoutDocument([{ orientation: 'portrait', header: { left: 'Cabinet' }, blocks: [para('Fine text')] }]);
    expect(xmlSafeLayout(clean)).toBe(clean);
    const png = new Uint8Array([0, 1, 2, 0xff]);
    const dirty = layoutDocument([
      { orientation: 'portrait', header: { left: 'Cab\u0001inet' }, blocks: [para('Bad\uFFFE text'), { kind: 'image', format: 'png', data: png, width: 10, height: 10, alt: 'Alt\u0002' }] },
    ]);
    const out = xmlSafeLayout(dirty);
    expect(out.sections[0]!.header.left).toBe('Cabinet');
    expect(out.sections[0]!.blocks[0]).toEqual(para('Bad text'));
    const image = out.sections[0]!.blocks[1]!;
    expect(image.kind === 'image' && image.data).toBe(png);
    expect(image.kind === 'image' && image.alt).toBe('Alt');
    // The input is not changed.
    expect(dirty.sections[0]!.header.left).toBe('Cab\u0001inet');
  });
});

describe('font table', () => {
  it('names each font used once, with its classification when known', () => {
    const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${W}/>`;
    const styles = `<w:styles ${W}><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:rFonts w:ascii="Council Sans"/></w:styles>`;
    const out = fillFontTable(table, [styles, `<w:numbering ${W}><w:rFonts w:ascii="Arial"/></w:numbering>`]);
    expect(out).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${W}>` +
        '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
        '<w:font w:name="Council Sans"><w:charset w:val="00"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>' +
        '</w:fonts>',
    );
  });
});
