/**
 * Deliberately broken workbooks (data/broken/), one defect each at a known cell, for tests and for trying
 * `cabinet check` by hand. Unreadable ones too: not a spreadsheet, empty, encrypted.
 */
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { writeFileAtomic } from '../io/atomic-write';
import { writeWorkbook, type CellSpec } from './xlsx-writer';

const CREATED = new Date('2024-03-28T09:00:00Z');
const HEADER = ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress'];

/** A small valid plan; each broken file changes one cell. Rows are 1-based in the comments. */
function basePlan(): CellSpec[][] {
  return [
    ['Test Improvement Plan 2023-24'],
    [],
    HEADER,
    ['1.1', '1. Theme one', 'Do the first thing', 'August 2023', 'Officer – Ann Smith', 'Green', 'On track'], // row 4
    ['1.2', null, 'Do the second thing', 'September 2023', null, 'Amber', 'Running late'], // row 5
    ['2.1', '2. Theme two', 'Do the third thing', 'October 2023', 'Officer – Bob Jones', 'Blue', 'Done'], // row 6
  ];
}

type Edit = (rows: CellSpec[][]) => void;

const BROKEN: Record<string, Edit> = {
  'unknown-status': (rows) => (rows[4]![5] = 'Purple'), // F5
  'duplicate-action-id': (rows) => (rows[5]![0] = '1.1'), // A6
  'action-id-without-text': (rows) => (rows[4]![2] = null), // C5
  'formula-error': (rows) => {
    rows[3]![3] = { error: '#REF!' }; // D4
    rows[5]![4] = { error: '#N/A' }; // E6
  },
  'date-not-understood': (rows) => (rows[3]![3] = 'When resources allow'), // D4
  'lead-repeats-action': (rows) => (rows[3]![4] = 'Do the first thing'), // E4
  'due-outside-plan-period': (rows) => (rows[5]![3] = 'December 2024'), // D6
  'empty-theme': (rows) => rows.push([null, '3. Theme three']), // B7
  'no-plan-table': (rows) => rows.splice(0, rows.length, ['Name', 'Address', 'Phone'], ['Ann Smith', '1 High Street', '01234 567890']),
};

export async function writeBrokenWorkbooks(dir: string): Promise<string[]> {
  const written: string[] = [];
  const write = (name: string, data: Uint8Array | string) => {
    const file = path.join(dir, name);
    writeFileAtomic(file, data);
    written.push(file);
  };
  for (const [name, edit] of Object.entries(BROKEN)) {
    const rows = basePlan();
    edit(rows);
    write(`${name}.xlsx`, await writeWorkbook([{ name: 'Actions', rows }], CREATED));
  }
  write('not-a-spreadsheet.xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
  write('empty.xlsx', await writeWorkbook([{ name: 'Sheet1', rows: [] }], CREATED));
  write('encrypted.xlsx', encryptedContainer());
  return written;
}

/** What Excel writes for a password-protected workbook: a CFB container with the encrypted package inside. */
function encryptedContainer(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(64, 7));
  return CFB.write(cfb, { type: 'buffer' });
}

/** SheetJS's CFB helpers are typed `any`; this is the part used above. */
interface CfbHelpers {
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, data: Buffer): void };
  write(cfb: unknown, options: { type: 'buffer' }): Uint8Array;
}
const CFB = XLSX.CFB as CfbHelpers;
