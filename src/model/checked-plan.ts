import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { issueMessage } from '../diagnostics/zod-message';
import { PlanSchema, type Plan } from './plan';

/**
 * The normaliser's output parsed with the plan's zod schema, the boundary every later stage trusts
 * (render, board pack, snapshots). A plan that does not match is our fault, not the author's: it is reported
 * as an error naming the first mismatches (instead of a crash three stages later), and no plan is returned.
 */
export function checkedPlan(result: { plan?: Plan; diagnostics: Diagnostic[] }, file: string): { plan?: Plan; diagnostics: Diagnostic[] } {
  if (!result.plan) return result;
  const parsed = PlanSchema.safeParse(result.plan, { reportInput: true });
  if (parsed.success) return { plan: parsed.data, diagnostics: result.diagnostics };
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'plan'}: ${issueMessage(i)}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return {
    diagnostics: [
      ...result.diagnostics,
      error('plan-model-invalid', `what was read from this workbook does not fit the plan model, so it was not used: ${issues.join('; ')}${more}. This is a fault in cabinet-reports; please report it with the workbook`, { file }),
    ],
  };
}
