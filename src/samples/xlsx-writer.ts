import * as XLSX from 'xlsx';
import JSZip from 'jszip';

/** A cell for sample workbooks: plain value, or a value with a solid fill (status cells). */
export type CellSpec = string | number | Date | null | { v: string | number | Date; fill?: string } | { error: string };

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  merges?: XLSX.Range[];
  widths?: number[];
}

/**
 * Writes an .xlsx with SheetJS, then adds fills to the styles part itself: the community SheetJS writes no
 * cell styles, and status cells coloured like a council's are the point of the samples. The zip is re-packed
 * with a fixed date so regenerating gives the same bytes.
 */
export async function writeWorkbook(sheets: SheetSpec[], created: Date): Promise<Buffer> {
  const wb = XLSX.utils.book_new();
  wb.Props = { Title: sheets[0]?.name ?? '', Author: 'cabinet-reports samples', CreatedDate: created };
  const fills: { sheet: number; address: string; colour: string }[] = [];
  sheets.forEach((spec, i) => {
    const ws = XLSX.utils.aoa_to_sheet(spec.rows.map((row) => row.map(plainValue)), { cellDates: true, dateNF: 'dd/mm/yyyy' });
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && typeof cell === 'object' && 'fill' in cell && cell.fill)
          fills.push({ sheet: i + 1, address: XLSX.utils.encode_cell({ r, c }), colour: cell.fill });
      }),
    );
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && typeof cell === 'object' && 'error' in cell) ws[XLSX.utils.encode_cell({ r, c })] = errorCell(cell.error);
      }),
    );
    if (spec.merges) ws['!merges'] = spec.merges;
    if (spec.widths) ws['!cols'] = spec.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  });
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return addFills(bytes, fills, created);
}

function plainValue(cell: CellSpec): string | number | Date | null {
  if (cell === null || typeof cell !== 'object' || cell instanceof Date) return cell;
  return 'error' in cell ? null : cell.v;
}

const ERROR_CODES: Record<string, number> = { '#NULL!': 0x00, '#DIV/0!': 0x07, '#VALUE!': 0x0f, '#REF!': 0x17, '#NAME?': 0x1d, '#NUM!': 0x24, '#N/A': 0x2a };

function errorCell(text: string): XLSX.CellObject {
  return { t: 'e', v: ERROR_CODES[text] ?? 0x0f, w: text };
}

async function addFills(bytes: Buffer, fills: { sheet: number; address: string; colour: string }[], created: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let styles = await zip.file('xl/styles.xml')!.async('string');
  const colours = [...new Set(fills.map((f) => f.colour.toUpperCase()))];
  const fillCount = Number(styles.match(/<fills count="(\d+)"/)![1]);
  const xfCount = Number(styles.match(/<cellXfs count="(\d+)"/)![1]);
  const fillXml = colours.map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${c.slice(1)}"/><bgColor indexed="64"/></patternFill></fill>`).join('');
  const xfXml = colours.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${fillCount + i}" borderId="0" xfId="0" applyFill="1"/>`).join('');
  styles = styles
    .replace(/<fills count="\d+">([\s\S]*?)<\/fills>/, (_m, inner: string) => `<fills count="${fillCount + colours.length}">${inner}${fillXml}</fills>`)
    .replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, inner: string) => `<cellXfs count="${xfCount + colours.length}">${inner}${xfXml}</cellXfs>`);
  zip.file('xl/styles.xml', styles);
  for (const sheet of new Set(fills.map((f) => f.sheet))) {
    const path = `xl/worksheets/sheet${sheet}.xml`;
    let xml = await zip.file(path)!.async('string');
    for (const f of fills.filter((x) => x.sheet === sheet)) {
      const style = xfCount + colours.indexOf(f.colour.toUpperCase());
      xml = xml.replace(new RegExp(`<c r="${f.address}"( s="\\d+")?`), `<c r="${f.address}" s="${style}"`);
    }
    zip.file(path, xml);
  }
  return repack(zip, created);
}

/** Same entries, same order, fixed dates: byte-identical on every run. */
export async function repack(zip: JSZip, date: Date): Promise<Buffer> {
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
