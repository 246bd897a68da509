import type { LayoutStyle } from '../layout';
import { fontSet, type FontSet } from '../fonts/font-set';
import { fontChoice } from '../fonts/substitutes';
import type { ParaFormat } from './formats';

/**
 * The font set each format is set in. Our house style has one (Arimo, or the council's render.fontFiles);
 * a Word template names fonts per style, each set in its metric-compatible twin (fonts/substitutes.ts).
 */
export interface FontBook {
  fontsFor(fmt: Pick<ParaFormat, 'font'>): FontSet;
  /** The fonts a template named that we could only approximate, once each. */
  warnings: string[];
}

export function fontBook(style: LayoutStyle): FontBook {
  const look = style.wordTemplate;
  const house = fontSet(style.fontFiles);
  if (!look) return { fontsFor: () => house, warnings: [] };
  const byName = new Map<string, FontSet>();
  const warnings: string[] = [];
  return {
    warnings,
    fontsFor(fmt) {
      let set = byName.get(fmt.font);
      if (!set) {
        const choice = fontChoice(fmt.font, Boolean(style.fontFiles), look.styles.fontFamilies[fmt.font]);
        if (choice.warning) warnings.push(choice.warning);
        set = choice.family ? fontSet(undefined, choice.family) : house;
        byName.set(fmt.font, set);
      }
      return set;
    },
  };
}

/** The template's fonts that have neither a metric-compatible substitute nor render.fontFiles, as warnings. */
export function templateFontWarnings(style: LayoutStyle, formats: Record<string, ParaFormat>): string[] {
  const book = fontBook(style);
  for (const f of Object.values(formats)) book.fontsFor(f);
  return book.warnings;
}
