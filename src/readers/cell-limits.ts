/**
 * How many cells one workbook may hold. Plans are thousands of rows; ten million cells (a million-row,
 * ten-column sheet) is far past any plan and still fits the reader's memory (about 25 bytes a cell in
 * sheet-store.ts). Counted as cells are stored, and for .ods estimated before the parser expands a cell
 * that says it repeats across 16,384 columns and a million rows.
 */
export const MAX_CELLS = 10_000_000;

export class TooManyCellsError extends Error {
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" holds more than ${MAX_CELLS.toLocaleString('en-GB')} cells`);
  }
}

export const tooManyCellsMessage = (sheet: string) =>
  `sheet "${sheet}" holds more than ${MAX_CELLS.toLocaleString('en-GB')} cells, far more than any plan; refused before reading it all (save the plan's sheets in a workbook of their own)`;

/**
 * The cells an OpenDocument content.xml expands to: each row's non-empty cells times their
 * number-columns-repeated, times the row's number-rows-repeated. Empty repeated cells (how LibreOffice pads a
 * row to column AMJ) are not counted; the parser does not store them.
 */
export function odsCellCount(xml: Buffer): { cells: number; sheet: string } {
  const text = xml.toString('latin1');
  let cells = 0;
  let sheet = '';
  const tags = /<table:(table-row|table-cell|covered-table-cell|table)\b([^>]*?)(\/?)>/g;
  let rowRepeat = 1;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    const [, kind, attrs = '', selfClosing] = m;
    if (kind === 'table') sheet = /table:name="([^"]*)"/.exec(attrs)?.[1] ?? sheet;
    else if (kind === 'table-row') rowRepeat = Number(/number-rows-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
    else {
      // A self-closing cell without a value is empty padding.
      if (selfClosing && !/office:value|table:formula/.test(attrs)) continue;
      const colRepeat = Number(/number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      cells += colRepeat * rowRepeat;
      if (cells > MAX_CELLS) return { cells, sheet };
    }
  }
  return { cells, sheet };
}
