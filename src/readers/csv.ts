import type { RawWorkbook, ReadNote } from './raw';
import { SheetCollector } from './cells';

const SEPARATORS: Record<number, number> = { 0x2c: 3, 0x09: 2, 0x3b: 1, 0x7c: 0 }; // , tab ; | with their tie-break weights

/**
 * CSV is read as text cells only: "31/08/2023" must stay day-first text for the model's UK date parser,
 * not be guessed as a US date. The bytes are walked once (separators, quotes and line ends are ASCII, which
 * UTF-8 never uses inside a character) and each cell is decoded on its own into the sheet's compact store,
 * so no copy of the whole file as text and no object per cell is ever made. The rules are SheetJS's
 * (a `sep=` first line, the separator guessed from the first 1,024 characters), which the CSV reader used.
 */
export function readCsv(bytes: Uint8Array, file: string): RawWorkbook {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  let sep: number;
  if (buf.toString('latin1', 0, 4) === 'sep=' && (buf[5] === 0x0d || buf[5] === 0x0a)) {
    sep = buf[4]!;
    buf = buf.subarray(buf[5] === 0x0d && buf[6] === 0x0a ? 7 : 6);
  } else sep = guessSeparator(buf.toString('utf8', 0, 4096).slice(0, 1024));
  const notes: ReadNote[] = [];
  const out = new SheetCollector(csvSheetName(file), { notes });
  let row = 0;
  let col = 0;
  let start = 0;
  let inQuotes = false;
  let quoted = buf[0] === 0x22;
  out.startRow(0, false);
  const finishCell = (end: number, byte: number | undefined) => {
    const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end;
    if (stop > start) {
      // Quotes taken off the bytes, not the string: a slice of the decoded text would be a view that keeps
      // the whole quoted string alive beside it for as long as the plan holds the value.
      // (A lone '"' starts and ends with a quote too: it reads as "", as it always has.)
      const quotedCell = buf[start] === 0x22 && buf[stop - 1] === 0x22;
      let text = quotedCell ? buf.toString('utf8', start + 1, Math.max(start + 1, stop - 1)) : buf.toString('utf8', start, stop);
      if (quotedCell && text.includes('""')) text = text.replace(/""/g, '"');
      out.add(col, undefined, { t: 's', v: text });
    }
    if (byte === sep) col++;
    else {
      out.endRow();
      col = 0;
      out.startRow(++row, false);
    }
  };
  let end = 0;
  for (; end < buf.length; end++) {
    const b = buf[end];
    if (b === 0x22) {
      if (quoted) inQuotes = !inQuotes;
      continue;
    }
    if (inQuotes || (b !== sep && b !== 0x0a && b !== 0x0d)) continue;
    const at = end;
    if (b === 0x0d && buf[end + 1] === 0x0a) end++;
    finishCell(at, b === 0x0d ? 0x0a : b);
    start = end + 1;
    quoted = buf[start] === 0x22;
  }
  if (end > start) finishCell(end, undefined);
  else out.endRow();
  return { file, sheets: [out.finish([])], ...(notes.length ? { notes } : {}) };
}

function guessSeparator(head: string): number {
  const counts = new Map<number, number>();
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const cc = head.charCodeAt(i);
    if (cc === 0x22) inQuotes = !inQuotes;
    else if (!inQuotes && cc in SEPARATORS) counts.set(cc, (counts.get(cc) ?? 0) + 1);
  }
  let best = 0x2c;
  let bestCount = -1;
  for (const [cc, n] of counts)
    if (n > bestCount || (n === bestCount && SEPARATORS[cc]! > SEPARATORS[best]!)) {
      best = cc;
      bestCount = n;
    }
  return best;
}

function csvSheetName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '') || 'Sheet1';
}
