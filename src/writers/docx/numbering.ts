import { AlignmentType, LevelFormat, type ILevelsOptions } from 'docx';
import type { LayoutDocument, NumberingLevel } from '../../render/layout';

const FORMAT: Record<NumberingLevel['format'], (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  lowerLetter: LevelFormat.LOWER_LETTER,
  upperLetter: LevelFormat.UPPER_LETTER,
  lowerRoman: LevelFormat.LOWER_ROMAN,
  upperRoman: LevelFormat.UPPER_ROMAN,
};

/** The numbering reference of unordered lists. */
export const BULLET_LIST = 'list-bullet';

/** Word numbering definitions from the layout's sequences: Word then counts exactly as the layout did. */
export function docxNumbering(doc: LayoutDocument): { config: { reference: string; levels: ILevelsOptions[] }[] } {
  const font = doc.style.font;
  const config: { reference: string; levels: ILevelsOptions[] }[] = Object.entries(doc.numbering).map(([reference, seq]) => ({
    reference,
    levels: seq.levels.map((l, level) => ({
      level,
      format: FORMAT[l.format],
      text: l.pattern,
      start: l.start ?? 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 850, hanging: 850 } } },
    })),
  }));
  config.push({
    reference: 'list-ordered',
    levels: [0, 1, 2, 3].map((level) => ({
      level,
      format: level % 2 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start: 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  });
  config.push({
    reference: BULLET_LIST,
    levels: [0, 1, 2, 3].map((level) => ({
      level,
      format: LevelFormat.BULLET,
      // The PDF's markers, from glyphs the house font has (• U+2022, – U+2013), in the house font: docx's
      // default bullets (● ○ ■) are not in Arial/Arimo, so Word and LibreOffice substitute another font.
      text: level % 2 ? '\u2013' : '\u2022',
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } }, run: { font } },
    })),
  });
  return { config };
}
