import type { ReportFrontMatter } from '../../model/report-source';
import { exemptionWording } from '../../model/exempt';
import type { TableBlock } from '../layout';
import type { Templates } from './templates';
import { longDate } from './dates-text';
import { words } from './words';

/** Texts the front sheet template prints that need a decision, not just a field. */
export function frontSheetData(front: ReportFrontMatter, t: Templates) {
  const exempt = front.classification !== 'public' ? front.classification : undefined;
  return {
    ...front,
    meetingDate: longDate(front.meeting.date),
    wardsText: front.wards === 'All' ? 'All' : front.wards.join(', '),
    exemptText: exempt ? `Exempt. ${exemptionWording(exempt.exempt)}. ${exempt.reason}` : exemptAppendicesText(front),
    keyDecisionText: keyDecisionText(front),
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
function exemptAppendicesText(front: ReportFrontMatter): string {
  const exempt = front.appendices.filter((a) => a.exempt);
  if (!exempt.length) return 'Not applicable';
  return exempt
    .map((a) => `Appendix ${a.letter} is exempt. ${exemptionWording(a.exemptParagraphs ?? [])}.${a.exemptReason ? ` ${a.exemptReason}` : ''}`)
    .join('\n');
}

function keyDecisionText(front: ReportFrontMatter): string {
  const k = front.keyDecision;
  const ref = k.forwardPlanRef ? ` (Forward Plan reference ${k.forwardPlanRef})` : '';
  return `${k.value ? 'Yes' : 'No'}${ref}${k.reason ? `. ${k.reason}` : ''}`;
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
    columns: [{ header: 'Item', width: 2 }, { header: 'Detail', width: 5 }],
    rows: rows.map((r) => [{ runs: [{ text: r.label }] }, { runs: [{ text: r.value }] }]),
  };
}
