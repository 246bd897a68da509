import { BORDER, CELL_MARGIN } from './formats';
import type { RowItem, TableItem } from './items';
import type { PageCursor } from './page-cursor';
import { placeLine } from './place-para';

const RULE_COLOUR = '#808080';

/**
 * Places a table: moved whole to the next page when its first row does not fit, rows kept whole, the header
 * row repeated at the top of every page it continues on.
 */
export function placeTable(cur: PageCursor, item: TableItem): void {
  let gap = cur.gapBefore(item);
  const headerHeight = item.header?.height ?? 0;
  const first = item.rows[0]?.height ?? 0;
  if (!cur.empty && cur.y + gap + BORDER + headerHeight + first > cur.bottom) {
    cur.newPage();
    gap = 0;
  }
  cur.y += gap;
  let repeat = false;
  const startRows = () => {
    rule(cur, cur.left, cur.y, item.width);
    cur.y += BORDER;
    if (item.header) {
      placeRow(cur, item.header, repeat);
      repeat = true;
    }
  };
  startRows();
  for (const row of item.rows) {
    const atTableTop = cur.y - cur.top <= BORDER + headerHeight + 1e-6;
    if (cur.y + row.height > cur.bottom && !atTableTop) {
      cur.newPage();
      startRows();
    }
    // A row taller than a whole page cannot keep together: it continues on the next page, as in Word.
    let from = 0;
    while (from >= 0) {
      from = placeRow(cur, row, false, from);
      if (from >= 0) {
        cur.newPage();
        startRows();
      }
    }
  }
  cur.prevAfter = 0;
  cur.empty = false;
}

/**
 * A row (from line `from` of each cell): fills, text, then its borders. A repeated header row is an artifact:
 * the real one is on the first page. Returns the line to continue from on the next page, or -1 when done.
 */
function placeRow(cur: PageCursor, row: RowItem, artifact: boolean, from = 0): number {
  const top = cur.y;
  const left = cur.left;
  const lineRoom = cur.bottom - top - BORDER;
  const rest = Math.max(...row.cells.map((c) => (c.para.lines.length - from) * c.para.box.height)) + BORDER;
  const fits = from === 0 ? row.height <= cur.bottom - top + 1e-6 : rest <= cur.bottom - top + 1e-6;
  let next = -1;
  let used = 0;
  for (const cell of row.cells) {
    const p = cell.para;
    const room = fits ? p.lines.length - from : Math.max(1, Math.floor((lineRoom + 1e-6) / p.box.height));
    const last = Math.min(p.lines.length, from + room);
    if (last < p.lines.length) next = Math.max(next, last);
    used = Math.max(used, (last - from) * p.box.height);
  }
  const height = fits ? (from === 0 ? row.height - BORDER : rest - BORDER) : used;
  for (const cell of row.cells) {
    if (cell.fill) cur.push({ kind: 'rect', x: left + cell.x, y: top, width: cell.width, height, fill: cell.fill });
    const p = cell.para;
    const last = Math.min(p.lines.length, from + Math.floor((height + 1e-6) / p.box.height));
    for (let k = from; k < last; k++) placeLine(cur, p, k, left + cell.x + CELL_MARGIN, top + (k - from) * p.box.height, artifact);
  }
  const width = row.cells.reduce((a, c) => a + c.width, 0);
  rule(cur, left, top + height, width);
  for (const cell of row.cells) cur.push({ kind: 'rect', x: left + cell.x, y: top - BORDER, width: 0, height: height + 2 * BORDER, stroke: RULE_COLOUR, lineWidth: BORDER });
  cur.push({ kind: 'rect', x: left + width, y: top - BORDER, width: 0, height: height + 2 * BORDER, stroke: RULE_COLOUR, lineWidth: BORDER });
  cur.y = top + height + BORDER;
  cur.empty = false;
  return next;
}

function rule(cur: PageCursor, x: number, y: number, width: number): void {
  cur.push({ kind: 'rect', x, y: y + BORDER / 2, width, height: 0, stroke: RULE_COLOUR, lineWidth: BORDER });
}
