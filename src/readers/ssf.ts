import * as XLSX from 'xlsx';

/** SheetJS's number-format library (SSF), which its type declarations leave untyped: the calls we make. */
interface NumberFormats {
  is_date(format: string): boolean;
  parse_date_code(serial: number): { y: number; m: number; d: number };
  format(format: string, value: number): string;
  get_table(): Record<number, string | undefined>;
}

export const SSF = XLSX.SSF as unknown as NumberFormats;
