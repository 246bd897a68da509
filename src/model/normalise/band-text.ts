/** Recognisers for the one-cell "band" rows plans put between table rows. */

export interface SectionHeading {
  code?: string | undefined;
  title: string;
}

/** "A. Impact of leaders…", "Section B: …", "Priority area 2 – …" */
export function parseSectionHeading(text: string): SectionHeading | undefined {
  const t = text.trim();
  let m = t.match(/^([A-Z])\s*[.:)]\s+(.+)$/s);
  if (m) return { code: m[1], title: m[2]!.trim() };
  m = t.match(/^(?:section|priority area|part)\s+([A-Z0-9]{1,3})\s*[:.)–—-]\s*(.+)$/is);
  if (m) return { code: m[1]!.toUpperCase(), title: m[2]!.trim() };
  return undefined;
}

/** "1. Providing strategic leadership" -> number 1; unnumbered themes keep their text. */
export function parseThemeHeading(text: string): { number?: string | undefined; title: string } {
  const m = text.trim().match(/^(\d{1,3})[.)]?\s+(.+)$/s);
  return m ? { number: m[1], title: m[2]!.trim() } : { title: text.trim() };
}

/** Title-block and footnote lines: dates of update, authors, versions, notes. Never actions or themes. */
export const isNote = (t: string) =>
  /^(last updated|updated\s*(on)?\s*[:\d]|date (last )?updated|date of (last )?update|prepared by|produced by|compiled by|(reviewed|approved|signed off) by\s*:|author\s*:|owner\s*:|version\s*[:\d]|(next )?review date|report(ing)? date\s*:|notes?\b\s*[:\-–]|nb\s*[:.]|n\.b\.|source\s*:|please note|\*\s*(denotes|indicates|notes?\b|see\b)|(data|status|position) as at|as at\s+\d)/i.test(t.trim());

export const isImpactHeading = (t: string) => /^impact measures?\b/i.test(t.trim());
export const strategicLeadText = (t: string) => t.trim().match(/^strategic lead\s*[:–—-]?\s*(.*)$/is)?.[1];
export const isAim = (t: string) => /^(our aim is|aim\s*[:–—-]|aims?\s*$)/i.test(t.trim());

export type ImpactKind = 'kpis' | 'quality' | 'interdependencies';

export function impactKind(label: string): ImpactKind | undefined {
  const l = label.toLowerCase();
  if (/key performance|kpi|performance indicator/.test(l)) return 'kpis';
  if (/quality|feedback/.test(l)) return 'quality';
  if (/interdependenc|dependenc|related plans|links to/.test(l)) return 'interdependencies';
  return undefined;
}

/** Splits a measures cell into items: lines, bullets or ";". */
export function splitMeasures(text: string): string[] {
  return text
    .split(/\n|•|;|\u2022/)
    .map((s) => s.replace(/^[\s\-–*]+/, '').trim())
    .filter(Boolean);
}

/** An id at the start of the action text: "1.1 Develop…", "18.3a Engage…", "ORG.1.01 …", "D1 …". */
export function leadingId(text: string): { id: string; rest: string } | undefined {
  const m = text.match(/^(\d{1,3}(?:\.\d{1,3})+[a-z]?|[A-Z]{1,5}\.?\d{1,3}(?:\.\d{1,3})*[a-z]?)[.:)]?\s+(\S[\s\S]*)$/);
  return m ? { id: m[1]!, rest: m[2]!.trim() } : undefined;
}
