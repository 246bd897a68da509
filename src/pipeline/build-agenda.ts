import * as path from 'node:path';
import { format } from 'date-fns';
import type { Config } from '../config/schema';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { readMeeting, type Meeting } from '../model/meeting-source';
import { exemptionWording, exemptMarking } from '../model/exempt';
import type { LayoutDocument, LayoutSection, NumberingSequence } from '../render/layout';
import { renderPdf } from '../writers/pdf';
import { renderDocx } from '../writers/docx';
import type { Format } from './render-document';
import { houseStyle } from '../render/style';
import { slug } from '../render/ids';
import { agendaSection, type AgendaEntry } from '../render/agenda/agenda-layout';
import { stampItem } from '../render/agenda/item-stamp';
import { fromIso } from '../dates/iso';
import { WorkingCalendar } from '../dates/calendar';
import { checkAgendaPublication } from '../dates/checks';
import { sourceDate } from '../io/source-date';
import { prepareReport } from './build-report';
import { OutputSet } from './output-set';
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
  entry: AgendaEntry;
  stamped?: ReturnType<typeof stampItem>;
  exemptParagraphs?: number[];
}

/** ModernGov's names: "Public reports pack 12th-Sep-2023 10.00 Cabinet". */
function packName(kind: string, meeting: Meeting): string {
  return `${kind} ${format(fromIso(meeting.date), "do-MMM-yyyy")} ${meeting.time.replace(':', '.')} ${meeting.committee}`;
}

function readItems(meeting: Meeting, meetingFile: string, options: AgendaOptions, diagnostics: Diagnostic[]): PackItem[] {
  const cwd = options.cwd ?? process.cwd();
  return meeting.items.map((item, i) => {
    const number = i + 1;
    if (!('report' in item)) return { entry: { number, title: item.title, ...(item.text ? { text: item.text } : {}) } };
    const report = path.relative(cwd, path.resolve(cwd, path.dirname(meetingFile), item.report));
    const prepared = prepareReport(report, { config: options.config, templatesDir: options.templatesDir, cwd });
    diagnostics.push(...prepared.diagnostics);
    const front = prepared.input?.source.front;
    if (!prepared.doc || !front) return { entry: { number, title: report } };
    const exempt = front.classification === 'public' ? undefined : front.classification.exempt;
    return {
      entry: { number, title: front.title, ...(exempt ? { exemptWording: exemptionWording(exempt) } : {}) },
      stamped: stampItem(prepared.doc, number),
      ...(exempt ? { exemptParagraphs: exempt } : {}),
    };
  });
}

function packDocument(meeting: Meeting, title: string, cover: LayoutSection, items: PackItem[], config: Config, marking?: string): LayoutDocument {
  const numbering: Record<string, NumberingSequence> = {};
  const sections = [cover];
  for (const it of items) {
    Object.assign(numbering, it.stamped!.numbering);
    sections.push(...it.stamped!.sections.map((s) => (marking ? { ...s, header: { ...s.header, marking } } : s)));
  }
  return {
    meta: { title, subject: `${meeting.committee}, ${meeting.date}`, author: meeting.council ?? config.render.council, language: 'en-GB', created: sourceDate(meeting.date).toISOString() },
    style: houseStyle(config.render),
    numbering,
    footer: { pageNumbers: true, left: meeting.council ?? config.render.council },
    sections: marking ? sections.map((s) => ({ ...s, header: { ...s.header, marking } })) : sections,
  };
}

/**
 * Lays the pack out until the page ranges printed on the agenda agree with where each item really starts
 * (the ranges' own width can move pages, so render, read, fill, and render again).
 */
async function paginatedPack(make: (ranges: Map<number, string>) => LayoutDocument, items: PackItem[]) {
  let ranges = new Map<number, string>(items.map((it) => [it.entry.number, 'Pages 000 - 000']));
  for (let attempt = 0; attempt < 4; attempt++) {
    const doc = make(ranges);
    const pdf = await renderPdf(doc);
    const starts = items.map((it) => pdf.pagination.headingPages[it.stamped!.firstHeadingId!]!);
    const next = new Map(items.map((it, i) => [it.entry.number, `Pages ${starts[i]} - ${(starts[i + 1] ?? pdf.pagination.pageCount + 1) - 1}`]));
    if ([...next].every(([k, v]) => ranges.get(k) === v)) return { doc, pdf, ranges };
    ranges = next;
  }
  throw new Error('the agenda page ranges did not settle');
}

export async function buildAgenda(meetingFile: string, options: AgendaOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const source = readMeeting(path.resolve(cwd, meetingFile), meetingFile);
  const diagnostics = [...source.diagnostics];
  const meeting = source.meeting;
  if (!meeting) return { files: [], diagnostics };
  if (meeting.agendaPublished)
    diagnostics.push(...checkAgendaPublication(meeting.date, meeting.agendaPublished, WorkingCalendar.fromSettings(options.config.governance), options.config.governance, { file: meetingFile }));
  const items = readItems(meeting, meetingFile, options, diagnostics);
  if (items.some((it) => 'report' in meeting.items[it.entry.number - 1]! && !it.stamped))
    diagnostics.push(error('agenda-item-not-built', 'an agenda item\'s report has errors (listed above); the pack was not built', { file: meetingFile }));
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };

  const council = meeting.council ?? options.config.render.council;
  const formats = options.formats ?? ['pdf', 'docx'];
  const dir = path.resolve(cwd, options.outDir ?? 'output', `${meeting.date}-${slug(meeting.committee)}-agenda`);
  const out = new OutputSet(dir, formats, options.onProgress, cwd);
  const stamp = `${meeting.date.split('-').reverse().join('/')} ${meeting.time}`;
  const publicItems = items.filter((it) => it.stamped && !it.exemptParagraphs);
  const exemptItems = items.filter((it) => it.exemptParagraphs);
  const entries = (ranges: Map<number, string>) => items.map((it) => ({ ...it.entry, ...(ranges.has(it.entry.number) ? { pages: ranges.get(it.entry.number)! } : {}) }));

  const pub = await paginatedPack((r) => packDocument(meeting, `(Public Pack) Agenda Document for ${meeting.committee}, ${stamp}`, agendaSection(meeting, entries(r), council), publicItems, options.config), publicItems);
  await emit(out, pub, packName('Public reports pack', meeting), formats, { kind: 'pack', title: pub.doc.meta.title, committee: meeting.committee, meetingDate: meeting.date, classification: 'public' });
  const frontsheet: LayoutDocument = { ...pub.doc, meta: { ...pub.doc.meta, title: `Agenda frontsheet: ${meeting.committee}, ${stamp}` }, sections: [agendaSection(meeting, entries(pub.ranges), council)] };
  await out.add(frontsheet, packName('Agenda frontsheet', meeting), { kind: 'agenda', title: frontsheet.meta.title, committee: meeting.committee, meetingDate: meeting.date, classification: 'public' });

  if (exemptItems.length) {
    const paragraphs = [...new Set(exemptItems.flatMap((it) => it.exemptParagraphs!))].sort((a, b) => a - b);
    const restrictedEntries = (r: Map<number, string>) => exemptItems.map((it) => ({ ...it.entry, pages: r.get(it.entry.number)!, exemptWording: undefined }));
    const marking = exemptMarking(paragraphs);
    const res = await paginatedPack((r) => packDocument(meeting, `(Restricted Pack) Agenda Document for ${meeting.committee}, ${stamp}`, agendaSection(meeting, restrictedEntries(r), council, 'Part II agenda'), exemptItems, options.config, marking), exemptItems);
    await emit(out, res, packName('Restricted reports pack', meeting), formats, { kind: 'pack', title: res.doc.meta.title, committee: meeting.committee, meetingDate: meeting.date, classification: 'exempt', exemptParagraphs: paragraphs });
  }
  return { outputDir: dir, files: out.write(path.relative(cwd, path.resolve(cwd, meetingFile))), diagnostics };
}

async function emit(out: OutputSet, laid: Awaited<ReturnType<typeof paginatedPack>>, base: string, formats: Format[], entry: Parameters<OutputSet['add']>[2]) {
  const rendered = { pdf: laid.pdf.bytes, pagination: laid.pdf.pagination, ...(formats.includes('docx') ? { docx: await renderDocx(laid.doc, laid.pdf.pagination) } : {}) };
  out.addRendered(rendered, base, entry);
}
