import * as path from 'node:path';
import type { Config } from '../config/schema';
import { error, warning, type Diagnostic, UnreadableInputError } from '../diagnostics/diagnostic';
import type { Plan } from '../model/plan';
import { readPlan, readSettings } from '../model/read-plan';
import { outsideReadRoots } from '../io/read-roots';
import { withReadPolicy } from '../io/read-policy';
import { readPolicyOf } from '../config/read-policy';
import { readReportSource, type ReportFrontMatter, type ReportSource } from '../model/report-source';
import { lineOfKey } from '../model/front-matter';
import type { Format } from './render-document';
import { OutputSet } from './output-set';
import { appendixDocuments, appendixExemptParagraphs, reportDocument, type ReportInput } from '../render/report/report-layout';
import type { LayoutDocument } from '../render/layout';
import { languageOf, loadTemplates } from '../render/report/templates';
import { slug } from '../render/ids';
import { sourceDate } from '../io/source-date';
import { resolveHouseSettings } from '../render/house-style';
import { brandColourWarnings } from '../render/style';

export interface BuildOptions {
  config: Config;
  outDir?: string | undefined;
  formats?: Format[];
  templatesDir?: string | undefined;
  /** Warnings stop the build too. */
  strict?: boolean | undefined;
  cwd?: string;
  onProgress?: ((line: string) => void) | undefined;
}

export interface BuildResult {
  /** Folder the outputs went to; absent when the build stopped on diagnostics. */
  outputDir?: string;
  files: string[];
  diagnostics: Diagnostic[];
}

/** Reads each named workbook relative to the report; an unreadable one is an error on the report. */
function readWorkbooks(source: ReportSource & { front: ReportFrontMatter }, cwd: string, config: Config): { plans: Record<string, Plan>; diagnostics: Diagnostic[] } {
  const plans: Record<string, Plan> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [name, rel] of Object.entries(source.front.workbooks)) {
    const absolute = path.resolve(cwd, path.dirname(source.file), rel);
    const shown = path.relative(cwd, absolute) || rel;
    const line = source.text === undefined ? undefined : lineOfKey(source.text, ['workbooks', name]);
    const outside = outsideReadRoots(absolute, config.paths.readRoots, cwd);
    if (outside) {
      diagnostics.push(error('workbook-outside-read-roots', `workbook "${name}" (${rel}): ${outside}`, { file: source.file, line }));
      continue;
    }
    try {
      const r = readPlan(absolute, { legend: config.legend, ...readSettings(config) });
      // Messages name the workbook as the user would type it from here.
      diagnostics.push(...r.diagnostics.map((d) => ({ ...d, file: shown })));
      if (r.plan) plans[name] = { ...r.plan, source: { ...r.plan.source, file: shown } };
    } catch (e) {
      if (!(e instanceof UnreadableInputError)) throw e;
      // The path tried, as the user would type it from here: the front matter's is relative to the report.
      const why = e.reason === 'file not found' ? `no file at ${shown} (workbook paths are relative to the report's folder)` : `${shown}: ${e.reason}`;
      diagnostics.push(error('workbook-unreadable', `workbook "${name}" (${rel}): ${why}`, { file: source.file, line }));
    }
  }
  for (const a of source.front.appendices)
    if (a.plan && !(a.plan in source.front.workbooks))
      diagnostics.push(error('appendix-workbook-unknown', `Appendix ${a.letter} draws on workbook "${a.plan}", which is not listed under workbooks`, { file: source.file }));
    else if (a.exempt && appendixExemptParagraphs(a, source.front).length === 0)
      diagnostics.push(error('exempt-paragraph-missing', `Appendix ${a.letter} is exempt but names no Schedule 12A paragraph (exemptParagraphs)`, { file: source.file }));
    else if (a.exempt && !a.exemptReason && source.front.classification === 'public')
      diagnostics.push(warning('exempt-reason-missing', `Appendix ${a.letter} is exempt but gives no exemptReason (the public interest reason the front sheet states)`, { file: source.file }));
  return { plans, diagnostics };
}

const stops = (ds: Diagnostic[], strict?: boolean) => ds.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));

export interface PreparedReport {
  input?: ReportInput;
  doc?: LayoutDocument;
  diagnostics: Diagnostic[];
}

/**
 * Everything short of rendering: the source, its workbooks and the laid-out report. Checks use this too.
 * Every file it reads (the report, workbooks, images, logo, fonts, templates) is read under the settings' limits and roots.
 */
export function prepareReport(reportPath: string, options: Pick<BuildOptions, 'config' | 'templatesDir' | 'strict' | 'cwd'> & { agendaItem?: number }): PreparedReport {
  return withReadPolicy(readPolicyOf(options.config, options.cwd ?? process.cwd()), () => prepareWithin(reportPath, options));
}

function prepareWithin(reportPath: string, options: Pick<BuildOptions, 'config' | 'templatesDir' | 'strict' | 'cwd'> & { agendaItem?: number }): PreparedReport {
  const cwd = options.cwd ?? process.cwd();
  const source = { ...readReportSource(path.resolve(cwd, reportPath), reportPath), file: reportPath };
  source.diagnostics = source.diagnostics.map((d) => ({ ...d, file: reportPath }));
  if (!source.front) return { diagnostics: source.diagnostics };
  const withFront = source as ReportSource & { front: ReportFrontMatter };
  // Inside an agenda the item number is the agenda's: front sheet, subtitle, page stamp and header all say it
  // (the agenda checks the front matter's own number against it: model/agenda-consistency.ts).
  if (options.agendaItem !== undefined) withFront.front = { ...withFront.front, agendaItem: String(options.agendaItem) };
  const { plans, diagnostics } = readWorkbooks(withFront, cwd, options.config);
  diagnostics.unshift(...source.diagnostics, ...brandColourWarnings(options.config.render));
  if (stops(diagnostics, options.strict)) return { diagnostics };
  const input: ReportInput = { source: withFront, plans, settings: resolveHouseSettings(options.config.render, cwd), templates: loadTemplates(options.templatesDir, languageOf(withFront.front.language)), created: sourceDate(withFront.front.meeting.date).toISOString(), cwd };
  const report = reportDocument(input);
  diagnostics.push(...report.diagnostics);
  return { input, ...(report.doc ? { doc: report.doc } : {}), diagnostics };
}

export async function buildReport(reportPath: string, options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const { input, doc, diagnostics } = prepareReport(reportPath, options);
  if (!input || !doc || stops(diagnostics, options.strict)) return { files: [], diagnostics };
  const front = input.source.front;
  const outputDir = path.resolve(cwd, options.outDir ?? 'output', `${front.meeting.date}-${slug(front.title)}`);
  const out = new OutputSet(outputDir, options.formats ?? ['pdf', 'docx'], options.onProgress, cwd);
  const common = { committee: front.committee, meetingDate: front.meeting.date, ...(front.agendaItem ? { agendaItem: front.agendaItem } : {}) };
  const reportExempt = front.classification === 'public' ? undefined : front.classification.exempt;
  await out.add(doc, 'report', { kind: 'report', title: front.title, ...common, classification: reportExempt ? 'exempt' : 'public', ...(reportExempt ? { exemptParagraphs: reportExempt } : {}) });
  for (const { appendix, doc } of appendixDocuments(input)) {
    const exempt = appendix.exempt || Boolean(reportExempt);
    const paragraphs = appendix.exempt ? appendixExemptParagraphs(appendix, front) : reportExempt;
    await out.add(doc, `appendix-${appendix.letter.toLowerCase()}-${slug(appendix.title)}`, {
      kind: 'appendix', title: doc.meta.title, appendix: appendix.letter, ...common,
      classification: exempt ? 'exempt' : 'public', ...(exempt && paragraphs ? { exemptParagraphs: paragraphs } : {}),
    });
  }
  const glyphs = out.glyphDiagnostics(reportPath);
  diagnostics.push(...glyphs);
  if (stops(glyphs, options.strict)) return { files: [], diagnostics };
  const files = out.write(path.relative(cwd, path.resolve(cwd, reportPath)));
  return { outputDir, files, diagnostics };
}
