import * as path from 'node:path';

/**
 * Arimo (Apache-2.0, shipped in @fontsource/arimo) has Arial's metrics, so a PDF set in it breaks lines and
 * pages where Word does with Arial: that is why the DOCX contents list can borrow the PDF's page numbers.
 */
export const FONT_DIR = path.dirname(require.resolve('@fontsource/arimo/package.json'));
const file = (weight: number, style: string) => path.join(FONT_DIR, 'files', `arimo-latin-${weight}-${style}.woff`);

export const PDF_FONTS = {
  Arimo: { normal: file(400, 'normal'), bold: file(700, 'normal'), italics: file(400, 'italic'), bolditalics: file(700, 'italic') },
};

/** The house font as named in the layout, mapped to the font we embed. */
export function pdfFontFor(_houseFont: string): keyof typeof PDF_FONTS {
  return 'Arimo';
}
