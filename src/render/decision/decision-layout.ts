import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { DecisionFrontMatter, DecisionSource } from '../../model/decision-source';
import type { Config } from '../../config/schema';
import type { Block, LayoutDocument, TableCell } from '../layout';
import { houseStyle } from '../style';
import { finishLayout } from '../house-style';
import { IdAllocator } from '../ids';
import { WorkingCalendar } from '../../dates/calendar';
import { callInDeadline, type CallIn } from '../../dates/rules';
import { longDay, longDate } from '../../dates/format';
import { parseBody } from '../report/markdown-body';
import { BlockSlots } from '../report/template-engine';
import { BUILTIN_TEMPLATES } from '../report/templates';
import { words } from '../report/words';
import { figureBlocks } from '../report/figures';
import type { Diagnostic } from '../../diagnostics/diagnostic';

type Labels = Record<string, string>;

export function decisionLabels(councilDir?: string): Labels {
  const own = councilDir && path.join(councilDir, 'decision-record.yaml');
  return parse(fs.readFileSync(own && fs.existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, 'decision-record.yaml'), 'utf8')) as Labels;
}

/** The call-in deadline computed from the publication date under the council's (or this record's) rule. */
export function decisionCallIn(front: DecisionFrontMatter, config: Config): CallIn | undefined {
  if (front.notSubjectToCallIn) return undefined;
  return callInDeadline(front.published, WorkingCalendar.fromSettings(config.governance), front.callIn ?? config.governance.callIn);
}

const cell = (text: string): TableCell => ({ runs: [{ text }] });

function detailRows(front: DecisionFrontMatter, labels: Labels, callIn: CallIn | undefined): TableCell[][] {
  const l = (k: string) => words(labels[k] ?? k, front);
  const rows: [string, string][] = [
    [l('reasons'), front.reasons],
    [l('alternatives'), front.alternatives],
    [l('conflicts'), front.conflicts],
    [l('dispensations'), front.dispensations],
    [l('keyDecision'), front.keyDecision.value ? `Yes${front.keyDecision.forwardPlanRef ? ` (Forward Plan reference ${front.keyDecision.forwardPlanRef})` : ''}` : 'No'],
    [l('wards'), front.wards === 'All' ? 'All' : front.wards.join(', ')],
  ];
  if (front.leadOfficer) rows.push([l('leadOfficer'), front.leadOfficer]);
  if (callIn) rows.push([l('callIn'), callIn.wording], [l('implementFrom'), longDay(callIn.implementFrom)]);
  else rows.push([l('notSubjectToCallIn'), front.notSubjectToCallIn!.reason], [l('implementFrom'), longDay(front.meeting.date)]);
  rows.push([l('published'), longDay(front.published)]);
  return rows.map(([k, v]) => [cell(k), cell(v)]);
}

/** Seed 004's shape: decision maker and date, the item, the record with RESOLVED, then the statutory details. */
export function decisionDocument(source: DecisionSource & { front: DecisionFrontMatter }, config: Config, labels: Labels, created: string, cwd = process.cwd()): { doc: LayoutDocument; diagnostics: Diagnostic[] } {
  const front = source.front;
  const ids = new IdAllocator();
  const callIn = decisionCallIn(front, config);
  // Images are figures here as in reports: found beside the record, warned about without alt text.
  const figures = figureBlocks(parseBody(source.body, new BlockSlots()), { file: source.file, body: source.body, bodyLine: source.bodyLine, cwd }, houseStyle(config.render));
  const narrative: Block[] = figures.items.flatMap((item): Block[] => {
    if (item.kind === 'paragraph') return [{ kind: 'paragraph', runs: item.runs }];
    if (item.kind === 'list') return [{ kind: 'list', ordered: item.ordered, items: item.items }];
    if (item.kind === 'heading') return [{ kind: 'heading', level: 3, text: item.text, id: ids.id(item.text) }];
    if (item.kind === 'blocks') return item.blocks;
    return [];
  });
  const heading = words(labels.heading!, front);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: heading, id: ids.id(heading) },
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: longDay(front.meeting.date) }] },
    { kind: 'table', role: 'key-value', summary: 'The item decided', columns: [{ header: 'Item', width: 2 }, { header: 'Detail', width: 5 }], rows: [[cell(labels.titleLabel!), cell(front.title)]] },
    { kind: 'heading', level: 2, text: labels.recordHeading!, id: ids.id(labels.recordHeading!) },
    ...narrative,
    { kind: 'paragraph', style: 'lead', runs: [{ text: labels.resolvedLeadIn! }] },
    { kind: 'list', ordered: true, items: front.resolved.map((r) => ({ runs: [{ text: r }], level: 0 })) },
    { kind: 'heading', level: 2, text: 'Decision details', id: ids.id('decision details') },
    { kind: 'table', role: 'key-value', summary: 'Reasons, alternatives, conflicts, dispensations, call-in and publication', columns: [{ header: 'Item', width: 2 }, { header: 'Detail', width: 5 }], rows: detailRows(front, labels, callIn) },
  ];
  const council = front.council ?? config.render.council;
  const doc = finishLayout({
    meta: { title: `${heading}: ${front.title}`, subject: `${front.decisionMaker}, ${longDate(front.meeting.date)}`, author: council, language: 'en-GB', created },
    style: houseStyle(config.render),
    numbering: {},
    footer: { pageNumbers: true, left: council },
    sections: [{ orientation: 'portrait', header: { left: `${front.decisionMaker} – ${longDate(front.meeting.date)}`, right: 'Decision record' }, blocks }],
  }, config.render);
  return { doc, diagnostics: figures.diagnostics };
}
