import { esc, W_ROOT_NS, XML_DECLARATION } from './xml-write';

/**
 * What Word records about the fonts it knows best. PANOSE and family let Word and LibreOffice pick a
 * metric-compatible substitute when the font is missing (Arimo and Liberation Sans for Arial), so lines
 * break where ours do. A font not listed is still named, with no classification.
 */
const KNOWN: Record<string, { panose: string; family: 'swiss' | 'roman' }> = {
  Arial: { panose: '020B0604020202020204', family: 'swiss' },
  Arimo: { panose: '020B0604020202020204', family: 'swiss' },
  'Liberation Sans': { panose: '020B0604020202020204', family: 'swiss' },
  Helvetica: { panose: '020B0604020202020204', family: 'swiss' },
  Calibri: { panose: '020F0502020204030204', family: 'swiss' },
  Carlito: { panose: '020F0502020204030204', family: 'swiss' },
  Verdana: { panose: '020B0604030504040204', family: 'swiss' },
  Tahoma: { panose: '020B0604030504040204', family: 'swiss' },
  'Times New Roman': { panose: '02020603050405020304', family: 'roman' },
  Tinos: { panose: '02020603050405020304', family: 'roman' },
  Cambria: { panose: '02040503050406030204', family: 'roman' },
  Georgia: { panose: '02040502050405020303', family: 'roman' },
};

/** One w:font entry (CT_Font's sequence: panose1, charset, family, pitch). */
export function fontEntry(name: string): string {
  const known = KNOWN[name];
  return `<w:font w:name="${esc(name)}">${known ? `<w:panose1 w:val="${known.panose}"/>` : ''}<w:charset w:val="00"/><w:family w:val="${known?.family ?? 'auto'}"/><w:pitch w:val="variable"/></w:font>`;
}

/**
 * The font table (word/fontTable.xml) naming every font the document uses: Word and LibreOffice otherwise
 * know nothing about the fonts when choosing substitutes. The writer names fonts only in styles and
 * numbering (body runs never name one), so the list is the house font.
 */
export function fontTableXml(fonts: readonly string[]): string {
  return `${XML_DECLARATION}<w:fonts ${W_ROOT_NS}>${[...new Set(fonts)].map(fontEntry).join('')}</w:fonts>`;
}
