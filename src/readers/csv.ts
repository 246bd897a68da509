import type { RawWorkbook, ReadNote } from './raw';
import { SheetCollector } from './cells';

const SEPARATORS: Record<number, number> = { 0x2c: 3, 0x09: 2, 0x3b: 1, 0x7c: 0 }; // , tab ; | with their tie-break weights

/**
 * CSV is read as text cells only: "31/08/2023" must stay day-first text for the model's UK date parser,
 * not be guessed as a US date. The bytes are walked once as they are read from the disk (separators,
 * quotes and line ends are ASCII, which UTF-8 never uses inside a character) and each cell is decoded on
 * its own into the sheet's compact store, so neither the whole file nor a copy of it as text is ever held:
 * only the piece being read and the cell that runs on past its end. The rules are SheetJS's (a `sep=`
 * first line, the separator guessed from the first 1,024 characters), which the CSV reader used.
 */
export class CsvReader {
  private readonly notes: ReadNote[] = [];
  private readonly out: SheetCollector;
  private sep = 0x2c;
  private started = false;
  /**
   * Bytes read and not yet made into cells (the cell in progress, then the piece just pushed), at the
   * front of a buffer that grows by doubling: a cell that runs on through many pieces is copied about
   * once, not again with every piece.
   */
  private held: Buffer = Buffer.alloc(0);
  private heldLength = 0;
  /** Where scanning resumes in the held bytes, and whether it is inside quotes there. */
  private at = 0;
  private inQuotes = false;
  private row = 0;
  private col = 0;

  constructor(private readonly file: string) {
    this.out = new SheetCollector(csvSheetName(file), { notes: this.notes });
  }

  /** The next piece of the file; the first must hold its first 4,096 bytes unless it is the whole file. */
  push(piece: Uint8Array): void {
    let next = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (!this.started) {
      this.started = true;
      next = this.opening(next);
      this.out.startRow(0, false);
    }
    // A piece that starts a cell is scanned where it lies; only what it leaves unfinished is kept.
    const fromHeld = this.heldLength > 0;
    if (fromHeld) this.append(next);
    const buf = fromHeld ? this.held.subarray(0, this.heldLength) : next;
    const start = this.scan(buf, false);
    if (fromHeld) {
      this.held.copyWithin(0, start, this.heldLength);
      this.heldLength -= start;
    } else this.append(buf.subarray(start));
  }

  finish(): RawWorkbook {
    if (!this.started) this.push(Buffer.alloc(0));
    const buf = this.held.subarray(0, this.heldLength);
    const start = this.scan(buf, true);
    if (start < buf.length) this.finishCell(buf, start, buf.length, undefined);
    else this.out.endRow();
    return { file: this.file, sheets: [this.out.finish([])], ...(this.notes.length ? { notes: this.notes } : {}) };
  }

  private append(bytes: Buffer): void {
    const needed = this.heldLength + bytes.length;
    if (needed > this.held.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.held.length * 2));
      this.held.copy(grown, 0, 0, this.heldLength);
      this.held = grown;
    }
    bytes.copy(this.held, this.heldLength);
    this.heldLength = needed;
  }

  /** A byte-order mark and a `sep=` line are taken off; otherwise the separator is guessed from the start. */
  private opening(buf: Buffer): Buffer {
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    if (buf.toString('latin1', 0, 4) === 'sep=' && (buf[5] === 0x0d || buf[5] === 0x0a)) {
      this.sep = buf[4]!;
      return buf.subarray(buf[5] === 0x0d && buf[6] === 0x0a ? 7 : 6);
    }
    this.sep = guessSeparator(buf.toString('utf8', 0, 4096).slice(0, 1024));
    return buf;
  }

  /** Cells up to the last separator or line end in `buf`; returns where the unfinished rest starts. */
  private scan(buf: Buffer, last: boolean): number {
    const sep = this.sep;
    let start = 0;
    let quoted = buf[0] === 0x22;
    let end = this.at;
    for (; end < buf.length; end++) {
      const b = buf[end];
      if (b === 0x22) {
        if (quoted) this.inQuotes = !this.inQuotes;
        continue;
      }
      if (this.inQuotes || (b !== sep && b !== 0x0a && b !== 0x0d)) continue;
      // A CR at the end of a piece may be the first half of CRLF: decided when the next piece comes.
      if (b === 0x0d && end + 1 === buf.length && !last) break;
      const stop = end;
      if (b === 0x0d && buf[end + 1] === 0x0a) end++;
      this.finishCell(buf, start, stop, b === 0x0d ? 0x0a : b);
      start = end + 1;
      quoted = buf[start] === 0x22;
    }
    this.at = end - start;
    return start;
  }

  private finishCell(buf: Buffer, start: number, end: number, byte: number | undefined): void {
    const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end;
    if (stop > start) {
      // Quotes taken off the bytes, not the string: a slice of the decoded text would be a view that keeps
      // the whole quoted string alive beside it for as long as the plan holds the value.
      // (A lone '"' starts and ends with a quote too: it reads as "", as it always has.)
      const quotedCell = buf[start] === 0x22 && buf[stop - 1] === 0x22;
      let text = quotedCell ? buf.toString('utf8', start + 1, Math.max(start + 1, stop - 1)) : buf.toString('utf8', start, stop);
      if (quotedCell && text.includes('""')) text = text.replace(/""/g, '"');
      this.out.add(this.col, undefined, { t: 's', v: text });
    }
    if (byte === this.sep) this.col++;
    else {
      this.out.endRow();
      this.col = 0;
      this.out.startRow(++this.row, false);
    }
  }
}

/** A whole CSV file's bytes as a workbook. */
export function readCsv(bytes: Uint8Array, file: string): RawWorkbook {
  const reader = new CsvReader(file);
  reader.push(bytes);
  return reader.finish();
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
