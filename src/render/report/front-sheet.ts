import type { ReportFrontMatter } from '../../model/report-source';
import { exemptionWording } from '../../model/exempt';
import { longDate } from '../../dates/format';
import type { TableBlock } from '../layout';
import type { Templates } from './templates';
import { words } from './words';

/** Texts the front sheet template prints that need a decision, not just a field. */
export function frontSheetData(front: ReportFrontMatter, t: Templates) {
  const exempt = front.classification !== 'public' ? front.classification : undefined;
  return {
    ...front,
    urgency: front.urgency ?? t.words.notApplicable,
    meetingDate: longDate(front.meeting.date, t.language),
    wardsText: front.wards === 'All' ? t.words.allWards : front.wards.join(', '),
    exemptText: exempt ? `${t.words.exempt} ${exemptionWording(exempt.exempt)}. ${exempt.reason}` : exemptAppendicesText(front, t),
    keyDecisionText: keyDecisionText(front, t),
    purposeText: t.wording.purpose[front.purpose],
    appendicesText: front.appendices.length
      ? front.appendices.map((a) => words(t.wording.appendixListEntry, a) + (a.exempt ? t.wording.exemptAppendixNote : '')).join('\n')
      : t.wording.noAppendices,
  };
}

/**
 * A public report with exempt appendices: the front sheet names each, with its Schedule 12A paragraphs and
 * reason, so the exempt row agrees with the appendix list and the restricted pack.
 */
function exemptAppendicesText(front: ReportFrontMatter, t: Templates): string {
  const exempt = front.appendices.filter((a) => a.exempt);
  if (!exempt.length) return t.words.notApplicable;
  return exempt
    .map((a) => `${words(t.words.exemptAppendix, a)} ${exemptionWording(a.exemptParagraphs ?? [])}.${a.exemptReason ? ` ${a.exemptReason}` : ''}`)
    .join('\n');
}

function keyDecisionText(front: ReportFrontMatter, t: Templates): string {
  const k = front.keyDecision;
  const ref = k.forwardPlanRef ? ` (${words(t.words.forwardPlanRef, { ref: k.forwardPlanRef })})` : '';
  return `${k.value ? t.words.yes : t.words.no}${ref}${k.reason ? `. ${k.reason}` : ''}`;
}

export function frontSheetTable(front: ReportFrontMatter, t: Templates): TableBlock {
  const data = frontSheetData(front, t);
  const rows = t.frontSheet
    .map((row) => ({ label: row.label, value: words(row.value, data) }))
    .filter((row) => row.value !== '');
  return {
    kind: 'table',
    summary: 'Report front sheet: meeting, author, decision-making and publication details',
    role: 'key-value',
    columns: [{ header: t.words.item, width: 2 }, { header: t.words.detail, width: 5 }],
    rows: rows.map((r) => [{ runs: [{ text: r.label }] }, { runs: [{ text: r.value }] }]),
  };
}
