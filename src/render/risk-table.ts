import type { Risk } from '../model/plan';
import type { TableBlock } from './layout';

const score = (n: number | undefined) => (n === undefined ? 'Not scored' : String(n));

/** Risk | Likelihood | Impact | Rating | Mitigation | Owner (seed 002 gives only risk and mitigation). */
export function riskTable(risks: Risk[]): TableBlock {
  return {
    kind: 'table',
    summary: 'Risks with likelihood, impact, rating (likelihood times impact), mitigation and owner',
    role: 'data',
    columns: [
      { header: 'Risk', width: 4 },
      { header: 'Likelihood', width: 1.7 },
      { header: 'Impact', width: 1.3 },
      { header: 'Rating', width: 1.3 },
      { header: 'Mitigation', width: 4 },
      { header: 'Owner', width: 2 },
    ],
    rows: risks.map((r) =>
      [r.risk, score(r.likelihood), score(r.impact), score(r.rating), r.mitigation || 'None recorded', r.owner ?? 'Not assigned'].map((t) => ({ runs: [{ text: t }] })),
    ),
  };
}
