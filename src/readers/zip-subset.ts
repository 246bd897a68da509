import type { ZipEntryInfo } from './zip-guard';

/**
 * A copy of a (checked) zip archive holding only some of its entries, their compressed bytes copied as
 * they are. The fast .xlsx reader hands SheetJS the workbook without its worksheets and shared strings,
 * which it reads itself, so SheetJS never inflates the 60 MB of a big sheet.
 */
export function zipSubset(buf: Buffer, entries: ZipEntryInfo[], keep: (name: string) => boolean): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const e of entries) {
    if (!keep(e.name)) continue;
    const p = e.localOffset;
    const headerLength = 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const local = Buffer.from(buf.subarray(p, p + headerLength + e.compressedSize));
    // Sizes and CRC may live in a data descriptor after the data (flag bit 3): put them in the header.
    local.writeUInt16LE(local.readUInt16LE(6) & ~0x8, 6);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    const name = Buffer.from(e.name, 'utf8');
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.compressedSize, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local);
    central.push(dir, name);
    offset += local.length;
    count++;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
