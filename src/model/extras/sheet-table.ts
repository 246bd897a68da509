import type { RawCell, RawSheet } from '../../readers/raw';
import { normaliseHeader } from '../normalise/columns';

/** A simple header-and-rows table found in a sheet by the meaning of its header cells. */
export interface SheetTable<K extends string> {
  sheet: RawSheet;
  headerRow: number;
  columns: Partial<Record<K, number>>;
  /** Other header cells by column (financial years in a finance table). */
  extraHeaders: { c: number; text: string }[];
  rows: { r: number; cell: (k: K) => RawCell | undefined }[];
}

export function findSheetTable<K extends string>(
  sheet: RawSheet,
  synonyms: Record<K, RegExp>,
  required: NoInfer<K>[],
): SheetTable<K> | undefined {
  for (let r = 0; r < Math.min(sheet.rows.length, 40); r++) {
    const row = sheet.rows[r] ?? [];
    const columns: Partial<Record<K, number>> = {};
    const extraHeaders: { c: number; text: string }[] = [];
    row.forEach((cell, c) => {
      const text = normaliseHeader(cell?.text ?? '');
      const key = (Object.keys(synonyms) as K[]).find((k) => synonyms[k].test(text));
      if (key && columns[key] === undefined) columns[key] = c;
      else if (cell?.text) extraHeaders.push({ c, text: cell.text });
    });
    if (required.every((k) => columns[k] !== undefined)) {
      const rows = [];
      for (let rr = r + 1; rr < sheet.rows.length; rr++) {
        const cells = sheet.rows[rr];
        if (!cells?.some((x) => x && x.type !== 'empty')) continue;
        rows.push({
          r: rr,
          cell: (k: K) => {
            const c = columns[k];
            return c === undefined ? undefined : cells[c];
          },
        });
      }
      return { sheet, headerRow: r, columns, extraHeaders, rows };
    }
  }
  return undefined;
}

/** Numbers as councils type them: 1,250 / (150) for negatives / 12% / £2.5m. */
export function numberOf(cell: RawCell | undefined): number | undefined {
  if (!cell || cell.type === 'empty') return undefined;
  if (typeof cell.value === 'number') return cell.value;
  const t = cell.text.replace(/[£,\s]/g, '');
  const m = t.match(/^(\()?(-)?(\d+(?:\.\d+)?)(%|m|k)?(\))?$/i);
  if (!m) return undefined;
  const scale = m[4]?.toLowerCase() === 'm' ? 1e6 : m[4]?.toLowerCase() === 'k' ? 1e3 : 1;
  const n = Number(m[3]) * scale;
  return m[1] || m[2] ? -n : n;
}
