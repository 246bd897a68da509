import type { Grid } from './grid';

export type ColumnRole = 'ref' | 'section' | 'theme' | 'action' | 'due' | 'lead' | 'status' | 'progress' | 'percent';

/** Header words councils use for each column meaning (lower case, punctuation stripped). */
const SYNONYMS: Record<ColumnRole, RegExp> = {
  ref: /^(ref|reference|ref no|ref number|reference number|no|number|id|action ref|action no|action number|action id|rec no)$/,
  section: /^(section|priority area|area|domain|strand|outcome area)$/,
  theme: /^(theme|priority|objective|sub theme|outcome|recommendation area|focus|strategic aim|strategic priority|aim|workstream|work stream)$/,
  action: /^(actions?|what we (will|are going to) do|what will we do|what are we going to do|action description|actions? required|key actions?|planned actions?|task|activity|activities|recommendations?|description)$/,
  due: /^(by when|target date|target completion date|due|due date|due by|date due|deadline|timescales?|date|completion date|target|end date)$/,
  lead: /^(lead|leads|lead s|responsible officers?|responsible officer s|responsible|responsible person|owners?|action owner|lead officers?|lead officer s|accountable officer|officer)$/,
  status: /^(brag|rag|status|rating|current status|current rating|brag status|rag status|current rag|overall rag|rag rating|brag rating|progress rating|delivery status|status rating)$/,
  progress: /^(progress|progress update|progress to date|latest progress|latest update|update|updates|comments?|commentary|progress commentary|notes?|progress notes?|evidence|position|latest position|current position|position statement)$/,
  percent: /^(% complete|percent complete|percentage complete|complete %)$/,
};

export const normaliseHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();

/** Header cells are a few words; anything longer (an action's text) is never a header, whatever it says. */
const LONGEST_HEADER = 60;

export function roleOf(text: string): ColumnRole | undefined {
  if (text.length > LONGEST_HEADER) return undefined;
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
  const groups: number[] = [];
  for (let c = 0; c < row.length; c++) {
    if (grid.isContinuation(r, c)) continue;
    const role = roleOf(row[c]?.text ?? '');
    if (role === 'section' || role === 'theme') groups.push(c);
    else if (role && cols[role] === undefined) cols[role] = c;
  }
  // Grouping columns by position: with two ("Priority area | Theme", "Outcome | Workstream") the left one is
  // the section and the right one the theme; with one, its own word decides.
  const [g0, g1] = groups;
  if (g0 !== undefined && g1 !== undefined) [cols.section, cols.theme] = [g0, g1];
  else if (g0 !== undefined) cols[roleOf(row[g0]!.text)!] = g0;
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
  // Asked of every row: the action column must read as the action header before the whole row is looked at.
  if (roleOf(grid.sheet.rows[r]?.[header.columns.action!]?.text ?? '') !== 'action') return false;
  const cols = columnsOfRow(grid, r);
  return cols !== undefined && cols.action === header.columns.action;
}
