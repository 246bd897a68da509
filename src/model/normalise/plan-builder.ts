import type { Action, ImpactMeasures, Lead, Section, Theme } from '../plan';

/** The plan being assembled, with the cell each section and theme started at (for "empty" warnings). */
export interface SectionDraft {
  section: Section;
  cell?: string | undefined;
  raw: string;
  themes: ThemeDraft[];
}

export interface ThemeDraft {
  theme: Theme;
  cell?: string | undefined;
  raw: string;
}

export const emptyImpact = (): ImpactMeasures => ({ kpis: [], quality: [], interdependencies: [] });

export class PlanBuilder {
  readonly sections: SectionDraft[] = [];
  lastAction: Action | undefined;
  lastLeads: Lead[] = [];
  /** Where each action id was first read, as its cellKey (-1: nowhere); named only for a duplicate. */
  readonly ids = new Map<string, number>();

  constructor(private readonly defaultTitle: string) {}

  get section(): SectionDraft | undefined {
    return this.sections[this.sections.length - 1];
  }

  get theme(): ThemeDraft | undefined {
    const s = this.section;
    return s?.themes[s.themes.length - 1];
  }

  startSection(raw: string, code: string | undefined, title: string, cell?: string): SectionDraft {
    const draft: SectionDraft = {
      section: { code, title, strategicLeads: [], themes: [], impact: emptyImpact() },
      cell,
      raw,
      themes: [],
    };
    this.sections.push(draft);
    this.lastAction = undefined;
    this.lastLeads = [];
    return draft;
  }

  startTheme(raw: string, number: string | undefined, title: string, cell?: string): ThemeDraft {
    const section = this.section ?? this.startSection('', undefined, this.defaultTitle);
    const draft: ThemeDraft = { theme: { number, title, actions: [] }, cell, raw };
    section.themes.push(draft);
    section.section.themes.push(draft.theme);
    this.lastAction = undefined;
    return draft;
  }

  /** The theme a data row belongs to, creating the implicit one for plans without themes. */
  currentTheme(): ThemeDraft {
    return this.theme ?? this.startTheme('', undefined, '');
  }

  addAction(action: Action): void {
    this.currentTheme().theme.actions.push(action);
    this.lastAction = action;
  }
}
