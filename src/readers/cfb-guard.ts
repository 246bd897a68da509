import { UnreadableInputError } from '../diagnostics/diagnostic';
import type { ReadLimits } from '../io/read-limits';

/**
 * Checks an Excel 97-2003 workbook's container (the Compound File Binary format, MS-CFB) before SheetJS
 * sees it. A .xls cannot expand: its cells are records of at least 6 bytes in an uncompressed stream, so
 * the file-size limit already bounds its rows and cells. What it can do is lie or be cut short: a header
 * naming sectors past the end of the file is what makes the parser fail with its own words or walk chains
 * that are not there. So the header is read and every sector it names must lie inside the file.
 */
export function checkLegacyWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (what: string): never => {
    throw new UnreadableInputError(file, `not a readable workbook: the Excel .xls file is damaged or truncated (${what}); open it in Excel or LibreOffice and save it again, or use an earlier copy`);
  };
  if (buf.length < 512) damaged(`${buf.length} bytes, shorter than the 512-byte header`);
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) damaged(`sector size 2^${shift}, where the format allows 512 or 4,096 bytes`);
  const size = 1 << shift;
  const sectors = Math.floor((buf.length - size) / size) + ((buf.length - size) % size ? 1 : 0);
  const inFile = (sector: number) => sector >= 0 && sector < sectors;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const fatCount = buf.readUInt32LE(0x2c);
  const directory = buf.readUInt32LE(0x30);
  const miniFat = buf.readUInt32LE(0x3c);
  const difat = buf.readUInt32LE(0x44);
  const difatCount = buf.readUInt32LE(0x48);
  if (fatCount === 0 || fatCount > sectors) damaged(`its header lists ${fatCount.toLocaleString('en-GB')} allocation sectors in a file of ${sectors.toLocaleString('en-GB')}`);
  if (!inFile(directory)) damaged('its directory lies past the end of the file');
  if (miniFat !== END && miniFat !== FREE && !inFile(miniFat)) damaged('its small-stream table lies past the end of the file');
  if (difatCount > sectors || (difatCount > 0 && !inFile(difat))) damaged('its sector list runs past the end of the file');
  for (let i = 0; i < Math.min(fatCount, 109); i++) {
    const sector = buf.readUInt32LE(0x4c + i * 4);
    if (!inFile(sector)) damaged(`allocation sector ${i + 1} of ${fatCount} lies past the end of the file`);
  }
  void limits; // the file-size limit (checked before) is the bound on a .xls's cells
}
