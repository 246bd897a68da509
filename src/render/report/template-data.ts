import type { Plan } from '../../model/plan';
import { planActions } from '../../model/plan';
import type { ReportFrontMatter } from '../../model/report-source';
import { statusCounts } from '../../model/plan-summary-counts';
import { financeSummaryText } from '../finance-table';
import type { MoneyUnit } from '../money';
import { longDate } from '../../dates/format';
import type { Templates } from './templates';

/** A plan as template data: plain values authors can print ({{plan.actions.length}}, counts by status). */
export function planData(plan: Plan, money: MoneyUnit, notRated = 'Not rated') {
  const actions = [...planActions(plan)].map(({ action }) => ({ id: action.id ?? '', text: action.text, status: action.status?.label ?? notRated, due: action.due.text }));
  const counts = statusCounts(plan);
  return {
    title: plan.title,
    actions,
    sections: plan.sections.map((s) => ({ code: s.code ?? '', title: s.title, themes: s.themes.length, actions: s.themes.reduce((n, t) => n + t.actions.length, 0) })),
    themes: plan.sections.flatMap((s) => s.themes.map((t) => ({ number: t.number ?? '', title: t.title }))),
    status: Object.fromEntries(counts.byStatus.map((c) => [c.label, c.count])),
    finance: financeSummaryText(plan.finance, money),
    risks: plan.risks.length,
  };
}

export function reportData(front: ReportFrontMatter, plans: Record<string, Plan>, money: MoneyUnit, t: Pick<Templates, 'language' | 'words'>) {
  const named = Object.fromEntries(Object.entries(plans).map(([k, p]) => [k, planData(p, money, t.words.notRated)]));
  return { ...front, meetingDate: longDate(front.meeting.date, t.language), ...named };
}
