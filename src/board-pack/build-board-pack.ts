import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'date-fns/format';
import type { Config } from '../config/schema';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { UnreadableInputError, error } from '../diagnostics/diagnostic';
import { readPlan, readSettings } from '../model/read-plan';
import { workbooksIn } from '../readers/workbook-files';
import type { Format } from '../pipeline/render-document';
import { sourceDate } from '../io/source-date';
import { resolveHouseSettings } from '../render/house-style';
import { brandColourWarnings } from '../render/style';
import { OutputSet } from '../pipeline/output-set';
import { boardPackDocument, type PackInput, type PackPlan } from './pack-layout';
import { monthEnd, previousMonth, resolveMonth } from './month';
import { readSnapshot, writeSnapshot } from './snapshots';

export interface BoardPackOptions {
  /** "2024-03", or "auto" for the month that ended most recently before `today`. */
  month: string;
  /** Plan workbooks; default: the workbooks for the month in config.boardPack.planFolders. */
  plans?: string[] | undefined;
  config: Config;
  /** Output root (default "output"). */
  outDir?: string | undefined;
  /** Today's date (yyyy-mm-dd), for --month auto; injected so runs are reproducible. */
  today?: string | undefined;
  formats?: Format[];
  cwd?: string;
}

export interface BoardPackResult {
  month: string;
  /** Folder the pack was written to (or would have been, when `written` is false). */
  outputDir: string;
  /** Paths of files written (pdf, docx, manifest.json); none when no plan could be used. */
  files: string[];
  /** False when no plan could be used: nothing was written and the previous pack for the month is kept. */
  written: boolean;
  /** Plan files in the pack, as shown to the user (relative to where cabinet runs). */
  readablePlans: string[];
  /** Plan files left out (unreadable, or with data errors), as shown to the user. */
  unreadablePlans: string[];
  diagnostics: Diagnostic[];
  /**
   * 0 ok; 1 some plan had data errors (the pack was built from the others, and says so on its cover), or
   * every plan had data errors (nothing written); 2 no plan was found or none could be read (nothing written).
   */
  exitCode: 0 | 1 | 2;
}


/**
 * "The latest spreadsheets": a folder per month (<folder>/2024-03/) when there is one, else the folder
 * itself. Lock files and system files there are skipped, each with an info line in `skipped` when given.
 */
export function planFiles(month: string, folders: string[], cwd: string, skipped?: Diagnostic[]): string[] {
  return folders.flatMap((folder) => {
    const base = path.resolve(cwd, folder);
    const monthly = path.join(base, month);
    if (fs.existsSync(monthly)) return workbooksIn(monthly, skipped);
    return fs.existsSync(base) ? workbooksIn(base, skipped) : [];
  });
}

export async function buildBoardPack(options: BoardPackOptions): Promise<BoardPackResult> {
  const cwd = options.cwd ?? process.cwd();
  const month = resolveMonth(options.month, options.today ?? format(new Date(), 'yyyy-MM-dd'));
  const asAt = monthEnd(month);
  const history = path.resolve(cwd, options.config.boardPack.historyDir);
  const skipped: Diagnostic[] = [];
  const files = options.plans?.map((p) => path.resolve(cwd, p)) ?? planFiles(month, options.config.boardPack.planFolders, cwd, skipped);
  const diagnostics: Diagnostic[] = [...brandColourWarnings(options.config.render), ...skipped.map((d) => ({ ...d, file: path.relative(cwd, d.file ?? '') }))];
  const plans: PackPlan[] = [];
  const problems: PackInput['problems'] = [];
  const readablePlans: string[] = [];
  let unreadable = 0;
  for (const file of files) {
    const shown = path.relative(cwd, file);
    try {
      const r = readPlan(file, { legend: options.config.legend, ...readSettings(options.config) });
      const ds = r.diagnostics.map((d) => ({ ...d, file: shown }));
      diagnostics.push(...ds);
      if (!r.plan || ds.some((d) => d.severity === 'error')) problems.push({ file: shown, diagnostics: ds });
      else {
        readablePlans.push(shown);
        plans.push({ plan: r.plan, previous: readSnapshot(history, previousMonth(month), r.plan), earlier: readSnapshot(history, previousMonth(previousMonth(month)), r.plan) });
      }
    } catch (e) {
      if (!(e instanceof UnreadableInputError)) throw e;
      const d = error('unreadable', e.reason, { file: shown });
      diagnostics.push(d);
      problems.push({ file: shown, diagnostics: [d] });
      unreadable++;
    }
  }
  if (!files.length) diagnostics.push(error('no-plans', `no plan workbooks for ${month} in ${options.config.boardPack.planFolders.join(', ')}`));
  const outputDir = path.resolve(cwd, options.outDir ?? 'output', 'board-pack', month);
  const unreadablePlans = problems.map((p) => p.file);
  // A pack with no plan in it is worse than last run's: keep that one, write nothing, and say why.
  if (!plans.length) {
    const exitCode = !files.length || unreadable ? 2 : 1;
    return { month, outputDir, files: [], written: false, readablePlans, unreadablePlans, diagnostics, exitCode };
  }
  const doc = await boardPackDocument({ month, asAt, plans, problems, config: { ...options.config, render: resolveHouseSettings(options.config.render, cwd) }, created: sourceDate(asAt).toISOString() });
  const out = new OutputSet(outputDir, options.formats ?? ['pdf', 'docx'], undefined, cwd);
  await out.add(doc, `board-pack-${month}`, { kind: 'board-pack', title: doc.meta.title, committee: options.config.boardPack.board, meetingDate: asAt, classification: 'public' });
  diagnostics.push(...out.glyphDiagnostics(outputDir));
  const written = out.write(files.map((f) => path.relative(cwd, f)).join(', '));
  // Snapshots only once the pack is safely written: a failed run must not become next month's baseline.
  for (const p of plans) writeSnapshot(history, month, p.plan);
  return { month, outputDir, files: written, written: true, readablePlans, unreadablePlans, diagnostics, exitCode: problems.length ? 1 : 0 };
}
