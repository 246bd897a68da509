import type { Diagnostic } from '../diagnostics/diagnostic';
import { error, warning } from '../diagnostics/diagnostic';
import type { Plan } from './plan';
import type { RawWorkbook } from '../readers/raw';
import { readWorkbook, type ReadWorkbookOptions } from '../readers/read-workbook';
import { readExtras } from './extras';
import { Grid } from './normalise/grid';
import { findHeaderRow, type HeaderRow } from './normalise/columns';
import { findLegend, type LegendSetting } from './normalise/legend';
import { periodFromTitle } from './normalise/period';
import { isNote, parseSectionHeading } from './normalise/band-text';
import { TableWalker } from './normalise/table-walker';
import type { PlanBuilder } from './normalise/plan-builder';
import { checkedPlan } from './checked-plan';
import { describeRemoved } from '../text/xml-chars';
import { readLimitsFromSettings } from '../io/read-limits';
import type { LimitsSettings } from '../config/schema';

export interface ReadPlanOptions extends ReadWorkbookOptions {
  /** Only look for the plan table on this sheet. */
  sheet?: string | undefined;
  /** The plan's period when its title does not say (yyyy-mm-dd). */
  period?: { start: string; end: string };
  /** The council's own status facts (settings `legend:`): words, colours, ranks, complete, aliases. */
  legend?: readonly LegendSetting[] | undefined;
}

export interface ReadPlanResult {
  /** Absent only when no plan table was found (an error diagnostic says what was found instead). */
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/** The read options the settings give: limits (`limits:`) and whether hidden sheets and rows are read. */
export function readSettings(config: { limits: LimitsSettings; workbooks: { includeHidden: boolean } }): Pick<ReadPlanOptions, 'limits' | 'includeHidden'> {
  return { limits: readLimitsFromSettings(config.limits), includeHidden: config.workbooks.includeHidden };
}

/** Reads a workbook (path or bytes) into the typed Plan. Unreadable input throws UnreadableInputError. */
export function readPlan(input: string | Uint8Array, options: ReadPlanOptions = {}): ReadPlanResult {
  const workbook = readWorkbook(input, options);
  // The workbook is this call's alone: its plan sheet's rows are let go as they are walked.
  return checkedPlan(normalisePlan(workbook, options, true), workbook.file);
}

/**
 * Rows to model: never throws on bad data; every problem is a diagnostic with its cell. `consume` lets the
 * plan sheet's rows go as they are read (the workbook is not to be read again after).
 */
export function normalisePlan(workbook: RawWorkbook, options: ReadPlanOptions = {}, consume = false): ReadPlanResult {
  const extras = readExtras(workbook.sheets, workbook.file);
  const candidates = workbook.sheets.filter((s) => !extras.sheetsUsed.includes(s.name) && (!options.sheet || s.name === options.sheet));
  const found = candidates.map((s) => ({ grid: new Grid(s), header: undefined as HeaderRow | undefined }));
  const table = found.find((f) => (f.header = findHeaderRow(f.grid)) !== undefined);
  if (!table?.header) {
    return { diagnostics: [...readNotes(workbook), ...extras.diagnostics, noPlanTable(workbook, candidates.map((s) => new Grid(s)))] };
  }
  const { header } = table;
  // A key beside the table is taken out of the grid so its rows are not read as parts of actions.
  const { legend, keyRows, grid, diagnostics: legendDiagnostics } = findLegend(table.grid, header.row, workbook, options.legend);
  const titled = planTitle(grid, header.row);
  const title = titled?.text ?? workbook.file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  const firstRow = Math.min((titled?.row ?? -1) + 1, header.row);
  const period = options.period ?? periodFromTitle(title);
  const diagnostics: Diagnostic[] = [...legendDiagnostics];
  const built = new TableWalker({ grid, header, legend, keyRows, file: workbook.file, title, period, diagnostics, consume }).walk(firstRow);
  diagnostics.push(...emptinessWarnings(built, workbook.file, grid.sheet.name));
  const plan: Plan = {
    title,
    ...(period ? { period } : {}),
    legend,
    sections: built.sections.map((s) => s.section),
    kpis: extras.kpis,
    risks: extras.risks,
    ...(extras.finance ? { finance: extras.finance } : {}),
    source: { file: workbook.file, sheet: grid.sheet.name, headerRow: header.row + 1 },
  };
  return { plan, diagnostics: [...readNotes(workbook), ...extras.diagnostics, ...diagnostics] };
}

/** What the reader left out or changed, as warnings, so nothing is dropped silently. */
function readNotes(workbook: RawWorkbook): Diagnostic[] {
  const file = workbook.file;
  const include = 'workbooks.includeHidden: true in the settings file includes them';
  return (workbook.notes ?? []).map((n) => {
    switch (n.kind) {
      case 'hidden-sheet':
        return warning('hidden-sheet', `sheet "${n.sheet}" is hidden in Excel and was left out (${include})`, { file, sheet: n.sheet });
      case 'hidden-rows':
        return warning('hidden-rows', `${n.rows.length === 1 ? 'row' : 'rows'} ${rowList(n.rows)} ${n.rows.length === 1 ? 'is' : 'are'} hidden in Excel and left out (${include})`, { file, sheet: n.sheet });
      case 'hidden-columns':
        return warning('hidden-columns', `${n.columns.length === 1 ? 'column' : 'columns'} ${n.columns.join(', ')} ${n.columns.length === 1 ? 'is' : 'are'} hidden in Excel and left out (${include})`, { file, sheet: n.sheet });
      case 'invalid-characters':
        return warning('invalid-characters', `${describeRemoved(n.removed)} from the cell's text`, { file, sheet: n.sheet, cell: n.cell });
    }
  });
}

/** "5, 7-9, 12": hidden rows usually come in runs. */
function rowList(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** The first text above the table: the plan's title. */
function planTitle(grid: Grid, headerRow: number): { text: string; row: number } | undefined {
  for (let r = 0; r < headerRow; r++) {
    const [first] = grid.distinctTexts(r);
    if (first && parseSectionHeading(first)) return undefined;
    // "Last updated: …" above an untitled table is a note, not the plan's title.
    if (first && first.length > 3 && !isNote(first)) return { text: first, row: r };
  }
  return undefined;
}

function noPlanTable(workbook: RawWorkbook, grids: Grid[]): Diagnostic {
  const seen = grids
    .map((g) => {
      for (let r = 0; r < Math.min(g.rowCount, 50); r++) {
        const texts = g.distinctTexts(r);
        if (texts.length >= 2) return `${texts.slice(0, 8).join(', ')} (${g.sheet.name} row ${r + 1})`;
      }
      return undefined;
    })
    .filter(Boolean);
  const found = seen.length ? `found instead: ${seen.join('; ')}` : 'found no header row at all';
  return error(
    'no-plan-table',
    `no plan table found: expected a header row with an action column (Action / What we will do) and at least two of Ref, Theme, By when, Lead, Status, Progress; ${found}`,
    { file: workbook.file, sheet: grids[0]?.sheet.name },
  );
}

function emptinessWarnings(built: PlanBuilder, file: string, sheet: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of built.sections) {
    const actions = s.themes.reduce((n, t) => n + t.theme.actions.length, 0);
    if (actions === 0 && s.raw)
      out.push(warning('empty-section', `section "${s.raw}" has no actions`, { file, sheet, cell: s.cell }));
    for (const t of s.themes)
      if (t.theme.actions.length === 0 && t.raw)
        out.push(warning('empty-theme', `theme "${t.raw}" has no actions`, { file, sheet, cell: t.cell }));
  }
  return out;
}
