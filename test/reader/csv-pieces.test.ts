import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CsvReader, readCsv } from '../../src/readers/csv';
import { readWorkbook } from '../../src/readers/read-workbook';
import type { RawWorkbook } from '../../src/readers/raw';

const plain = (wb: RawWorkbook) => JSON.stringify({ sheets: wb.sheets.map((s) => ({ name: s.name, rows: s.rows })), notes: wb.notes ?? [] });

/** The file as the disk hands it over in pieces of `size` bytes (the first holding at least its opening). */
function inPieces(bytes: Buffer, size: number, file = 'plan.csv'): RawWorkbook {
  const reader = new CsvReader(file);
  const first = Math.max(size, Math.min(bytes.length, 4096));
  reader.push(bytes.subarray(0, first));
  for (let at = first; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
  return reader.finish();
}

/**
 * A CSV is read from the disk a piece at a time, so a 200,000-row file is never held whole. Wherever a piece
 * ends (inside a quoted cell, between the CR and LF of a line end, inside a UTF-8 character), the cells are
 * those of the whole file read at once.
 */
describe('a CSV read in pieces', () => {
  const tricky = Buffer.from(
    '\ufeffRef,Action,Lead\r\n1.1,"Café ""quoted"", with comma",Siân Öztürk\r\n1.2,"Line one\r\nline two",A & B\r\n\r\n2.1,,"x"\n3.1,last,no line end',
    'utf8',
  );
  const sample = fs.readFileSync(path.resolve(__dirname, '../../data/wf-improvement-plan-tracker.csv'));

  it.each([1, 2, 3, 7, 64])('gives the same cells in pieces of %i bytes after the opening', (size) => {
    // A file shorter than the opening piece is pushed whole; cut its body here instead.
    const reader = new CsvReader('plan.csv');
    reader.push(tricky.subarray(0, 20));
    for (let at = 20; at < tricky.length; at += size) reader.push(tricky.subarray(at, at + size));
    expect(plain(reader.finish())).toBe(plain(readCsv(tricky, 'plan.csv')));
    expect(plain(inPieces(sample, size * 97))).toBe(plain(readCsv(sample, 'plan.csv')));
  });

  it('reads what it should: the quoted line break, the doubled quotes, the last line without an end', () => {
    const rows = readCsv(tricky, 'plan.csv').sheets[0]!.rows;
    const text = (r: number, c: number) => rows[r]?.[c]?.text;
    expect([text(1, 1), text(2, 1), text(5, 1)]).toEqual(['Café "quoted", with comma', 'Line one\nline two', 'last']);
  });

  it('a sep= line and a guessed semicolon survive a cut right after the opening', () => {
    const semi = Buffer.from('sep=;\r\nRef;Action\r\n1;"a;b"\r\n', 'utf8');
    const whole = readCsv(semi, 'p.csv');
    expect(whole.sheets[0]!.rows[1]!.map((c) => c?.text)).toEqual(['1', 'a;b']);
    const reader = new CsvReader('p.csv');
    reader.push(semi.subarray(0, 8));
    for (let at = 8; at < semi.length; at++) reader.push(semi.subarray(at, at + 1));
    expect(plain(reader.finish())).toBe(plain(whole));
  });

  it('reads a CSV file from the disk as it read the bytes, and a workbook renamed .csv by its content', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-csv-'));
    const file = path.join(dir, 'tracker.csv');
    fs.writeFileSync(file, sample);
    expect(plain(readWorkbook(file))).toBe(plain(readWorkbook(sample, { fileName: file })));
    const renamed = path.join(dir, 'plan.csv');
    fs.copyFileSync(path.resolve(__dirname, '../../data/wf-improvement-plan-2023-24.xlsx'), renamed);
    expect(readWorkbook(renamed).sheets.map((s) => s.name)).toContain('Action Plan');
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    expect(() => readWorkbook(path.join(dir, 'empty.csv'))).toThrow('the file is empty (0 bytes)');
  });
});
