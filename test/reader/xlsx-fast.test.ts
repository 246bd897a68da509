/**
 * The fast .xlsx reader (src/readers/xlsx-fast.ts) must give exactly what the SheetJS path gives: every
 * sample workbook is read both ways and compared cell by cell (values, display text, fills, merges).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsxFast } from '../../src/readers/xlsx-fast';
import { readWorkbook } from '../../src/readers/read-workbook';
import { readSpreadsheet } from '../../src/readers/xlsx';
import { checkZipWorkbook } from '../../src/readers/zip-guard';
import { DEFAULT_READ_LIMITS } from '../../src/io/read-limits';
import { bigPlan, xlsx, SMALL_PLAN } from '../../src/bench/hostile-inputs';
import type { RawWorkbook } from '../../src/readers/raw';

const ROOT = path.resolve(__dirname, '..', '..');
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const samples = walk(path.join(ROOT, 'data'))
  .filter((f) => f.endsWith('.xlsx') && !/encrypted|not-a-spreadsheet/.test(f))
  .map((f) => path.relative(ROOT, f));

/** Plain data, merges with a fixed key order, so both readers compare by content. */
function plain(wb: RawWorkbook): unknown {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => (row ?? []).map((c) => (c ? JSON.parse(JSON.stringify(c)) as unknown : null))),
      merges: s.merges.map((m) => [m.s.r, m.s.c, m.e.r, m.e.c]),
    })),
    notes: wb.notes ?? [],
  };
}

function bothWays(bytes: Buffer, file: string) {
  const facts = checkZipWorkbook(bytes, file, DEFAULT_READ_LIMITS);
  return { fast: readXlsxFast(bytes, file, facts, {}), slow: readSpreadsheet(bytes, file, {}) };
}

describe('fast .xlsx reader', () => {
  it('has sample workbooks to compare', () => expect(samples.length).toBeGreaterThanOrEqual(10));

  it.each(samples)('%s reads the same both ways', (file) => {
    const { fast, slow } = bothWays(fs.readFileSync(path.join(ROOT, file)), file);
    expect(fast).toBeDefined();
    expect(plain(fast!)).toEqual(plain(slow));
  }, 30000);

  it('reads shared strings with rich text runs, phonetic guides, entities and Excel escapes', () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Ref</t></si><si><r><t>Act</t></r><r><rPr><b/></rPr><t>ion</t></r></si><si><t>A &amp; B &lt;ok&gt;</t><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>bell_x0007_!</t></si><si><t xml:space="preserve"/></si><si><t>after</t></si></sst>`;
    const bytes = xlsx([{ name: 'Plan', rows: [], sheetDataXml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>5</v></c></row>' }], { sharedStringsXml: sst });
    const { fast, slow } = bothWays(bytes, 'rich.xlsx');
    expect(fast!.sheets[0]!.rows[0]!.map((c) => c!.text)).toEqual(['Ref', 'Action', 'A & B <ok>', 'bell!', 'after']);
    expect(plain(fast!)).toEqual(plain(slow));
  });

  it('reads numbers, dates, percentages, booleans, errors and fills by their styles as SheetJS does', () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>`;
    const row = '<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" s="1"><v>45170</v></c><c r="C1" s="2"><v>45170</v></c><c r="D1" s="3"><v>0.45</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#REF!</v></c><c r="G1" s="4" t="str"><v>Red</v></c><c r="H1" s="4"/><c r="I1" t="inlineStr"><is><t>inline &amp; text</t></is></c><c r="J1"><v>0.30000000000000004</v></c></row>';
    const bytes = xlsx([{ name: 'Plan', rows: [], sheetDataXml: row }], { stylesXml: styles });
    const { fast, slow } = bothWays(bytes, 'typed.xlsx');
    expect(fast!.sheets[0]!.rows[0]!.map((c) => [c!.type, c!.text, c!.fill ?? ''])).toEqual([
      ['number', '1.5', ''],
      ['date', '2023-09-01', ''],
      ['date', '2023-09-01', ''],
      ['number', '45%', ''],
      ['boolean', 'TRUE', ''],
      ['error', '#REF!', ''],
      ['string', 'Red', '#FF0000'],
      ['empty', '', '#FF0000'],
      ['string', 'inline & text', ''],
      ['number', '0.3', ''],
    ]);
    expect(plain(fast!)).toEqual(plain(slow));
  });

  it('a 2,000-action plan in Excel\'s shape (shared strings) reads the same both ways', () => {
    const { fast, slow } = bothWays(bigPlan(2000), 'big.xlsx');
    expect(fast!.sheets[0]!.rows.filter(Boolean).length).toBe(2000 + 20 + 2);
    expect(plain(fast!)).toEqual(plain(slow));
  }, 30000);

  it('reads ISO date cells (t="d") as SheetJS does: the serial they name, a date when the style is a date format', () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const row = '<row r="1"><c r="A1" t="d" s="1"><v>2023-08-31</v></c><c r="B1" t="d" s="1"><v>2023-08-31T00:00:00Z</v></c><c r="C1" t="d"><v>2023-08-31</v></c></row>';
    const { fast, slow } = bothWays(xlsx([{ name: 'Plan', rows: [], sheetDataXml: row }], { stylesXml: styles }), 'iso-dates.xlsx');
    // 31 August 2023 is serial 45169 (counted by hand from 1 January 1900 = 1, with Excel's 29 February 1900).
    expect(fast!.sheets[0]!.rows[0]!.map((c) => [c!.type, c!.text])).toEqual([
      ['date', '2023-08-31'],
      ['date', '2023-08-31'],
      ['number', '45169'],
    ]);
    expect(plain(fast!)).toEqual(plain(slow));
  });

  it('leaves hidden columns out the same way, with a note naming them', () => {
    const bytes = xlsx([{ name: 'Plan', rows: SMALL_PLAN, hiddenColumns: [2, 4] }]);
    const { fast, slow } = bothWays(bytes, 'hidden-columns.xlsx');
    expect(fast!.notes).toEqual([{ kind: 'hidden-columns', sheet: 'Plan', columns: ['B', 'D'] }]);
    expect(Array.from(fast!.sheets[0]!.rows[3]!, (c) => c?.text ?? null)).toEqual(['1.1', null, 'August 2023', null, 'Green']);
    expect(plain(fast!)).toEqual(plain(slow));
  });

  it('reads fills in theme colours and their tints as SheetJS does, without SheetJS', () => {
    const theme = `<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst/><a:lnStyleLst/><a:effectStyleLst/><a:bgFillStyleLst/></a:fmtScheme></a:themeElements></a:theme>`;
    const fills = ['<fgColor theme="9"/>', '<fgColor theme="4" tint="0.59999389629810485"/>', '<fgColor theme="5" tint="-0.249977111117893"/>', '<fgColor theme="0"/>', '<fgColor theme="7" tint="0.79998168889431442"/>'];
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.map((f) => `<fill><patternFill patternType="solid">${f}<bgColor indexed="64"/></patternFill></fill>`).join('')}</fills><borders count="1"><border/></borders><cellXfs count="${fills.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>${fills.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${i + 2}" borderId="0" applyFill="1"/>`).join('')}</cellXfs></styleSheet>`;
    const row = `<row r="1">${fills.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}" t="inlineStr"><is><t>x</t></is></c>`).join('')}</row>`;
    const { fast, slow } = bothWays(xlsx([{ name: 'Plan', rows: [], sheetDataXml: row }], { stylesXml: styles, themeXml: theme }), 'theme.xlsx');
    // Accent 6 as it is; accent 1 at 60% lighter (B4C7E7 in Excel's palette); accent 2 25% darker (C55A11); theme 0 left unread, as SheetJS leaves it.
    expect(fast!.sheets[0]!.rows[0]!.map((c) => c!.fill ?? null)).toEqual(['#70AD47', '#B4C7E7', '#C55A11', null, '#FFF2CC']);
    expect(plain(fast!)).toEqual(plain(slow));
  });

  it('declines what SheetJS numbers differently (a gradient fill), and the workbook is then read by SheetJS', () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><gradientFill degree="90"><stop position="0"><color rgb="FFFFFFFF"/></stop><stop position="1"><color rgb="FF4472C4"/></stop></gradientFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="3" borderId="0" applyFill="1"/></cellXfs></styleSheet>`;
    const bytes = xlsx([{ name: 'Plan', rows: [], sheetDataXml: '<row r="1"><c r="A1" t="inlineStr" s="1"><is><t>Green</t></is></c></row>' }], { stylesXml: styles });
    const { fast } = bothWays(bytes, 'gradient.xlsx');
    expect(fast).toBeUndefined();
    expect(readWorkbook(bytes, { fileName: 'gradient.xlsx' }).sheets[0]!.rows[0]![0]!.text).toBe('Green');
  });

  it('leaves hidden rows out the same way', () => {
    const bytes = xlsx([{ name: 'Plan', rows: SMALL_PLAN, hiddenRows: [4] }]);
    const { fast, slow } = bothWays(bytes, 'hidden.xlsx');
    expect(fast!.notes).toEqual([{ kind: 'hidden-rows', sheet: 'Plan', rows: [4] }]);
    expect(plain(fast!)).toEqual(plain(slow));
  });
});
