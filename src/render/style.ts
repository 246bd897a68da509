import type { RenderSettings } from '../config/schema';
import { diagnostic, warning, type Diagnostic } from '../diagnostics/diagnostic';
import type { LayoutStyle } from './layout';
import type { TemplateLook } from '../readers/word-template/types';
import { contrastRatio, darkenFor, MIN_TEXT_CONTRAST, textColourFor } from './contrast';
import { templatePageWarnings, withWordTemplate } from './paginate/template-style';
import { templateFontWarnings } from './paginate/font-book';
import { paragraphFormats } from './paginate/formats';
import { logoGivesWay } from './house-style';

type StyleSettings = Pick<RenderSettings, 'font' | 'fontSize'> & Partial<Pick<RenderSettings, 'brandColour' | 'pageSize' | 'fontFiles' | 'wordTemplate' | 'logo'>>;

const DEFAULT_BRAND = '#1F3864';

/**
 * The brand colour as used: headings print it on white, table header rows print white or black text on it.
 * Either must reach 4.5:1 (WCAG 1.4.3), so a colour too light for that is darkened just enough, and
 * brandColourWarnings says so, naming the colour.
 */
function brandColours(brand: string | undefined): { heading: string; fill: string; text: string } {
  const colour = brand ?? DEFAULT_BRAND;
  const heading = contrastRatio(colour, '#FFFFFF') >= MIN_TEXT_CONTRAST ? colour : darkenFor(colour);
  const onFill = textColourFor(colour);
  if (onFill.ratio >= MIN_TEXT_CONTRAST) return { heading, fill: colour, text: onFill.colour };
  const fill = darkenFor(colour);
  return { heading, fill, text: '#FFFFFF' };
}

/** House style from settings: one place, so both writers use the same sizes and colours. */
export function houseStyle(settings: StyleSettings): LayoutStyle {
  const body = Math.max(settings.fontSize, 12);
  const brand = brandColours(settings.brandColour);
  const style: LayoutStyle = {
    font: settings.font,
    fontSize: body,
    headingSizes: { 1: body + 8, 2: body + 4, 3: body + 2, 4: body },
    tableFontSize: Math.max(body - 1, 11),
    headingColour: brand.heading,
    tableHeaderFill: brand.fill,
    tableHeaderText: brand.text,
    pageSize: settings.pageSize ?? 'A4',
    ...(settings.fontFiles ? { fontFiles: settings.fontFiles } : {}),
    margins: { top: 72, right: 56, bottom: 64, left: 56 },
  };
  // The council's Word template, read once per build (resolveHouseSettings opened it and made its path
  // absolute): its page, body font and styles over ours (paginate/template-style.ts).
  return settings.wordTemplate ? withWordTemplate(style, templateLook(settings.wordTemplate)) : style;
}

/** The template's own warnings, and what of its page and fonts the PDF can only approximate. */
function templateWarnings(settings: StyleSettings, look: TemplateLook): string[] {
  const style = houseStyle(settings);
  return [...look.warnings, ...templatePageWarnings(look, settings.pageSize ?? 'A4'), ...templateFontWarnings(style, paragraphFormats(style))];
}

/** What houseStyle had to change in the council's brand colour to keep text readable. */
export function brandColourWarnings(settings: StyleSettings, place: { file?: string } = {}): Diagnostic[] {
  // What the council's Word template lacks or cannot carry is reported with the house style's other warnings.
  const look = settings.wordTemplate ? templateLook(settings.wordTemplate) : undefined;
  const template = look ? templateWarnings(settings, look).map((w) => warning('word-template', w, place)) : [];
  const logo = logoGivesWay(settings, look);
  if (logo) template.push(diagnostic('info', 'word-template-logo', logo, place));
  const brand = settings.brandColour;
  if (!brand) return template;
  const used = brandColours(brand);
  const out: Diagnostic[] = [...template];
  const onWhite = contrastRatio(brand, '#FFFFFF');
  if (used.heading !== brand)
    out.push(warning('brand-colour-contrast', `render.brandColour ${brand} on white has contrast ${onWhite.toFixed(1)}:1, below ${MIN_TEXT_CONTRAST}:1: headings use ${used.heading} instead`, place));
  if (used.fill !== brand)
    out.push(warning('brand-colour-contrast', `render.brandColour ${brand} gives table header text a contrast of ${textColourFor(brand).ratio.toFixed(1)}:1 at best, below ${MIN_TEXT_CONTRAST}:1: table headers use ${used.fill} with white text instead`, place));
  return out;
}

/** The council's Word template, loaded only by a build that names one (start-up stays small without). */
function templateLook(...args: Parameters<typeof import('../readers/word-template/package').wordTemplateLook>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../readers/word-template/package') as typeof import('../readers/word-template/package')).wordTemplateLook(...args);
}
