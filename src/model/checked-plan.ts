import { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { issueMessage } from '../diagnostics/zod-message';
import { isExactAction } from './action-check';
import { ActionSchema, PlanSchema, SectionSchema, ThemeSchema, type Plan } from './plan';

/*
 * Parsing a 200,000-action plan whole made a second copy of every action (about 160 MB, and 1.3 s) while
 * the first was still held. The plan around the actions is parsed as before; each action is kept as the
 * normaliser made it when it is exactly what the schema would give back (action-check.ts), and parsed by
 * the schema only when it is not, so the result is the same plan the whole parse gave.
 */
const ShellSchema = PlanSchema.extend({
  sections: z.array(SectionSchema.extend({ themes: z.array(ThemeSchema.extend({ actions: z.array(z.unknown()) })) })),
});

/**
 * The normaliser's output checked against the plan's zod schema, the boundary every later stage trusts
 * (render, board pack, snapshots). A plan that does not match is our fault, not the author's: it is reported
 * as an error naming the first mismatches (instead of a crash three stages later), and no plan is returned.
 */
export function checkedPlan(result: { plan?: Plan; diagnostics: Diagnostic[] }, file: string): { plan?: Plan; diagnostics: Diagnostic[] } {
  if (!result.plan) return result;
  const shell = ShellSchema.safeParse(result.plan, { reportInput: true });
  const issues: z.core.$ZodIssue[] = shell.success ? [] : [...shell.error.issues];
  result.plan.sections.forEach((section, s) =>
    section.themes.forEach((theme, t) =>
      theme.actions.forEach((action, a) => {
        if (isExactAction(action)) return;
        const parsed = ActionSchema.safeParse(action, { reportInput: true });
        if (parsed.success) {
          const kept = shell.data?.sections[s]?.themes[t]?.actions;
          if (kept) kept[a] = parsed.data;
        } else issues.push(...parsed.error.issues.map((i) => ({ ...i, path: ['sections', s, 'themes', t, 'actions', a, ...i.path] })));
      }),
    ),
  );
  if (!issues.length && shell.success) return { plan: shell.data as Plan, diagnostics: result.diagnostics };
  const named = issues.slice(0, 3).map((i) => `${i.path.join('.') || 'plan'}: ${issueMessage(i)}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return {
    diagnostics: [
      ...result.diagnostics,
      error('plan-model-invalid', `what was read from this workbook does not fit the plan model, so it was not used: ${named.join('; ')}${more}. This is a fault in cabinet-reports; please report it with the workbook`, { file }),
    ],
  };
}
