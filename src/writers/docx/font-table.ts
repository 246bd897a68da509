import { DOMParser } from '@xmldom/xmldom';
import { W_NS, editXmlPart, elements } from './xml';

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
  Verdana: { panose: '020B0604030504040204', family: 'swiss' },
  Tahoma: { panose: '020B0604030504040204', family: 'swiss' },
  'Times New Roman': { panose: '02020603050405020304', family: 'roman' },
  Tinos: { panose: '02020603050405020304', family: 'roman' },
  Georgia: { panose: '02040502050405020303', family: 'roman' },
};

/** Fonts named in w:rFonts anywhere in the given parts (styles, numbering, body, headers, footers), in order of first use. */
export function fontsUsed(parts: string[]): string[] {
  const names = new Set<string>();
  for (const xml of parts) {
    const dom = new DOMParser().parseFromString(xml, 'text/xml');
    for (const el of elements(dom, W_NS, 'rFonts'))
      for (const attr of ['ascii', 'hAnsi', 'cs', 'eastAsia']) {
        const name = el.getAttributeNS(W_NS, attr);
        if (name) names.add(name);
      }
  }
  return [...names];
}

/**
 * The font table (word/fontTable.xml) naming every font the document uses. docx writes it empty, and
 * Word and LibreOffice then know nothing about the fonts when choosing substitutes.
 */
export function fillFontTable(fontTableXml: string, parts: string[]): string {
  const fonts = fontsUsed(parts);
  return editXmlPart('word/fontTable.xml', fontTableXml, (dom) => {
    const root = dom.documentElement;
    if (!root) return;
    const present = new Set(elements(dom, W_NS, 'font').map((f) => f.getAttributeNS(W_NS, 'name')));
    for (const name of fonts.filter((n) => !present.has(n))) {
      const font = dom.createElementNS(W_NS, 'w:font');
      font.setAttributeNS(W_NS, 'w:name', name);
      const known = KNOWN[name];
      // CT_Font's sequence: panose1, charset, family, pitch.
      const child = (tag: string, value: string) => {
        const el = dom.createElementNS(W_NS, tag);
        el.setAttributeNS(W_NS, 'w:val', value);
        font.appendChild(el);
      };
      if (known) child('w:panose1', known.panose);
      child('w:charset', '00');
      child('w:family', known?.family ?? 'auto');
      child('w:pitch', 'variable');
      root.appendChild(font);
    }
  });
}
