/**
 * The CSV reader walks the bytes itself (csv.ts); it must split fields as SheetJS, the reader it replaced,
 * did: quoted fields with separators, doubled quotes and line breaks, CRLF and CR line ends, a BOM, a
 * `sep=` first line, and the separator guessed from the first line.
 */
import * as XLSX from 'xlsx';
import { readCsv } from '../../src/readers/csv';

/** SheetJS's reading of the same text, as rows of trimmed texts (what the old reader kept). */
function sheetjs(text: string): (string | null)[][] {
  const wb = XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', raw: true, dense: true });
  const rows = (wb.Sheets[wb.SheetNames[0]!] as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  return Array.from(rows, (row) => Array.from(row ?? [], (c) => (c && String(c.v ?? '').trim() ? String(c.v).replace(/\r\n?/g, '\n').trim() : null)));
}

function ours(text: string): (string | null)[][] {
  const sheet = readCsv(Buffer.from(text, 'utf8'), 'plan.csv').sheets[0]!;
  return Array.from(sheet.rows, (row) => Array.from(row ?? [], (c) => c?.text ?? null));
}

const CASES: Record<string, string> = {
  plain: 'Ref,Action,Status\n1.1,Recruit,Green\n1.2,Review,Amber\n',
  quoted: 'Ref,Action\n1.1,"Recruit, train and keep"\n1.2,"Say ""no"" to waste"\n',
  'line breaks in a field': 'Ref,Action\n1.1,"First line\nsecond line"\n1.2,Next\n',
  'CRLF and CR': 'Ref,Action\r\n1.1,One\r\n1.2,Two\r1.3,Three',
  'BOM and semicolons': '\uFEFFRef;Action;Status\n1.1;One;Green\n',
  'sep= line': 'sep=|\nRef|Action\n1.1|One, with a comma\n',
  tabs: 'Ref\tAction\n1.1\tOne\n',
  'blank lines and empty fields': 'Ref,Action,,Status\n\n1.1,,x,Green\n,,,\n1.2,Two,,\n',
  'quote inside a field': 'Ref,Action\n1.1,5" screen\n',
  'non-ASCII text': 'Ref,Action\n1.1,Gwasanaethau ŵ — café 🚀\n',
};

describe('CSV reader', () => {
  it.each(Object.keys(CASES))('splits %s as SheetJS does', (name) => {
    expect(ours(CASES[name]!)).toEqual(sheetjs(CASES[name]!));
  });

  it('keeps day-first dates as text', () => {
    const sheet = readCsv(Buffer.from('Ref,By when\n1.1,31/08/2023\n'), 'plan.csv').sheets[0]!;
    expect(sheet.rows[1]![1]).toEqual(expect.objectContaining({ type: 'string', text: '31/08/2023' }));
  });
});
