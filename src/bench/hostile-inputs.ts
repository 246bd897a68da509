/**
 * Hostile and unusual inputs, made at run time (no big binaries in the repository) for the hardening tests
 * and the hostile benchmark. Workbooks are assembled here from their XML parts by a deliberately small zip
 * writer: the point is to forge what no zip library will write (directories that lie about sizes,
 * truncated archives, thousands of entries), so jszip cannot be used for it.
 */
import * as zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Store instead of deflate. */
  stored?: boolean;
  /** The uncompressed size the directory claims (default: the truth). */
  declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A plain zip archive (no zip64, fixed 1980 dates), sizes as declared. */
export function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
    const data = part.stored ? raw : zlib.deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface SheetPlan {
  name: string;
  rows: (string | null)[][];
  /** 1-based rows Excel hides. */
  hiddenRows?: number[];
  state?: 'hidden' | 'veryHidden';
  /** The <dimension ref> the sheet claims (default: its real extent). */
  dimension?: string;
  /** Raw XML put inside <sheetData> instead of the rows (for nesting attacks). */
  sheetDataXml?: string;
  /** 1-based columns Excel hides (a <cols> entry each). */
  hiddenColumns?: number[];
}

/** XML text as Excel writes it: control characters (which XML cannot carry) as _xHHHH_ escapes. */
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
const col = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The XML parts of an .xlsx whose text cells use a shared-strings table, as Excel saves them. */
export function xlsxParts(sheets: SheetPlan[], options: { sharedStringsXml?: string; noStyles?: boolean; stylesXml?: string } = {}): ZipPart[] {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sid = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const sheetXml = sheets.map((sheet) => {
    const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 1);
    const dimension = sheet.dimension ?? `A1:${col(width - 1)}${Math.max(1, sheet.rows.length)}`;
    const rows =
      sheet.sheetDataXml ??
      sheet.rows
        .map((row, r) => {
          const hidden = sheet.hiddenRows?.includes(r + 1) ? ' hidden="1"' : '';
          const cells = row.map((v, c) => (v === null ? '' : `<c r="${col(c)}${r + 1}" t="s"><v>${sid(v)}</v></c>`)).join('');
          return `<row r="${r + 1}"${hidden}>${cells}</row>`;
        })
        .join('');
    const cols = sheet.hiddenColumns?.length ? `<cols>${sheet.hiddenColumns.map((c) => `<col min="${c}" max="${c}" width="0" hidden="1" customWidth="1"/>`).join('')}</cols>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/>${cols}<sheetData>${rows}</sheetData></worksheet>`;
  });
  const shared =
    options.sharedStringsXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const sheetTypes = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${
        options.noStyles ? '' : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      }</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>${
        options.noStyles ? '' : `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
      }</Relationships>`,
    },
    ...sheetXml.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
    { name: 'xl/sharedStrings.xml', data: shared },
    ...(options.noStyles ? [] : [{ name: 'xl/styles.xml', data: options.stylesXml ?? STYLES }]),
  ];
}

/** Excel's minimal styles part: the two fills every workbook has (none, gray125), one font, one format. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

export const xlsx = (sheets: SheetPlan[], options?: { sharedStringsXml?: string; noStyles?: boolean; stylesXml?: string; themeXml?: string }) => {
  const parts = xlsxParts(sheets, options);
  if (options?.themeXml) {
    parts.push({ name: 'xl/theme/theme1.xml', data: options.themeXml });
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace('</Relationships>', '<Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>');
    const types = parts.find((p) => p.name === '[Content_Types].xml')!;
    types.data = String(types.data).replace('</Types>', '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>');
  }
  return zipArchive(parts);
};

/** An OpenDocument spreadsheet from its content.xml body (the <table:table> elements), as LibreOffice lays it out. */
export function ods(tablesXml: string): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>${tablesXml}</office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipArchive([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true },
    { name: 'META-INF/manifest.xml', data: manifest },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>' },
  ]);
}

/** SMALL_PLAN as an OpenDocument table. */
export function smallPlanOds(): Buffer {
  const cell = (v: string | null) => (v === null ? '<table:table-cell/>' : `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`);
  return ods(`<table:table table:name="Plan">${SMALL_PLAN.map((row) => `<table:table-row>${row.map(cell).join('')}</table:table-row>`).join('')}</table:table>`);
}

/** SMALL_PLAN as an Excel 97-2003 .xls (SheetJS writes BIFF8 in a compound file, as Excel does). */
export function smallPlanXls(): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XLSX = require('xlsx') as typeof import('xlsx');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(SMALL_PLAN), 'Plan');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer;
}

/** A copy of `bytes` with `count` bytes from `at` overwritten, as a bad disk sector or transfer leaves a file. */
function scribbled(bytes: Buffer, at: number, count: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = at; i < Math.min(at + count, out.length); i++) out[i] = (out[i]! * 31 + 7) & 0xff;
  return out;
}

/** A small plan every hostile variant starts from: a header row and three actions. */
export const SMALL_PLAN: (string | null)[][] = [
  ['Improvement Plan 2023-24'],
  [],
  ['Ref', 'Action', 'By when', 'Lead', 'Status'],
  ['1.1', 'Recruit two social workers', 'August 2023', 'Head of Service', 'Green'],
  ['1.2', 'Review the front door', 'Q3 2023/24', 'Service Manager', 'Amber'],
  ['1.3', 'Audit case files', 'March 2024', 'Principal Social Worker', 'Red'],
];

/** sharedStrings.xml of `mb` megabytes of one repeated letter: a few hundred kilobytes compressed. */
export function bombSharedStrings(mb: number): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>');
  const tail = Buffer.from('</t></si></sst>');
  return Buffer.concat([head, Buffer.alloc(mb * 1024 * 1024, 'a'), tail]);
}

/** The hostile workbooks by name, each made on demand; each is refused by a named limit or read quickly. */
export const HOSTILE_WORKBOOKS: Record<string, () => Buffer> = (() => {
  const plan = [{ name: 'Plan', rows: SMALL_PLAN }];
  const honest = () => xlsx(plan);
  const bombParts = () => xlsxParts(plan, { sharedStringsXml: '' }).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: bombSharedStrings(64) } : p));
  return {
    'truncated-30-bytes.xlsx': () => honest().subarray(0, 30),
    'truncated-half.xlsx': () => honest().subarray(0, Math.floor(honest().length / 2)),
    'claimed-dimension.xlsx': () => xlsx([{ name: 'Plan', rows: SMALL_PLAN, dimension: 'A1:XFD1048576' }]),
    'claimed-dimension-no-cells.xlsx': () => xlsx([{ name: 'Plan', rows: [], dimension: 'A1:XFD1048576' }]),
    'far-corner-cell.xlsx': () => xlsx([{ name: 'Plan', rows: [], sheetDataXml: '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' }]),
    'zip-bomb-shared-strings.xlsx': () => zipArchive(bombParts()),
    'zip-bomb-lying-directory.xlsx': () => zipArchive(bombParts().map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, declaredSize: 4096 } : p))),
    'many-entries.xlsx': () => zipArchive([...xlsxParts(plan), ...Array.from({ length: 6000 }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: 'x', stored: true }))]),
    'deep-xml.xlsx': () => xlsx([{ name: 'Plan', rows: [], sheetDataXml: '<row r="1">' + '<x>'.repeat(100000) + '</x>'.repeat(100000) + '</row>' }]),
    'entity-expansion.xlsx': () =>
      xlsx(plan, {
        sharedStringsXml: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>`,
      }),
    'no-styles-part.xlsx': () => xlsx(plan, { noStyles: true }),
    'duplicate-sheet-names.xlsx': () =>
      xlsx([
        { name: 'Plan', rows: SMALL_PLAN },
        { name: 'Plan', rows: [['other']] },
      ]),
    'scribbled-sheet.xlsx': () => {
      const bytes = honest();
      return scribbled(bytes, bytes.indexOf('xl/worksheets/sheet1.xml') + 30, 40);
    },
    'truncated-half.xls': () => smallPlanXls().subarray(0, Math.floor(smallPlanXls().length / 2)),
    'truncated-header.xls': () => smallPlanXls().subarray(0, 300),
    'scribbled-body.xls': () => scribbled(smallPlanXls(), 1024, 2048),
    'lying-sector-count.xls': () => {
      const bytes = Buffer.from(smallPlanXls());
      bytes.writeUInt32LE(1_000_000, 0x2c);
      return bytes;
    },
    'truncated-half.ods': () => smallPlanOds().subarray(0, Math.floor(smallPlanOds().length / 2)),
    'scribbled-content.ods': () => {
      const bytes = smallPlanOds();
      return scribbled(bytes, bytes.indexOf('content.xml') + 20, 40);
    },
    // Searches bounded to their cell: what a cell lacks (<v>, <t>) must not be looked for through the rest of the sheet.
    'cells-without-values.xlsx': () =>
      xlsx([
        {
          name: 'Plan',
          rows: [],
          sheetDataXml:
            Array.from({ length: 50000 }, (_, i) => `<row r="${i + 1}"></row>`).join('') +
            Array.from({ length: 50000 }, (_, i) => `<row r="${i + 50001}"><c r="A${i + 50001}"><f>1+1</f></c><c r="B${i + 50001}" t="inlineStr"><is></is></c></row>`).join('') +
            '<row r="100001"><c r="A100001" t="inlineStr"><is><t>Ref</t></is></c><c r="B100001"><v>1</v></c></row>',
        },
      ]),
    'repeated-cells-bomb.ods': () =>
      ods('<table:table table:name="Plan"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>'),
  };
})();

/** All of them, made now. */
export function hostileWorkbooks(): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(HOSTILE_WORKBOOKS).map(([name, make]) => [name, make()]));
}

/** YAML nested `depth` levels deep in flow style ([[[…]]]), the shape that overflows a recursive composer. */
export function deepYaml(depth: number): string {
  return `committee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\nitems: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A plan of `n` actions in one sheet, in Excel's shape (shared strings), for the memory target. */
export function bigPlan(n: number): Buffer {
  const statuses = ['Blue', 'Green', 'Amber', 'Red', 'Grey'];
  const dues = ['April 2024', 'June 2024', 'Q3 2024/25', '31/01/2025', '2024/25', 'Ongoing'];
  const rows: (string | null)[][] = [['Generated Improvement Plan 2024-25'], [], ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress']];
  for (let i = 0; i < n; i++) {
    const theme = Math.floor(i / 10);
    if (i % 100 === 0) rows.push([`${String.fromCharCode(65 + (Math.floor(i / 100) % 26))}. Section ${Math.floor(i / 100) + 1}`]);
    rows.push([
      `${theme + 1}.${(i % 10) + 1}`,
      i % 10 === 0 ? `${theme + 1}. Theme ${theme + 1}` : null,
      `Action ${i + 1}: review and improve the service with partners`,
      dues[i % dues.length]!,
      i % 10 === 0 ? 'Senior Manager – Ann Smith' : null,
      statuses[i % statuses.length]!,
      `Progress note ${i + 1}`,
    ]);
  }
  return xlsx([{ name: 'Plan', rows }]);
}
