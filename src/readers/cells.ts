import * as XLSX from 'xlsx';
import type { MergeRange, RawCell, RawSheet } from './raw';

/** Turns one SheetJS worksheet into our RawSheet: typed values, display text, fills and merges. */
export function sheetToRaw(name: string, ws: XLSX.WorkSheet): RawSheet {
  const rows: (RawCell | undefined)[][] = [];
  const ref = ws['!ref'];
  if (ref) {
    const range = XLSX.utils.decode_range(ref);
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        const address = XLSX.utils.encode_cell({ r, c });
        const cell = cellAt(ws, r, c, address);
        if (!cell) continue;
        const raw = toRawCell(cell, address, r, c);
        if (raw.type === 'empty' && !raw.fill) continue;
        (rows[r] ??= [])[c] = raw;
      }
    }
  }
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  return { name, rows, merges };
}

/** Works for both dense (rows of arrays) and sparse (A1 keys) sheets. */
function cellAt(ws: XLSX.WorkSheet, r: number, c: number, address: string): XLSX.CellObject | undefined {
  const dense = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  return dense ? dense[r]?.[c] : (ws[address] as XLSX.CellObject | undefined);
}

function toRawCell(cell: XLSX.CellObject, address: string, r: number, c: number): RawCell {
  const base = { address, r, c, fill: fillOf(cell) };
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z as string)) return { ...base, ...dateCell(v) };
      return { ...base, type: 'number', value: v, text: (cell.w ?? String(v)).trim() };
    }
    case 'd': {
      const d = cell.v as Date;
      const day = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
      return { ...base, type: 'date', value: day, text: day.toISOString().slice(0, 10) };
    }
    case 'b':
      return { ...base, type: 'boolean', value: cell.v as boolean, text: cell.v ? 'TRUE' : 'FALSE' };
    case 'e':
      return { ...base, type: 'error', value: cell.w ?? '#ERROR', text: cell.w ?? '#ERROR' };
    case 's': {
      const text = String(cell.v ?? '').replace(/\r\n?/g, '\n').trim();
      return { ...base, type: text ? 'string' : 'empty', value: text || null, text };
    }
    default:
      return { ...base, type: 'empty', value: null, text: '' };
  }
}

/** Excel serial -> calendar day, without going through local time. */
function dateCell(serial: number): Pick<RawCell, 'type' | 'value' | 'text'> {
  const p = XLSX.SSF.parse_date_code(serial);
  const day = new Date(Date.UTC(p.y, p.m - 1, p.d));
  return { type: 'date', value: day, text: day.toISOString().slice(0, 10) };
}

function fillOf(cell: XLSX.CellObject): string | undefined {
  const s = cell.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
  const rgb = s?.fgColor?.rgb;
  if (!rgb || (s?.patternType && s.patternType !== 'solid')) return undefined;
  const hex = rgb.length === 8 ? rgb.slice(2) : rgb;
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}
