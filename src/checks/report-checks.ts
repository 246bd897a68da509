import type { Config } from '../config/schema';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import { lineOfKey } from '../model/front-matter';
import { prepareReport } from '../pipeline/build-report';
import { checkAccessibility } from './accessibility';
import { formatMoneyWords } from '../render/money';
import { WorkingCalendar } from '../dates/calendar';
import { checkWorkingDay } from '../dates/checks';

/** What democratic services check by hand before a report is published. */
export function checkReportFile(file: string, config: Config): Diagnostic[] {
  const { input, doc, diagnostics } = prepareReport(file, { config });
  if (!input) return diagnostics;
  const front = input.source.front;
  const text = input.source.text ?? '';
  const at = (...key: string[]) => ({ file, line: lineOfKey(text, key) });
  const out = [...diagnostics];
  if (front.keyDecision.value && !front.keyDecision.forwardPlanRef)
    out.push(error('key-decision-without-forward-plan', 'the report is a key decision but gives no forward plan reference (keyDecision.forwardPlanRef)', at('keyDecision')));
  const threshold = config.governance.keyDecisionThreshold;
  for (const [name, plan] of Object.entries(input.plans)) {
    const peak = Math.max(0, ...Object.values(plan.finance?.totals ?? {}).map(Math.abs));
    if (!front.keyDecision.value && peak >= threshold)
      out.push(warning('finance-above-key-threshold', `workbook "${name}" has a finance total of ${formatMoneyWords(peak)}, at or above the key decision threshold of ${formatMoneyWords(threshold)}, but the report is not marked as a key decision`, at('keyDecision')));
  }
  out.push(...checkWorkingDay(front.meeting.date, 'the meeting date', WorkingCalendar.fromSettings(config.governance), at('meeting', 'date')));
  if (doc) out.push(...checkAccessibility(doc, { file }));
  return out;
}
