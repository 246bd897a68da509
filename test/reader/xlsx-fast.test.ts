/**
 * The fast .xlsx reader (src/readers/xlsx-fast.ts) must give exactly what the SheetJS path gives: every
 * sample workbook is read both ways and compared cell by cell (values, display text, fills, merges).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsxFast } from '../../src/readers/xlsx-fast';
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

  it('leaves hidden rows out the same way', () => {
    const bytes = xlsx([{ name: 'Plan', rows: SMALL_PLAN, hiddenRows: [4] }]);
    const { fast, slow } = bothWays(bytes, 'hidden.xlsx');
    expect(fast!.notes).toEqual([{ kind: 'hidden-rows', sheet: 'Plan', rows: [4] }]);
    expect(plain(fast!)).toEqual(plain(slow));
  });
});
