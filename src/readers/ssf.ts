import * as XLSX from 'xlsx';

/** A date serial split into its parts, as SheetJS's SSF.parse_date_code returns it. */
export interface DateCode {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
}

/**
 * SheetJS's number-format helpers (XLSX.SSF) are typed `any` in its declarations; these are the calls the
 * readers make, with their types, so the type-checked lint rules see what is called.
 */
interface SsfHelpers {
  is_date(format: string | number): boolean;
  parse_date_code(serial: number): DateCode;
  format(format: string | number, value: unknown): string;
  get_table(): Record<number, string | undefined>;
}

export const SSF = XLSX.SSF as SsfHelpers;
