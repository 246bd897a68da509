import * as path from 'node:path';
import type { Config } from '../config/schema';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { lineOfKey } from '../model/front-matter';
import { readDecisionSource } from '../model/decision-source';
import { decisionCallIn } from '../render/decision/decision-layout';
import { WorkingCalendar } from '../dates/calendar';
import { checkCallIn, checkWorkingDay } from '../dates/checks';

export function checkDecisionFile(file: string, config: Config): Diagnostic[] {
  const source = readDecisionSource(path.resolve(file), file);
  const diagnostics = source.diagnostics.map((d) => ({ ...d, file }));
  if (!source.front) return diagnostics;
  const text = source.text ?? '';
  const place = { file, line: lineOfKey(text, ['published']) };
  const cal = WorkingCalendar.fromSettings(config.governance);
  const callIn = decisionCallIn(source.front, config);
  return [
    ...diagnostics,
    ...checkWorkingDay(source.front.published, 'publication date', cal, place),
    ...(source.front.published < source.front.meeting.date ? checkCallIn(source.front.meeting.date, source.front.published, place) : []),
    ...(callIn ? checkCallIn(source.front.published, callIn.date, place) : []),
  ];
}
