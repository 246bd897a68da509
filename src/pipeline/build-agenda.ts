import * as path from 'node:path';
import { format } from 'date-fns/format';
import type { Config } from '../config/schema';
import { error, type Diagnostic, UnreadableInputError } from '../diagnostics/diagnostic';
import { readMeeting, type Meeting } from '../model/meeting-source';
import { exemptionWording, exemptMarking } from '../model/exempt';
import type { LayoutDocument, LayoutSection, NumberingSequence, PageNumberWords } from '../render/layout';
import { renderPdf } from '../writers/pdf';
import { paginate } from '../render/paginate/paginate';
import { renderDocx } from '../writers/docx';
import type { Format } from './render-document';
import { houseStyle } from '../render/style';
import { slug } from '../render/ids';
import { agendaSection, type AgendaEntry } from '../render/agenda/agenda-layout';
import { packLanguage, stampItem } from '../render/agenda/item-stamp';
import { languageOf, loadTemplates } from '../render/report/templates';
import { pageNumberWords } from '../render/report/page-words';
import { words } from '../render/report/words';
import { fromIso } from '../dates/iso';
import { WorkingCalendar } from '../dates/calendar';
import { checkAgendaPublication } from '../dates/checks';
import { sourceDate } from '../io/source-date';
import { prepareReport } from './build-report';
import { readReportSource } from '../model/report-source';
import { lineOfYamlKey } from '../model/front-matter';
import { agendaConsistency } from '../model/agenda-consistency';
import { outsideReadRoots } from '../io/read-roots';
import { appendixDocuments, appendixExemptParagraphs } from '../render/report/report-layout';
import { finishLayout, resolveHouseSettings } from '../render/house-style';
import { OutputSet } from './output-set';
import { withReadPolicy } from '../io/read-policy';
import { readPolicyOf } from '../config/read-policy';
import type { BuildResult } from './build-report';

export interface AgendaOptions {
  config: Config;
  outDir?: string | undefined;
  formats?: Format[];
  templatesDir?: string | undefined;
  cwd?: string;
  onProgress?: ((line: string) => void) | undefined;
}

interface PackItem {
  /** Unique in a pack: the item number, with the appendix letter for an exempt appendix of a public report. */
  key: string;
  entry: AgendaEntry;
  stamped?: ReturnType<typeof stampItem>;
  exemptParagraphs?: number[];
  /** A public report's exempt appendices: they go to the restricted pack under the same item number. */
  exemptAppendices?: PackItem[];
}

/** ModernGov's names: "Public reports pack 12th-Sep-2023 10.00 Cabinet". */
function packName(kind: string, meeting: Meeting): string {
  return `${kind} ${format(fromIso(meeting.date), "do-MMM-yyyy")} ${meeting.time.replace(':', '.')} ${meeting.committee}`;
}

function readItems(meeting: Meeting, meetingFile: string, options: AgendaOptions, diagnostics: Diagnostic[], meetingText = ''): PackItem[] {
  const cwd = options.cwd ?? process.cwd();
  const council = meeting.council ?? options.config.render.council;
  return meeting.items.map((item, i) => {
    const number = i + 1;
    const key = String(number);
    if (!('report' in item)) return { key, entry: { number, title: item.title, ...(item.text ? { text: item.text } : {}) } };
    const report = path.relative(cwd, path.resolve(cwd, path.dirname(meetingFile), item.report));
    const place = { file: meetingFile, line: lineOfYamlKey(meetingText, ['items', i, 'report']) };
    const outside = outsideReadRoots(report, options.config.paths.readRoots, cwd);
    if (outside) {
      diagnostics.push(error('report-outside-read-roots', `item ${number}, report ${item.report}: ${outside}`, place));
      return { key, entry: { number, title: report } };
    }
    let prepared: ReturnType<typeof prepareReport>;
    try {
      prepared = prepareReport(report, { config: options.config, templatesDir: options.templatesDir, cwd, agendaItem: number });
    } catch (e) {
      if (!(e instanceof UnreadableInputError) || e.file !== report) throw e;
      // The report paths are relative to the meeting file: say which path was tried, from where the user stands.
      const why = e.reason === 'file not found' ? `there is no file at ${report} (report paths are relative to the meeting file's folder)` : `${report}: ${e.reason}`;
      diagnostics.push(error('agenda-report-unreadable', `item ${number}, report ${item.report}: ${why}`, place));
      return { key, entry: { number, title: report } };
    }
    diagnostics.push(...prepared.diagnostics);
    const front = prepared.input?.source.front;
    if (!prepared.doc || !prepared.input || !front) return { key, entry: { number, title: report } };
    // One meeting, one council, the agenda's item number (the front matter as written, before the override).
    const written = readReportSource(path.resolve(cwd, report), report);
    if (written.front) diagnostics.push(...agendaConsistency({ meeting, meetingFile, number, defaultCouncil: council }, written.front, { file: report, text: written.text ?? '' }));
    const exempt = front.classification === 'public' ? undefined : front.classification.exempt;
    const exemptAppendices = exempt ? [] : appendixDocuments(prepared.input).filter(({ appendix }) => appendix.exempt).map(({ appendix, doc }): PackItem => {
      const paragraphs = appendixExemptParagraphs(appendix, front);
      return {
        key: `${number}-${appendix.letter}`,
        entry: { number, title: `${front.title}: ${words(prepared.input!.templates.wording.appendixListEntry, appendix)}`, exemptWording: exemptionWording(paragraphs) },
        stamped: stampItem(doc, number, prepared.input!.templates),
        exemptParagraphs: paragraphs,
      };
    });
    const restrictedNote = exemptAppendices.map((a) => `Appendix ${a.key.split('-')[1]} is exempt (${a.entry.exemptWording!.replace(/^By virtue of /, '')}) and is in the restricted pack.`).join('\n');
    return {
      key,
      entry: { number, title: front.title, ...(restrictedNote ? { text: restrictedNote } : {}), ...(exempt ? { exemptWording: exemptionWording(exempt) } : {}) },
      stamped: stampItem(prepared.doc, number, prepared.input.templates),
      ...(exempt ? { exemptParagraphs: exempt } : {}),
      ...(exemptAppendices.length ? { exemptAppendices } : {}),
    };
  });
}

function packDocument(meeting: Meeting, title: string, cover: LayoutSection, items: PackItem[], config: Config, marking?: string, pageWords?: PageNumberWords): LayoutDocument {
  const numbering: Record<string, NumberingSequence> = {};
  const sections = [cover];
  for (const it of items) {
    Object.assign(numbering, it.stamped!.numbering);
    // Each exempt paper keeps its own paragraphs' marking; the pack's (all of them) covers the rest.
    sections.push(...it.stamped!.sections.map((s) => (marking ? { ...s, header: { ...s.header, marking: s.header.marking ?? marking } } : s)));
  }
  return finishLayout({
    meta: { title, subject: `${meeting.committee}, ${meeting.date}`, author: meeting.council ?? config.render.council, language: packLanguage(items), created: sourceDate(meeting.date).toISOString() },
    style: houseStyle(config.render),
    numbering,
    footer: { pageNumbers: true, left: meeting.council ?? config.render.council, ...(pageWords ? { pageNumberWords: pageWords } : {}) },
    sections: marking ? sections.map((s) => ({ ...s, header: { ...s.header, marking: s.header.marking ?? marking } })) : sections,
  }, config.render);
}

/**
 * Lays the pack out until the page ranges printed on the agenda agree with where each item really starts
 * (the ranges' own width can move pages, so render, read, fill, and render again).
 */
async function paginatedPack(make: (ranges: Map<string, string>) => LayoutDocument, items: PackItem[]) {
  let ranges = new Map<string, string>(items.map((it) => [it.key, 'Pages 000 - 000']));
  for (let attempt = 0; attempt < 4; attempt++) {
    const doc = make(ranges);
    // Only pagination repeats; the PDF is drawn once, from the pages that settled.
    const paged = paginate(doc);
    const { pagination } = paged;
    const starts = items.map((it) => pagination.headingPages[it.stamped!.firstHeadingId!]!);
    const next = new Map(items.map((it, i) => [it.key, `Pages ${starts[i]} - ${(starts[i + 1] ?? pagination.pageCount + 1) - 1}`]));
    if ([...next].every(([k, v]) => ranges.get(k) === v)) return { doc, pdf: await renderPdf(doc, paged), ranges };
    ranges = next;
  }
  throw new Error('the agenda page ranges did not settle');
}

export function buildAgenda(meetingFile: string, options: AgendaOptions): Promise<BuildResult> {
  return withReadPolicy(readPolicyOf(options.config, options.cwd ?? process.cwd()), () => buildWithin(meetingFile, options));
}

async function buildWithin(meetingFile: string, options: AgendaOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const source = readMeeting(path.resolve(cwd, meetingFile), meetingFile);
  const diagnostics = [...source.diagnostics];
  const meeting = source.meeting;
  if (!meeting) return { files: [], diagnostics };
  if (meeting.agendaPublished)
    diagnostics.push(...checkAgendaPublication(meeting.date, meeting.agendaPublished, WorkingCalendar.fromSettings(options.config.governance), options.config.governance, { file: meetingFile }));
  const config = { ...options.config, render: resolveHouseSettings(options.config.render, cwd) };
  const items = readItems(meeting, meetingFile, options, diagnostics, source.text);
  // Settings warnings (a brand colour too light) come once per report: say them once.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}|${d.file ?? ''}|${d.line ?? ''}|${d.sheet ?? ''}|${d.cell ?? ''}|${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  diagnostics.splice(0, diagnostics.length, ...unique);
  if (items.some((it) => 'report' in meeting.items[it.entry.number - 1]! && !it.stamped))
    diagnostics.push(error('agenda-item-not-built', 'an agenda item\'s report has errors (listed above); the pack was not built', { file: meetingFile }));
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };

  const council = meeting.council ?? options.config.render.council;
  const formats = options.formats ?? ['pdf', 'docx'];
  const dir = path.resolve(cwd, options.outDir ?? 'output', `${meeting.date}-${slug(meeting.committee)}-agenda`);
  const out = new OutputSet(dir, formats, options.onProgress, cwd);
  const stamp = `${meeting.date.split('-').reverse().join('/')} ${meeting.time}`;
  const publicItems = items.filter((it) => it.stamped && !it.exemptParagraphs);
  const exemptItems = items.flatMap((it) => (it.exemptParagraphs ? [it] : it.exemptAppendices ?? []));
  const entries = (ranges: Map<string, string>) => items.map((it) => ({ ...it.entry, ...(ranges.has(it.key) ? { pages: ranges.get(it.key)! } : {}) }));

  // The agenda is in its papers' language when they share one (a Welsh meeting's papers), else English.
  const cover = loadTemplates(options.templatesDir, languageOf(packLanguage(items)));
  const pub = await paginatedPack((r) => packDocument(meeting, `(Public Pack) Agenda Document for ${meeting.committee}, ${stamp}`, agendaSection(meeting, entries(r), council, 'agenda', cover), publicItems, config, undefined, pageNumberWords(cover.words.pageNumbers)), publicItems);
  await emit(out, pub, packName('Public reports pack', meeting), formats, { kind: 'pack', title: pub.doc.meta.title, committee: meeting.committee, meetingDate: meeting.date, classification: 'public' });
  const frontsheet = finishLayout({ ...pub.doc, meta: { ...pub.doc.meta, title: `Agenda frontsheet: ${meeting.committee}, ${stamp}` }, sections: [agendaSection(meeting, entries(pub.ranges), council, 'agenda', cover)] }, config.render);
  await out.add(frontsheet, packName('Agenda frontsheet', meeting), { kind: 'agenda', title: frontsheet.meta.title, committee: meeting.committee, meetingDate: meeting.date, classification: 'public' });

  if (exemptItems.length) {
    const paragraphs = [...new Set(exemptItems.flatMap((it) => it.exemptParagraphs!))].sort((a, b) => a - b);
    const restrictedEntries = (r: Map<string, string>) => exemptItems.map((it) => ({ ...it.entry, pages: r.get(it.key)!, exemptWording: undefined }));
    const marking = exemptMarking(paragraphs);
    const res = await paginatedPack((r) => packDocument(meeting, `(Restricted Pack) Agenda Document for ${meeting.committee}, ${stamp}`, agendaSection(meeting, restrictedEntries(r), council, 'partTwoAgenda', cover), exemptItems, config, marking, pageNumberWords(cover.words.pageNumbers)), exemptItems);
    await emit(out, res, packName('Restricted reports pack', meeting), formats, { kind: 'pack', title: res.doc.meta.title, committee: meeting.committee, meetingDate: meeting.date, classification: 'exempt', exemptParagraphs: paragraphs });
  }
  diagnostics.push(...out.glyphDiagnostics(meetingFile));
  return { outputDir: dir, files: out.write(path.relative(cwd, path.resolve(cwd, meetingFile))), diagnostics };
}

async function emit(out: OutputSet, laid: Awaited<ReturnType<typeof paginatedPack>>, base: string, formats: Format[], entry: Parameters<OutputSet['add']>[2]) {
  const rendered = { pdf: laid.pdf.bytes, pagination: laid.pdf.pagination, missing: laid.pdf.missing, ...(formats.includes('docx') ? { docx: await renderDocx(laid.doc, laid.pdf.pagination) } : {}) };
  out.addRendered(rendered, base, entry);
}
