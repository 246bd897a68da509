/** The writer's escaping, its guarantee about characters XML cannot carry, and the font table. */
import { esc, wText } from '../../src/writers/docx/xml-write';
import { xmlSafeLayout, xmlSafeText } from '../../src/writers/docx/xml-text';
import { fontTableXml } from '../../src/writers/docx/font-table';
import { layoutDocument, para } from '../support/layout-fixtures';
import { assertWellFormed } from '../support/xml';

describe('escaping', () => {
  it('escapes the five markup characters in text and attribute values, and nothing else', () => {
    expect(esc('say "<hi>" & \'go\'')).toBe('say &quot;&lt;hi&gt;&quot; &amp; &apos;go&apos;');
    expect(esc('Gŵyl Llŷr 🎉')).toBe('Gŵyl Llŷr 🎉');
    // Line breaks and tabs survive in an attribute (an alt text's lines) only as character references.
    expect(esc('a\nb\tc\rd')).toBe('a&#10;b&#9;c&#13;d');
    const xml = `<w:p xmlns:w="urn:x" w:val="${esc('a"b<c>&d')}">${wText(' x < y ')}${wText('a&b')}</w:p>`;
    expect(xml).toBe('<w:p xmlns:w="urn:x" w:val="a&quot;b&lt;c&gt;&amp;d"><w:t xml:space="preserve"> x &lt; y </w:t><w:t>a&amp;b</w:t></w:p>');
    assertWellFormed('out', xml);
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
    const out = fontTableXml(['Arial', 'Council Sans', 'Arial']);
    assertWellFormed('fontTable.xml', out);
    expect(out.slice(out.indexOf('<w:font '))).toBe(
      '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
        '<w:font w:name="Council Sans"><w:charset w:val="00"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>' +
        '</w:fonts>',
    );
  });
});
