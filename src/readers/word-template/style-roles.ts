import { styleIdByName, styleIdFor } from './styles';
import type { BuiltInStyle, WordStyles } from './types';

/**
 * The Word style each of our paragraph kinds is written in. Our own template uses these ids; a council
 * template maps them to its own styles (by name and built-in id), so the body is written in the council's
 * styles. Character and table styles are not used: run formatting is direct (bold, italic, link colour).
 */
export interface StyleIds {
  normal: string;
  heading: Record<1 | 2 | 3 | 4 | 5 | 6, string>;
  title: string;
  subtitle: string;
  lead: string;
  note: string;
  label: string;
  caption: string;
  listParagraph: string;
  tableText: string;
  tocHeading: string;
  toc: Record<1 | 2 | 3 | 4, string>;
  header: string;
  footer: string;
  sectionEnd: string;
}

/** Our own template's style ids (src/writers/docx/styles.ts declares them). */
export const OUR_STYLE_IDS: StyleIds = {
  normal: 'Normal',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4', 5: 'Heading5', 6: 'Heading6' },
  title: 'Title',
  subtitle: 'Subtitle',
  lead: 'Lead',
  note: 'Note',
  label: 'Label',
  caption: 'Caption',
  listParagraph: 'ListParagraph',
  tableText: 'TableText',
  tocHeading: 'TOCHeading',
  toc: { 1: 'TOC1', 2: 'TOC2', 3: 'TOC3', 4: 'TOC4' },
  header: 'Header',
  footer: 'Footer',
  sectionEnd: 'SectionEnd',
};

/** Our role -> the template's built-in style, or the name we look for. */
const ROLES: { role: keyof Omit<StyleIds, 'heading' | 'toc'>; builtIn?: BuiltInStyle; name: string; ours: string }[] = [
  { role: 'normal', builtIn: 'Normal', name: 'Normal', ours: 'Normal' },
  { role: 'title', builtIn: 'Title', name: 'Title', ours: 'Title' },
  { role: 'subtitle', builtIn: 'Subtitle', name: 'Subtitle', ours: 'Subtitle' },
  { role: 'caption', builtIn: 'Caption', name: 'caption', ours: 'Caption' },
  { role: 'listParagraph', builtIn: 'ListParagraph', name: 'List Paragraph', ours: 'ListParagraph' },
  { role: 'tocHeading', builtIn: 'TOCHeading', name: 'TOC Heading', ours: 'TOCHeading' },
  { role: 'header', builtIn: 'Header', name: 'header', ours: 'Header' },
  { role: 'footer', builtIn: 'Footer', name: 'footer', ours: 'Footer' },
  { role: 'lead', name: 'Lead', ours: 'Lead' },
  { role: 'note', name: 'Note', ours: 'Note' },
  { role: 'label', name: 'Label', ours: 'Label' },
  { role: 'tableText', name: 'Table Text', ours: 'TableText' },
  { role: 'sectionEnd', name: 'Section End', ours: 'SectionEnd' },
];

/** Style ids for our roles in the template's styles, and the ids of ours that must be added. */
export function templateStyleIds(styles: WordStyles): { ids: StyleIds; missing: string[] } {
  const missing: string[] = [];
  const find = (builtIn: BuiltInStyle | undefined, name: string, ours: string) => {
    const id = (builtIn ? styleIdFor(styles, builtIn) : undefined) ?? styleIdByName(styles, name) ?? (styles.byId[ours] ? ours : undefined);
    if (id) return id;
    missing.push(ours);
    return ours;
  };
  const ids = { ...OUR_STYLE_IDS, heading: { ...OUR_STYLE_IDS.heading }, toc: { ...OUR_STYLE_IDS.toc } };
  for (const r of ROLES) ids[r.role] = find(r.builtIn, r.name, r.ours);
  for (const level of [1, 2, 3, 4, 5, 6] as const) ids.heading[level] = find(`Heading${level}`, `heading ${level}`, `Heading${level}`);
  for (const level of [1, 2, 3, 4] as const) ids.toc[level] = find(`TOC${level}` as BuiltInStyle, `toc ${level}`, `TOC${level}`);
  return { ids, missing };
}


/** The warning for styles a template lacks (ours are added), or undefined when it has them all. */
export function missingStylesWarning(file: string, styles: WordStyles): string | undefined {
  const { missing } = templateStyleIds(styles);
  if (!missing.length) return undefined;
  return `render.wordTemplate ${file}: has no style for ${missing.join(', ')}; ours ${missing.length === 1 ? 'is' : 'are'} added`;
}
