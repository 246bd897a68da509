import type { DecisionFrontMatter, DecisionSource } from '../../model/decision-source';
import type { Config } from '../../config/schema';
import type { Block, LayoutDocument, TableCell } from '../layout';
import { houseStyle } from '../style';
import { finishLayout } from '../house-style';
import { IdAllocator } from '../ids';
import { WorkingCalendar } from '../../dates/calendar';
import { callInDeadline, type CallIn } from '../../dates/rules';
import { cutOffWords, longDay, longDate } from '../../dates/format';
import { cleanMarkdownSource } from '../report/markdown-body';
import { parseBody } from '../report/markdown-parse';
import { bodyBlocks } from '../report/body-blocks';
import { BlockSlots } from '../report/template-engine';
import { languageOf, loadTemplates, type Templates } from '../report/templates';
import { pageNumberWords } from '../report/page-words';
import { words } from '../report/words';
import { figureBlocks } from '../report/figures';
import type { Diagnostic } from '../../diagnostics/diagnostic';

/** The house templates for a record in its language: labels from decision-record.yaml, words from words.yaml. */
export function decisionLabels(councilDir?: string, language?: string): Templates {
  return loadTemplates(councilDir, languageOf(language));
}

/** The call-in deadline computed from the publication date under the council's (or this record's) rule. */
export function decisionCallIn(front: DecisionFrontMatter, config: Config): CallIn | undefined {
  if (front.notSubjectToCallIn) return undefined;
  return callInDeadline(front.published, WorkingCalendar.fromSettings(config.governance), front.callIn ?? config.governance.callIn);
}

const cell = (text: string): TableCell => ({ runs: [{ text }] });

/** "Midnight on 23 June 2023", in the record's language. */
function callInText(callIn: CallIn, t: Templates): string {
  const time = callIn.cutOff === '24:00' || callIn.cutOff === '00:00' ? t.words.midnight : callIn.cutOff === '12:00' ? t.words.noon : cutOffWords(callIn.cutOff);
  return words(t.words.callInBy, { time, date: longDate(callIn.date, t.language) });
}

function detailRows(front: DecisionFrontMatter, t: Templates, callIn: CallIn | undefined): TableCell[][] {
  const l = (k: keyof Templates['decision']) => words(t.decision[k], front);
  const day = (iso: string) => longDay(iso, t.language);
  const ref = front.keyDecision.forwardPlanRef ? ` (${words(t.words.forwardPlanRef, { ref: front.keyDecision.forwardPlanRef })})` : '';
  const rows: [string, string][] = [
    [l('reasons'), front.reasons],
    [l('alternatives'), front.alternatives],
    [l('conflicts'), front.conflicts],
    [l('dispensations'), front.dispensations],
    [l('keyDecision'), front.keyDecision.value ? `${t.words.yes}${ref}` : t.words.no],
    [l('wards'), front.wards === 'All' ? t.words.allWards : front.wards.join(', ')],
  ];
  if (front.leadOfficer) rows.push([l('leadOfficer'), front.leadOfficer]);
  if (callIn) rows.push([l('callIn'), callInText(callIn, t)], [l('implementFrom'), day(callIn.implementFrom)]);
  else rows.push([l('notSubjectToCallIn'), front.notSubjectToCallIn!.reason], [l('implementFrom'), day(front.meeting.date)]);
  rows.push([l('published'), day(front.published)]);
  return rows.map(([k, v]) => [cell(k), cell(v)]);
}

/** Seed 004's shape: decision maker and date, the item, the record with RESOLVED, then the statutory details. */
export function decisionDocument(source: DecisionSource & { front: DecisionFrontMatter }, config: Config, t: Templates, created: string, cwd = process.cwd()): { doc: LayoutDocument; diagnostics: Diagnostic[] } {
  const front = source.front;
  const ids = new IdAllocator();
  const callIn = decisionCallIn(front, config);
  // Images are figures here as in reports: found beside the record, warned about without alt text.
  // The narrative goes through the reports' own cleaning and mapper: same safety, same kinds, no numbers.
  const cleaned = cleanMarkdownSource(source);
  const parsed = parseBody(cleaned.body, new BlockSlots(), source);
  const figures = figureBlocks(parsed.items, { file: source.file, body: source.body, bodyLine: source.bodyLine, cwd }, houseStyle(config.render), t.words.figure);
  const narrative = bodyBlocks(figures.items, ids, { headingLevel: 3, emptyCell: t.words.none });
  const label = (k: keyof Templates['decision']) => words(t.decision[k], front);
  const heading = label('heading');
  const columns = [{ header: t.words.item, width: 2 }, { header: t.words.detail, width: 5 }];
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: heading, id: ids.id(heading) },
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: longDay(front.meeting.date, t.language) }] },
    { kind: 'table', role: 'key-value', summary: 'The item decided', columns, rows: [[cell(label('titleLabel')), cell(front.title)]] },
    { kind: 'heading', level: 2, text: label('recordHeading'), id: ids.id(label('recordHeading')) },
    ...narrative,
    { kind: 'paragraph', style: 'lead', runs: [{ text: label('resolvedLeadIn') }] },
    { kind: 'list', ordered: true, items: front.resolved.map((r) => ({ runs: [{ text: r }], level: 0 })) },
    { kind: 'heading', level: 2, text: t.words.decisionDetails, id: ids.id('decision details') },
    { kind: 'table', role: 'key-value', summary: 'Reasons, alternatives, conflicts, dispensations, call-in and publication', columns, rows: detailRows(front, t, callIn) },
  ];
  const council = front.council ?? config.render.council;
  const doc = finishLayout({
    meta: { title: `${heading}: ${front.title}`, subject: `${front.decisionMaker}, ${longDate(front.meeting.date, t.language)}`, author: council, language: front.language, created },
    style: houseStyle(config.render),
    numbering: {},
    footer: { pageNumbers: true, left: council, pageNumberWords: pageNumberWords(t.words.pageNumbers) },
    sections: [{ orientation: 'portrait', header: { left: `${front.decisionMaker} – ${longDate(front.meeting.date, t.language)}`, right: t.words.decisionRecord }, blocks }],
  }, config.render);
  return { doc, diagnostics: [...cleaned.diagnostics, ...parsed.diagnostics, ...figures.diagnostics] };
}
