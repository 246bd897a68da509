import type { Plan } from '../../model/plan';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { error } from '../../diagnostics/diagnostic';
import type { Appendix, ReportFrontMatter, ReportSource } from '../../model/report-source';
import { exemptMarking, exemptionWording } from '../../model/exempt';
import type { RenderSettings } from '../../config/schema';
import type { Block, LayoutDocument, LayoutSection, LayoutStyle, RunningText } from '../layout';
import { houseStyle } from '../style';
import { finishLayout } from '../house-style';
import { IdAllocator } from '../ids';
import { appendixTitle, OWN_DOCUMENT, planAppendixDocument, planAppendixSections, actionTable } from '../plan-appendix';
import { statusSummaryTable } from '../plan-summary';
import { financeTable } from '../finance-table';
import { riskTable } from '../risk-table';
import { legendTable } from '../legend-table';
import { escapeData } from './markdown-escape';
import { reportData } from './template-data';
import { BlockSlots, compileBody, type BlockHelper } from './template-engine';
import { checkTemplate } from './template-check';
import { cleanMarkdownSource } from './markdown-body';
import { parseBody } from './markdown-parse';
import { bodyBlocks } from './body-blocks';
import { figureBlocks } from './figures';
import { Numberer } from './numbering';
import { honourTocMinPages } from './contents';
import { pageNumberWords } from './page-words';
import { frontSheetData, frontSheetTable } from './front-sheet';
import type { Templates } from './templates';
import { words } from './words';
import { standaloneSections, type InlineCopy } from './appendix-copies';

export interface ReportInput {
  source: ReportSource & { front: ReportFrontMatter };
  /** Plans by the names given under `workbooks` in the front matter. */
  plans: Record<string, Plan>;
  settings: RenderSettings;
  templates: Templates;
  /** ISO timestamp for document metadata (from the meeting date or SOURCE_DATE_EPOCH). */
  created: string;
  /** Folder the report path is relative to (images in the body are found from it). */
  cwd?: string;
}

const isExempt = (front: ReportFrontMatter) => front.classification !== 'public';

/**
 * What reportDocument made of each appendix it prints, kept for appendixDocuments with the same input: the
 * appendix as its own file is then made of the same blocks (appendix-copies.ts), never built a second time.
 */
interface Printed {
  style: LayoutStyle;
  copies: Map<Appendix, InlineCopy>;
}
const printed = new WeakMap<ReportInput, Printed>();

export function reportSettings(front: ReportFrontMatter, settings: RenderSettings): RenderSettings {
  return {
    ...settings,
    paragraphNumbering: front.settings.paragraphNumbering ?? settings.paragraphNumbering,
    recommendationNumbering: front.settings.recommendationNumbering ?? settings.recommendationNumbering,
  };
}

function runningHeader(input: ReportInput, right: string, exemptParagraphs?: number[]): RunningText {
  const front = input.source.front;
  const data = frontSheetData(front, input.templates);
  const header: RunningText = { left: words(input.templates.wording.runningHeader, data), right };
  if (exemptParagraphs) header.marking = exemptMarking(exemptParagraphs);
  return header;
}

function reportExemptParagraphs(front: ReportFrontMatter): number[] | undefined {
  return front.classification === 'public' ? undefined : front.classification.exempt;
}

/** An exempt appendix's own Schedule 12A paragraphs, else the report's. */
export function appendixExemptParagraphs(a: Appendix, front: ReportFrontMatter): number[] {
  return a.exemptParagraphs ?? reportExemptParagraphs(front) ?? [];
}

/** Data helpers authors call in the body; each returns real layout blocks. */
function helpers(input: ReportInput): Record<string, BlockHelper> {
  const plan = (name?: string) => {
    const key = name && input.plans[name] ? name : Object.keys(input.plans)[0];
    const found = key ? input.plans[key] : undefined;
    if (!found) throw new Error(`no workbook${name ? ` named "${name}"` : ''} in the front matter's workbooks`);
    return found;
  };
  const overrides = input.settings.legendColours;
  const w = input.templates.words;
  return {
    'action-table': ([code, name]) => {
      const p = plan(name);
      const sections = p.sections.filter((s) => code === undefined || s.code === code);
      if (!sections.length) throw new Error(`the plan has no section "${code}"`);
      return sections.flatMap((s) => s.themes.flatMap((t): Block[] => [{ kind: 'paragraph', style: 'label', keepWithNext: true, runs: [{ text: t.number ? `${t.number}. ${t.title}` : t.title || s.title }] }, actionTable(t, p, overrides, w)]));
    },
    'status-summary': ([name]) => [statusSummaryTable(plan(name), w)],
    'status-key': ([name]) => [legendTable(plan(name).legend, overrides, w)],
    'finance-table': ([name]) => {
      const f = plan(name).finance;
      return f ? [financeTable(f, input.settings.money)] : [{ kind: 'paragraph', runs: [{ text: w.noneArising }] }];
    },
    'risk-table': ([name]) => [riskTable(plan(name).risks)],
  };
}

/** The body blocks, or diagnostics when the author's template does not compile. */
function body(input: ReportInput, numberer: Numberer, ids: IdAllocator): { blocks: Block[]; diagnostics: Diagnostic[] } {
  const { source } = input;
  const slots = new BlockSlots();
  const cleaned = cleanMarkdownSource(source);
  let markdown: string;
  const data = escapeData(reportData(source.front, input.plans, input.settings.money, input.templates));
  const blockHelpers = helpers(input);
  const problems = checkTemplate(cleaned.body, data, Object.keys(blockHelpers));
  if (problems.length)
    return { blocks: [], diagnostics: [...cleaned.diagnostics, ...problems.map((p) => error('template-error', p.message, { file: source.file, line: source.bodyLine + p.line - 1 }))] };
  try {
    markdown = compileBody(cleaned.body, data, blockHelpers, slots);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    const line = Number(message.match(/line (\d+)/)?.[1] ?? 0);
    return { blocks: [], diagnostics: [error('template-error', message, { file: source.file, line: source.bodyLine + Math.max(line - 1, 0) })] };
  }
  const parsed = parseBody(markdown, slots, source);
  const figures = figureBlocks(parsed.items, { file: source.file, body: source.body, bodyLine: source.bodyLine, cwd: input.cwd ?? process.cwd() }, houseStyle(input.settings), input.templates.words.figure);
  return { blocks: bodyBlocks(figures.items, ids, { numberer, emptyCell: input.templates.words.none }), diagnostics: [...cleaned.diagnostics, ...parsed.diagnostics, ...figures.diagnostics] };
}

/** Appendices and background papers sections, unless the author wrote them. */
function closingSections(input: ReportInput, written: Block[], numberer: Numberer, ids: IdAllocator): Block[] {
  const w = input.templates.wording;
  const front = input.source.front;
  const has = (re: RegExp) => written.some((b) => b.kind === 'heading' && re.test(b.text));
  const out: Block[] = [];
  const section = (title: string, lines: { text: string; link?: string }[]) => {
    const number = numberer.sectionHeading();
    out.push({ kind: 'heading', level: 2, text: title, id: ids.id(title), ...(number ? { number } : {}) });
    for (const l of lines) {
      const n = numberer.paragraph();
      out.push({ kind: 'paragraph', runs: [{ text: l.text, ...(l.link ? { link: l.link } : {}) }], ...(n ? { number: n } : {}) });
    }
  };
  if (!has(/^(appendices|atodiadau)\b/i)) {
    const entries = front.appendices.map((a) => ({ text: words(w.appendixListEntry, a) + (a.exempt ? w.exemptAppendixNote : a.publishedSeparately ? w.separatelyPublishedNote : '') }));
    section(w.appendicesHeading, entries.length ? entries : [{ text: w.noAppendices }]);
  }
  if (!has(/^(background (papers|documents)|papurau cefndir)\b/i)) {
    const papers = front.backgroundPapers.map((p) => ({ text: p.title, ...(p.link ? { link: p.link } : {}) }));
    section(w.backgroundPapersHeading, papers.length ? papers : [{ text: w.noBackgroundPapers }]);
  }
  return out;
}

/** The appendices printed inside this report: plan appendices, leaving exempt ones out of a public report. */
function embeddedAppendices(input: ReportInput): { appendix: Appendix; plan: Plan }[] {
  const front = input.source.front;
  return front.appendices
    .filter((a) => a.plan && input.plans[a.plan] && (!a.exempt || isExempt(front)))
    .map((a) => ({ appendix: a, plan: input.plans[a.plan!]! }));
}

export function reportDocument(input: ReportInput): { doc?: LayoutDocument; diagnostics: Diagnostic[] } {
  const front = input.source.front;
  const settings = reportSettings(front, input.settings);
  const numberer = new Numberer(settings.paragraphNumbering, settings.recommendationNumbering);
  const ids = new IdAllocator();
  const written = body({ ...input, settings }, numberer, ids);
  if (written.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: written.diagnostics };
  const closing = closingSections(input, written.blocks, numberer, ids);
  const appendices = embeddedAppendices(input);
  const exempt = reportExemptParagraphs(front);
  const right = front.agendaItem ? words(input.templates.wording.agendaItem, front) : '';
  const opening: Block[] = [
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: front.council ?? settings.council }] },
    { kind: 'heading', level: 1, text: front.title, id: ids.id(front.title) },
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: words(input.templates.wording.runningHeader, frontSheetData(front, input.templates)) + (right ? ` – ${right}` : '') }] },
    frontSheetTable(front, input.templates),
  ];
  if (exempt && front.classification !== 'public')
    opening.push({ kind: 'paragraph', style: 'lead', runs: [{ text: `${exemptionWording(exempt)}. ${front.classification.reason}` }] });
  // Kept or taken out once the paper's length is known (render.tocMinPages).
  opening.push({ kind: 'toc', title: input.templates.wording.contentsTitle, maxLevel: 2 });
  const sections: LayoutSection[] = [{ orientation: 'portrait', header: runningHeader(input, right, exempt), blocks: [...opening, ...written.blocks, ...closing] }];
  const style = houseStyle(settings);
  const kept: Printed = { style, copies: new Map() };
  for (const { appendix, plan } of appendices) {
    const copy: InlineCopy = { headingLevel: 2, idPrefix: `appendix-${appendix.letter.toLowerCase()}-`, sections: [] };
    copy.sections = planAppendixSections(plan, {
      letter: appendix.letter,
      title: appendix.title,
      header: runningHeader(input, words(input.templates.words.appendix, appendix), appendix.exempt ? appendixExemptParagraphs(appendix, front) : undefined),
      settings,
      heading: words(input.templates.wording.appendixTitle, appendix),
      words: input.templates.words,
      headingLevel: copy.headingLevel,
      idPrefix: copy.idPrefix,
    });
    kept.copies.set(appendix, copy);
    sections.push(...copy.sections);
  }
  const doc: LayoutDocument = {
    meta: { title: front.title, subject: `${front.committee}, ${frontSheetData(front, input.templates).meetingDate}`, author: front.author.name, keywords: [front.committee, 'report'], language: front.language, created: input.created },
    style,
    numbering: numberer.sequences(),
    footer: { pageNumbers: true, left: front.council ?? settings.council, pageNumberWords: pageNumberWords(input.templates.words.pageNumbers) },
    sections,
  };
  printed.set(input, kept);
  return { doc: honourTocMinPages(finishLayout(doc, settings), settings.tocMinPages), diagnostics: written.diagnostics };
}

/** Each plan appendix as a document of its own; exempt ones carry the marking on every page. */
export function appendixDocuments(input: ReportInput): { appendix: Appendix; doc: LayoutDocument }[] {
  const front = input.source.front;
  const kept = printed.get(input);
  return front.appendices
    .filter((a) => a.plan && input.plans[a.plan])
    .map((a) => {
      const paragraphs = a.exempt ? appendixExemptParagraphs(a, front) : undefined;
      const plan = input.plans[a.plan!]!;
      const options = {
        letter: a.letter,
        title: a.title,
        header: runningHeader(input, words(input.templates.words.appendix, a), paragraphs),
        settings: reportSettings(front, input.settings),
        created: input.created,
        heading: words(input.templates.wording.appendixTitle, a),
        words: input.templates.words,
        language: front.language,
      };
      const copy = kept?.copies.get(a);
      const shared = copy && standaloneSections(copy, options.header, OWN_DOCUMENT);
      // Printed in the report too: the document's own parts as planAppendixDocument makes them (title,
      // footer; the style is the report's, made from the same settings), its blocks the report's copy.
      const doc = planAppendixDocument(plan, options, shared && kept ? { style: kept.style, sections: shared } : undefined);
      const footer = { ...doc.footer, pageNumberWords: pageNumberWords(input.templates.words.pageNumbers) };
      // Its tables come out of finishLayout as the report's very objects (column-widths.ts fits a block once).
      return { appendix: a, doc: finishLayout({ ...doc, footer }, input.settings) };
    });
}

export { appendixTitle };
