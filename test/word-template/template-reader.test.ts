import { openWordTemplate } from '../../src/readers/word-template/package';
import { readStyles, styleIdByName, styleIdFor } from '../../src/readers/word-template/styles';
import { readGeometry } from '../../src/readers/word-template/geometry';
import { readRunning, runningText } from '../../src/readers/word-template/header-footer';
import type { WordPackage } from '../../src/readers/word-template/types';
import { COUNCILS, templateFile } from './councils';

describe.each(COUNCILS)('the $council Word template (made by LibreOffice from its .fodt)', (c) => {
  const pkg = openWordTemplate(templateFile(c.council));
  const styles = readStyles(pkg);

  it('has its built-in styles found by name, and their formats resolved through basedOn and docDefaults', () => {
    expect(styleIdFor(styles, 'Normal')).toBe('Normal');
    expect(styleIdFor(styles, 'Heading1')).toBe('Heading1');
    expect(styleIdByName(styles, 'heading 2')).toBe('Heading2');
    const h1 = styles.byId[styleIdFor(styles, 'Heading1')!]!;
    // Heading 1 says size, bold and colour; its font comes from its parent "Heading", keep-with-next too.
    expect(h1.basedOn).toBe('Heading');
    expect(h1.run).toMatchObject({ font: c.font, size: c.h1, bold: true, colour: c.colour.toUpperCase() });
    expect(h1.para.keepNext).toBe(true);
    expect(styles.byId.Normal!.run).toMatchObject({ font: c.font, size: c.body });
    expect(styles.byId.Normal!.para.widowControl).toBe(true);
    // Title: bold at its own size, colour from the .fodt.
    expect(styles.byId[styleIdFor(styles, 'Title')!]!.run.colour).toBe(c.colour.toUpperCase());
  });

  it('has the page geometry of its last section', () => {
    const g = readGeometry(pkg);
    expect(g.orientation).toBe('portrait');
    expect(g.width).toBeCloseTo(595.3, 0);
    expect(g.height).toBeCloseTo(841.9, 0);
    for (const side of ['top', 'right', 'bottom', 'left'] as const) expect(g.margins[side]).toBeCloseTo(c.margins[side], 0);
    expect(g.margins.header).toBeCloseTo(c.header, 0);
    expect(g.margins.footer).toBeCloseTo(c.footerDistance, 0);
    expect(g.titlePage).toBe(true);
    expect(g.columns.count).toBe(1);
  });

  it('has a first-page header with the logo, another header after it, and a footer with PAGE and NUMPAGES fields', () => {
    const warnings: string[] = [];
    const running = readRunning(pkg, styles, warnings);
    expect(runningText(running.headers.default)).toEqual([`${c.name}\t\t${c.marking}`]);
    expect(runningText(running.headers.first)).toEqual([`\t\t${c.marking}`]);
    const logo = running.headers.first!.paragraphs[0]!.pieces[0]!;
    expect(logo).toMatchObject({ kind: 'image', format: 'png', alt: `${c.name} logo` });
    if (logo.kind === 'image') expect(Buffer.from(logo.data.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(runningText(running.footers.default)).toEqual([`${c.footer}\t\tPage {PAGE} of {NUMPAGES}`]);
    // The marking is in the character style "Marking": bold in the heading colour.
    const marking = running.headers.default!.paragraphs[0]!.pieces.at(-1)!;
    expect(marking).toMatchObject({ kind: 'text', bold: true, colour: c.colour.toUpperCase() });
    expect(running.headers.default!.paragraphs[0]!.run).toMatchObject({ size: 9, colour: '#404040' });
    expect(warnings).toEqual([]);
  });
});

/** A package made by hand, for what LibreOffice never writes: theme fonts, exact spacing, style-id lookup, loops. */
function handMade(styles: string, theme?: string): WordPackage {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const parts = new Map<string, Uint8Array>([
    ['word/document.xml', Buffer.from(`<w:document ${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="851" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:num="2" w:space="720"/></w:sectPr></w:body></w:document>`)],
    ['word/styles.xml', Buffer.from(`<w:styles ${W}>${styles}</w:styles>`)],
  ]);
  const rels = [{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', target: 'styles.xml', part: 'word/styles.xml', external: false }];
  if (theme) {
    parts.set('word/theme/theme1.xml', Buffer.from(theme));
    rels.push({ id: 'rId2', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme', target: 'theme/theme1.xml', part: 'word/theme/theme1.xml', external: false });
  }
  return { file: 'hand.dotx', parts, isTemplate: true, mainPart: 'word/document.xml', relationships: new Map([['word/document.xml', rels]]), contentTypes: { defaults: new Map(), overrides: new Map() }, warnings: [] };
}

describe('template styles Word writes that LibreOffice does not', () => {
  const theme = '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x"><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';
  const styles =
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="480" w:line="300" w:lineRule="exact"/><w:ind w:left="567" w:hanging="283"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:sz w:val="32"/><w:color w:val="2F5496" w:themeColor="accent1"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="Contents One"/><w:basedOn w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/><w:rPr><w:i/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>' +
    '<w:latentStyles><w:lsdException w:name="heading 7" w:uiPriority="9"/></w:latentStyles>';
  const s = readStyles(handMade(styles, theme));

  it('resolves theme fonts, exact line spacing, hanging indents and a localised heading name', () => {
    // A Dutch template calls its Heading 1 "Kop1" by id and "heading 1" by name: found by name.
    expect(s.builtIn.Heading1).toBe('Kop1');
    expect(s.byId.Kop1!.run).toEqual({ font: 'Cambria', size: 16, bold: true, colour: '#2F5496' });
    expect(s.byId.Kop1!.para).toMatchObject({ before: 24, after: 8, line: { value: 15, rule: 'exact' }, indentLeft: 28.35, firstLine: -14.15, keepNext: true, outlineLevel: 0 });
    expect(s.byId.Normal!.run).toEqual({ font: 'Calibri', size: 11 });
    expect(s.byId.Normal!.para.line).toEqual({ value: 259 / 240, rule: 'auto' });
    // Found by built-in id when the name is not Word's.
    expect(s.builtIn.TOC1).toBe('TOC1');
    expect(s.latent).toEqual(['heading 7']);
  });

  it('ends a basedOn loop instead of recursing forever', () => {
    expect(s.byId.LoopA!.run.italic).toBe(true);
    expect(s.byId.LoopB!.run.bold).toBe(false);
  });

  it('reads a landscape page with two columns', () => {
    const g = readGeometry(handMade(styles));
    expect(g).toMatchObject({ orientation: 'landscape', width: 841.9, height: 595.3, columns: { count: 2, space: 36 }, titlePage: false, evenAndOdd: false });
    expect(g.margins).toEqual({ top: 56.7, right: 42.55, bottom: 56.7, left: 42.55, header: 28.35, footer: 28.35, gutter: 0 });
  });
});
