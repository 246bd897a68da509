import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic, error, warning } from '../../diagnostics/diagnostic';
import type { Action, Legend, Plan } from '../plan';
import type { RawCell } from '../../readers/raw';
import { cellKey, Grid } from './grid';
import { type HeaderRow, isRepeatedHeader } from './columns';
import { PlanBuilder } from './plan-builder';
import {
  impactKind, isAim, isImpactHeading, isNote, leadingId, parseSectionHeading, parseThemeHeading, splitMeasures,
  strategicLeadText, type ImpactKind,
} from './band-text';
import { splitLeads } from './leads';
import { parseDueDate } from './due-date';
import { matchStatus } from './status';

export interface WalkContext {
  grid: Grid;
  header: HeaderRow;
  legend: Legend;
  /** The status key's rows above the table: read already, not plan rows. */
  keyRows?: { from: number; to: number } | undefined;
  file: string;
  title: string;
  period?: Plan['period'];
  diagnostics: Diagnostic[];
  /**
   * Let each row go once walked (rows are only ever looked at from above): readPlan's own workbook, read
   * for this walk alone, then never holds a 200,000-row sheet's row views beside the finished plan.
   */
  consume?: boolean | undefined;
}

/** Reads every row under the header into sections, themes, actions and impact measures. */
export class TableWalker {
  private readonly b: PlanBuilder;
  private mode: 'table' | 'impact' = 'table';
  private impact: ImpactKind | undefined;

  constructor(private readonly ctx: WalkContext) {
    this.b = new PlanBuilder(ctx.title);
  }

  /** `from` is the first row after the title and key block: section bands may come before the first header. */
  walk(from: number): PlanBuilder {
    const rows = this.ctx.grid.sheet.rows as ((RawCell | undefined)[] | undefined)[];
    for (let r = from; r < this.ctx.grid.rowCount; r++) {
      this.row(r);
      if (this.ctx.consume) rows[r] = undefined;
    }
    return this.b;
  }

  private place(cell: RawCell | undefined) {
    return { file: this.ctx.file, sheet: this.ctx.grid.sheet.name, cell: cell?.address };
  }

  /** Where a column's cell is on row r, even when the cell is empty. */
  private placeOf(r: number, role: keyof HeaderRow['columns']) {
    const c = this.ctx.header.columns[role];
    return { file: this.ctx.file, sheet: this.ctx.grid.sheet.name, cell: c === undefined ? undefined : Grid.addressOf(r, c) };
  }

  private col(r: number, role: keyof HeaderRow['columns']): RawCell | undefined {
    const c = this.ctx.header.columns[role];
    return c === undefined ? undefined : this.ctx.grid.cell(r, c);
  }

  private row(r: number): void {
    const { grid, header } = this.ctx;
    const texts = grid.distinctTexts(r);
    if (texts.length === 0) return;
    const key = this.ctx.keyRows;
    if (key && r >= key.from && r <= key.to) return;
    this.reportFormulaErrors(r);
    if (isRepeatedHeader(grid, r, header)) {
      this.mode = 'table';
      return;
    }
    // "Last updated: 31/03/2024", "Prepared by …", "Note: …" above, between or below tables: never actions.
    // A row with an action's worth of cells (ref, text, lead, date…) is never a note, whatever its first word.
    if (texts.length <= 2 && isNote(texts[0]!)) return this.note(r, texts);
    // Above the first header only bands that structure the plan count (seed 001 puts section A's there).
    if (r < header.row) {
      if (!((this.isStructureBand(texts) || this.isSectionByShape(r, texts)) && this.band(r, texts))) this.note(r, texts);
      return;
    }
    if (this.band(r, texts)) return;
    if (this.mode === 'impact' && this.impactRow(texts)) return;
    this.mode = 'table';
    this.dataRow(r);
  }

  private isStructureBand(texts: string[]): boolean {
    const t = texts.join(' – ');
    return Boolean(parseSectionHeading(t) || strategicLeadText(t) !== undefined || isAim(t) || isImpactHeading(t) || parseThemeHeading(t).number);
  }

  /**
   * A section band known by its shape, not by a letter code: a merged band over the table whose next rows
   * are the section's parts (its strategic lead or aim, theme bands, or actions that name their own theme
   * in the theme column), never a band followed straight by its actions (that is a theme). Plans whose
   * bands read "Quality of Practice" instead of "A. Quality of Practice" then keep their sections apart.
   */
  private isSectionByShape(r: number, texts: string[]): boolean {
    const { grid, header } = this.ctx;
    if (header.columns.section !== undefined || !grid.hasWideMerge(r) || texts.length !== 1) return false;
    const text = texts[0]!;
    if (isNote(text) || isImpactHeading(text) || isAim(text) || strategicLeadText(text) !== undefined) return false;
    const next = this.nextRow(r);
    if (next === undefined) return false;
    const nextTexts = grid.distinctTexts(next);
    const joined = nextTexts.join(' – ');
    if (strategicLeadText(nextTexts[0]!) !== undefined || isAim(joined)) return true;
    if (this.isBandShaped(next, nextTexts)) return !isImpactHeading(joined);
    const themeCol = header.columns.theme;
    if (themeCol === undefined) return false;
    const data = next === header.row || isRepeatedHeader(grid, next, header) ? this.nextRow(next) : next;
    const themed = data !== undefined && !grid.isContinuation(data, themeCol) && (grid.own(data, themeCol)?.text ?? '') !== '';
    // Above the table a merged line over themed rows may as well be a subtitle: a section only when the
    // table itself has bands of that shape further down.
    return themed && (r > header.row || this.hasLaterSectionBands());
  }

  private laterSectionBands: boolean | undefined;

  /** True when a band below the header is a section by its shape (asked once, for a band above the header). */
  private hasLaterSectionBands(): boolean {
    if (this.laterSectionBands === undefined) {
      this.laterSectionBands = false;
      for (let n = this.ctx.header.row + 1; n < this.ctx.grid.rowCount && !this.laterSectionBands; n++) {
        if (!this.ctx.grid.hasWideMerge(n)) continue;
        const texts = this.ctx.grid.distinctTexts(n);
        this.laterSectionBands = this.isBandShaped(n, texts) && this.isSectionByShape(n, texts);
      }
    }
    return this.laterSectionBands;
  }

  /** The next row holding any text, or undefined at the end of the sheet. */
  private nextRow(r: number): number | undefined {
    for (let n = r + 1; n < this.ctx.grid.rowCount; n++) if (this.ctx.grid.distinctTexts(n).length) return n;
    return undefined;
  }

  /** One text, merged across the table or left of the action column, with no action values: a band. */
  private isBandShaped(r: number, texts: string[]): boolean {
    const first = this.ctx.grid.usedCells(r)[0];
    if (!first || texts.length !== 1) return false;
    return (this.ctx.grid.hasWideMerge(r) || first.c < this.ctx.header.columns.action!) && !this.hasRowValues(r, first.c);
  }

  /** Every row that is not read as part of the plan is named, so nothing is dropped silently. */
  private note(r: number, texts: string[]): void {
    const first = this.ctx.grid.usedCells(r)[0];
    this.ctx.diagnostics.push(diagnostic('info', 'row-not-an-action', `row ${r + 1} is read as a note, not an action: "${clip(texts.join(' | '))}"`, this.place(first)));
  }

  private reportFormulaErrors(r: number): void {
    for (const cell of this.ctx.grid.usedCells(r))
      if (cell.type === 'error')
        this.ctx.diagnostics.push(error('formula-error', `formula error ${cell.text} in a used cell: expected a value, found ${cell.text}`, this.place(cell)));
  }

  /** A row with one text left of (or spanning) the action column: section, lead, aim, impact or theme band. */
  private band(r: number, texts: string[]): boolean {
    const { grid, header } = this.ctx;
    const first = grid.usedCells(r)[0];
    if (!first) return false;
    const actionCol = header.columns.action!;
    const inBandPosition = grid.hasWideMerge(r) || first.c < actionCol;
    const onlyOneText = texts.length === 1 || (texts.length === 2 && /^strategic lead|^aim\b/i.test(texts[0]!));
    if (!inBandPosition || !onlyOneText || this.hasRowValues(r, first.c)) return false;
    const text = texts.join(' – ');
    return this.classifyBand(text, first, r);
  }

  /** Data columns other than the band's own: when they hold values, the row is an action, not a band. */
  private hasRowValues(r: number, bandCol: number): boolean {
    const cols = this.ctx.header.columns;
    return [cols.action, cols.due, cols.lead, cols.status, cols.ref].some(
      (c) => c !== undefined && c !== bandCol && !this.ctx.grid.isContinuation(r, c) && (this.ctx.grid.own(r, c)?.text ?? '') !== '',
    );
  }

  private classifyBand(text: string, cell: RawCell, r: number): boolean {
    const b = this.b;
    if (isImpactHeading(text)) {
      this.mode = 'impact';
      this.impact = undefined;
      return true;
    }
    const section = parseSectionHeading(text) ?? (this.isSectionByShape(r, [text]) ? { code: undefined, title: text.trim() } : undefined);
    if (section && this.ctx.header.columns.section === undefined) {
      b.startSection(text, section.code, section.title, cell.address);
      this.mode = 'table';
      return true;
    }
    const lead = strategicLeadText(text);
    if (lead !== undefined) {
      (b.section ?? b.startSection('', undefined, this.ctx.title)).section.strategicLeads.push(...splitLeads(lead));
      return true;
    }
    if (isAim(text)) {
      (b.section ?? b.startSection('', undefined, this.ctx.title)).section.aim = text;
      return true;
    }
    if (this.mode === 'impact') return false;
    const themeCol = this.ctx.header.columns.theme;
    if (themeCol !== undefined && cell.c !== themeCol && !this.ctx.grid.hasWideMerge(r)) return false;
    const theme = parseThemeHeading(text);
    b.startTheme(text, theme.number, theme.title, cell.address);
    return true;
  }

  private impactRow(texts: string[]): boolean {
    const section = this.b.section;
    if (!section) return false;
    const kind = impactKind(texts[0]!);
    if (kind) {
      this.impact = kind;
      section.section.impact[kind].push(...texts.slice(1).flatMap(splitMeasures));
      return true;
    }
    if (this.impact) {
      section.section.impact[this.impact].push(...texts.flatMap(splitMeasures));
      return true;
    }
    return false;
  }

  private dataRow(r: number): void {
    this.sectionFromColumn(r);
    const newTheme = this.themeFromColumn(r);
    const actionCell = this.col(r, 'action');
    const refCell = this.col(r, 'ref');
    let text = this.ctx.grid.isContinuation(r, this.ctx.header.columns.action!) ? '' : (actionCell?.text ?? '');
    let id = refCell && !this.ctx.grid.isContinuation(r, refCell.c) ? refCell.text || undefined : undefined;
    if (!id && text) {
      const lead = leadingId(text);
      if (lead) [id, text] = [lead.id, lead.rest];
    }
    if (!text) return this.rowWithoutText(r, id);
    const b = this.b;
    if (!id && !newTheme && b.lastAction?.id) return this.subItem(r, text, actionCell);
    this.action(r, id, text, refCell?.text ? refCell : actionCell);
  }

  private sectionFromColumn(r: number): void {
    const cell = this.col(r, 'section');
    if (!cell?.text || cell.text === this.b.section?.raw) return;
    const heading = parseSectionHeading(cell.text) ?? { title: cell.text };
    this.b.startSection(cell.text, heading.code, heading.title, cell.address);
  }

  /** Returns true when this row starts a new theme. Blank or merged theme cells mean "same as above". */
  private themeFromColumn(r: number): boolean {
    const c = this.ctx.header.columns.theme;
    if (c === undefined || this.ctx.grid.isContinuation(r, c)) return false;
    const cell = this.ctx.grid.own(r, c);
    if (!cell?.text || cell.text === this.b.theme?.raw) return false;
    const theme = parseThemeHeading(cell.text);
    this.b.startTheme(cell.text, theme.number, theme.title, cell.address);
    return true;
  }

  private rowWithoutText(r: number, id: string | undefined): void {
    if (id) {
      this.ctx.diagnostics.push(error('action-id-without-text', `action ${id} has no action text: expected what will be done, found an empty cell`, this.placeOf(r, 'action')));
      return;
    }
    // A row holding only a lead continues the lead cell of the action above (seed 001, 15.2).
    const leadCell = this.col(r, 'lead');
    const last = this.b.lastAction;
    const onlyLead = this.ctx.grid.distinctTexts(r).length === 1 && leadCell?.text && !this.ctx.grid.isContinuation(r, leadCell.c);
    if (last && onlyLead) {
      // The action that read the lead cell owns the list and adds to it (so the actions after it inherit
      // the line too); one that inherited the list adds to a copy of its own.
      if (last.leadInherited) last.leads = [...last.leads, ...splitLeads(leadCell.text)];
      else last.leads.push(...splitLeads(leadCell.text));
      return;
    }
    const texts = this.ctx.grid.usedCells(r).filter((c) => !this.ctx.grid.isContinuation(r, c.c)).map((c) => `"${clip(c.text)}"`);
    if (texts.length)
      this.ctx.diagnostics.push(warning('row-not-an-action', `row ${r + 1} has no action text: expected what will be done in the action column, found ${texts.join(', ')}; the row is not read as an action`, this.placeOf(r, 'action')));
  }

  private subItem(r: number, text: string, cell: RawCell | undefined): void {
    const last = this.b.lastAction!;
    const leadCell = this.col(r, 'lead');
    const own = leadCell?.text && !this.ctx.grid.isContinuation(r, leadCell.c) ? splitLeads(leadCell.text) : [];
    if (last.subItems === NO_SUB_ITEMS) last.subItems = [];
    last.subItems.push({ text, due: this.due(r), leads: own, source: cell ? { sheet: this.ctx.grid.sheet.name, cell: cell.address } : undefined });
  }

  /** `idCell` is where the id was read (the Ref column, or the action text it starts). */
  private action(r: number, id: string | undefined, text: string, idCell: RawCell | undefined): void {
    const { grid } = this.ctx;
    if (id) this.checkDuplicate(id, idCell);
    const { leads, inherited } = this.leads(r, text);
    const status = this.status(r);
    const progress = this.col(r, 'progress')?.text || undefined;
    const percentComplete = percent(this.col(r, 'percent'));
    // Made in the schema's key order (checked-plan.ts keeps these objects, unparsed copies are not made),
    // absent fields left out as the object is made, never deleted after. Not one literal of spreads: V8
    // gave each such action a hidden class of its own, about 70 MB more for a 200,000-row plan.
    const due = this.due(r);
    // The usual action (id, status and progress) is one literal, its fields all held in the object itself.
    const source = { sheet: grid.sheet.name, row: r + 1 };
    if (id !== undefined && status !== undefined && progress !== undefined && percentComplete === undefined)
      return this.b.addAction({ id, text, due, leads, leadInherited: inherited, status, progress, subItems: NO_SUB_ITEMS, source });
    const action = (id !== undefined ? { id, text, due, leads, leadInherited: inherited } : { text, due, leads, leadInherited: inherited }) as Action;
    if (status !== undefined) action.status = status;
    if (progress !== undefined) action.progress = progress;
    if (percentComplete !== undefined) action.percentComplete = percentComplete;
    action.subItems = NO_SUB_ITEMS;
    action.source = source;
    this.b.addAction(action);
  }

  private checkDuplicate(id: string, cell: RawCell | undefined): void {
    const ids = this.b.ids;
    const first = ids.get(id);
    if (first !== undefined) {
      const at = first < 0 ? '?' : Grid.addressOfKey(first);
      this.ctx.diagnostics.push(error('duplicate-action-id', `action id ${id} is used twice: first at ${at}, again here`, this.place(cell)));
    } else ids.set(id, cell ? cellKey(cell.r, cell.c) : -1);
  }

  private leads(r: number, actionText: string): { leads: Action['leads']; inherited: boolean } {
    const cell = this.col(r, 'lead');
    const c = this.ctx.header.columns.lead;
    const text = cell && c !== undefined && !this.ctx.grid.isContinuation(r, c) ? cell.text : '';
    if (!text) {
      // The list of the action above itself, not a copy of it (a copy each is 20 MB on a 200,000-row plan):
      // nothing changes a plan's leads once read but rowWithoutText, which copies before it adds.
      // (Nothing to inherit gives a list of the action's own: only lists with leads are shared.)
      const inherited = this.b.lastLeads.length ? this.b.lastLeads : [];
      return { leads: inherited, inherited: inherited.length > 0 };
    }
    if (sameWords(text, actionText)) {
      this.ctx.diagnostics.push(warning('lead-repeats-action', `the lead cell repeats the action text: expected a role or a name, found "${clip(text)}"`, this.place(cell)));
      this.b.lastLeads = [];
      return { leads: [], inherited: false };
    }
    const leads = splitLeads(text);
    this.b.lastLeads = leads;
    return { leads, inherited: false };
  }

  private due(r: number): Action['due'] {
    const cell = this.col(r, 'due');
    const { due: parsed, understood } = parseDueDate(cell);
    const due = this.ordered(parsed, cell ? { sheet: this.ctx.grid.sheet.name, cell: cell.address } : undefined);
    if (!understood)
      this.ctx.diagnostics.push(warning('date-not-understood', `"${due.text}" is not a date we understand (e.g. 31/08/2023, August 2023, Q3 2023/24, 2024/25, Ongoing, TBC); the text is kept`, this.place(cell)));
    const p = this.ctx.period;
    if (p && due.date && (due.date > p.end || (due.start ?? due.date) < p.start))
      this.ctx.diagnostics.push(warning('due-outside-plan-period', `due date "${due.text}" is outside the plan's period (${p.start} to ${p.end})`, this.place(cell)));
    return due;
  }

  /** Dates repeat across a plan ("2024-03-31"): held once each. */
  private readonly days = new Map<string, string>();

  private day(iso: string): string {
    const known = this.days.get(iso);
    if (known !== undefined) return known;
    this.days.set(iso, iso);
    return iso;
  }

  /** The due date in the schema's key order (text, precision, date, start, source), dates held once. */
  private ordered(parsed: Action['due'], source: Action['due']['source']): Action['due'] {
    const { text, precision, date, start } = parsed;
    if (source !== undefined && date !== undefined) {
      // As one literal where it can be: its fields held in the object, not in a second array beside it.
      if (start !== undefined) return { text, precision, date: this.day(date), start: this.day(start), source };
      return { text, precision, date: this.day(date), source };
    }
    const due: Action['due'] = date !== undefined ? { text, precision, date: this.day(date) } : { text, precision };
    if (start !== undefined) due.start = this.day(start);
    if (source !== undefined) due.source = source;
    return due;
  }

  private status(r: number): Action['status'] {
    const c = this.ctx.header.columns.status;
    if (c === undefined) return undefined;
    const cell = this.ctx.grid.own(r, c);
    const match = matchStatus(cell, this.ctx.legend);
    if (!match) return undefined;
    if ('unknown' in match) {
      const labels = this.ctx.legend.entries.map((e) => e.label).join(', ');
      const nearest = match.nearest
        ? `; nearest: "${match.nearest.label}" (${match.nearest.meaning}). Write the key's word, or list "${match.unknown}" under aliases of "${match.nearest.label}" in the settings' legend:`
        : '';
      this.ctx.diagnostics.push(error('unknown-status', `"${match.unknown}" is not in this plan's legend (${labels})${nearest}`, this.place(cell)));
      return undefined;
    }
    if (match.fillSays)
      this.ctx.diagnostics.push(warning('status-fill-contradicts', `"${match.text}" is filled ${cell!.fill} like "${match.fillSays.label}": expected the key's colour for "${match.entry.label}" (${match.entry.colour}); the word is used`, this.place(cell)));
    return { label: match.entry.label, text: match.text, source: { sheet: this.ctx.grid.sheet.name, cell: cell!.address } };
  }
}

/**
 * The sub-items of every action that has none: one list, frozen (adding to it throws rather than reaching
 * every action), where an empty list each cost 6 MB on a 200,000-row plan. subItem() gives an action a list
 * of its own before adding.
 */
const NO_SUB_ITEMS = Object.freeze([]) as unknown as Action['subItems'];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const sameWords = (a: string, b: string) => norm(a).length > 10 && norm(a) === norm(b);
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function percent(cell: RawCell | undefined): number | undefined {
  if (!cell) return undefined;
  if (typeof cell.value === 'number') return cell.value <= 1 && cell.text.includes('%') ? cell.value * 100 : cell.value;
  const m = cell.text.match(/^(\d{1,3})\s*%?$/);
  return m ? Number(m[1]) : undefined;
}
