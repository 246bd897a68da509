import type { Plan } from '../model/plan';
import type { RenderSettings } from '../config/schema';
import type { LayoutDocument, LayoutSection, RunningText } from './layout';

export interface PlanAppendixOptions {
  /** "A" for "Appendix A"; omit for a plan printed on its own. */
  letter?: string;
  /** Defaults to the plan's title. */
  title?: string;
  header: RunningText;
  settings: RenderSettings;
  /** Heading level of the appendix title (1 standalone, 2 inside a report). */
  headingLevel?: 1 | 2;
  /** Prefix for heading ids so several plans can share one document. */
  idPrefix?: string;
}

/** Placeholder signature (issue 4): the action plan as landscape layout sections (seed 001's shape). */
export function planAppendixSections(_plan: Plan, _options: PlanAppendixOptions): LayoutSection[] {
  throw new Error('plan appendix layout not yet available');
}

/** Placeholder signature (issue 4): the appendix as a document of its own. */
export function planAppendixDocument(_plan: Plan, _options: PlanAppendixOptions & { created: string }): LayoutDocument {
  throw new Error('plan appendix layout not yet available');
}
