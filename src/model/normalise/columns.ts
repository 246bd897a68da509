import type { Grid } from './grid';

export type ColumnRole = 'ref' | 'section' | 'theme' | 'action' | 'due' | 'lead' | 'status' | 'progress' | 'percent';

/** Header words councils use for each column meaning (lower case, punctuation stripped). */
const SYNONYMS: Record<ColumnRole, RegExp> = {
  ref: /^(ref|reference|ref no|no|number|id|action ref|action no|action id|rec no)$/,
  section: /^(section|priority area|area|domain|workstream|strand)$/,
  theme: /^(theme|priority|objective|sub theme|outcome|recommendation area|focus|strategic aim|strategic priority|aim)$/,
  action: /^(actions?|what we (will|are going to) do|what are we going to do|action description|task|activity|recommendations?|description)$/,
  due: /^(by when|target date|due|due date|deadline|timescale|date|completion date|target)$/,
  lead: /^(lead|leads|responsible officer|responsible|owner|lead officer|accountable officer|officer)$/,
  status: /^(brag|rag|status|brag status|rag status|rag rating|brag rating|progress rating)$/,
  progress: /^(progress|progress update|latest update|update|comments?|commentary|notes?|evidence|position)$/,
  percent: /^(% complete|percent complete|percentage complete|complete %)$/,
};

export const normaliseHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();

export function roleOf(text: string): ColumnRole | undefined {
  const t = normaliseHeader(text);
  if (!t) return undefined;
  return (Object.keys(SYNONYMS) as ColumnRole[]).find((role) => SYNONYMS[role].test(t));
}

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface HeaderRow {
  row: number;
  columns: ColumnMap;
}

/** A header row names an action column and at least two other known meanings. */
export function columnsOfRow(grid: Grid, r: number): ColumnMap | undefined {
  const cols: ColumnMap = {};
  const row = grid.sheet.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    if (grid.isContinuation(r, c)) continue;
    const role = roleOf(row[c]?.text ?? '');
    if (role && cols[role] === undefined) cols[role] = c;
  }
  const known = Object.keys(cols).length;
  return cols.action !== undefined && known >= 3 ? cols : undefined;
}

export function findHeaderRow(grid: Grid): HeaderRow | undefined {
  for (let r = 0; r < grid.rowCount; r++) {
    const columns = columnsOfRow(grid, r);
    if (columns) return { row: r, columns };
  }
  return undefined;
}

/** True when row r repeats the header (seed 001 repeats it before every theme). */
export function isRepeatedHeader(grid: Grid, r: number, header: HeaderRow): boolean {
  const cols = columnsOfRow(grid, r);
  return cols !== undefined && cols.action === header.columns.action;
}
