import { LineRuleType, type IStylesOptions } from 'docx';
import type { LayoutStyle } from '../../render/layout';
import { paragraphFormats, type ParaFormat } from '../../render/paginate/formats';

const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
const hex = (c: string) => c.slice(1);

/**
 * A paragraph format as Word paragraph and run properties. w:line always comes with w:lineRule="auto" (a
 * multiple of the font's own line): without it LibreOffice reads 276 as an exact 13.8pt and overprints.
 */
function paragraph(f: ParaFormat, extra: Record<string, unknown> = {}) {
  return {
    spacing: { before: twips(f.before), after: twips(f.after), line: Math.round(f.line * 240), lineRule: LineRuleType.AUTO },
    ...(f.indent ? { indent: { left: twips(f.indent) } } : {}),
    ...(f.keepNext ? { keepNext: true } : {}),
    ...extra,
  };
}

function run(f: ParaFormat, font: string) {
  return { font, size: half(f.size), bold: f.face === 'bold' || f.face === 'boldItalic', italics: f.face === 'italic' || f.face === 'boldItalic', color: hex(f.colour) };
}

/**
 * Word styles declaring exactly the sizes and spacing pagination used (src/render/paginate/formats.ts), so
 * Word and LibreOffice break pages where our PDF does and the pre-filled contents numbers stay true. Real
 * Heading 1-4 with outline levels, so the navigation pane, a refreshed TOC and tagged export find them.
 */
export function docxStyles(s: LayoutStyle, language = 'en-GB'): IStylesOptions {
  const f = paragraphFormats(s);
  const heading = (level: 1 | 2 | 3 | 4) => ({ run: run(f[`h${level}`], s.font), paragraph: paragraph(f[`h${level}`], { outlineLevel: level - 1 }) });
  const style = (id: string, name: string, format: ParaFormat, next?: string) => ({ id, name, basedOn: 'Normal', ...(next ? { next } : {}), run: run(format, s.font), paragraph: paragraph(format) });
  return {
    default: {
      document: { run: { font: s.font, size: half(s.fontSize), language: { value: language } }, paragraph: paragraph(f.body) },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
      title: { run: run(f.title, s.font), paragraph: paragraph(f.title) },
    },
    paragraphStyles: [
      style('Lead', 'Lead', f.lead),
      style('Note', 'Note', f.note),
      style('Label', 'Label', f.label, 'Normal'),
      style('Subtitle', 'Subtitle', f.subtitle),
      style('TableText', 'Table Text', f.tableText),
      style('TOCHeading', 'TOC Heading', f.tocTitle),
      style('TOC1', 'toc 1', f.toc1, 'Normal'),
      style('TOC2', 'toc 2', f.toc2, 'Normal'),
      style('TOC3', 'toc 3', f.toc3, 'Normal'),
      style('TOC4', 'toc 4', f.toc4, 'Normal'),
      style('Header', 'header', f.header),
      style('Footer', 'footer', f.footer),
      // Carries a section break after a table: one line of 1pt type, so it takes next to no room pagination did not give it.
      { id: 'SectionEnd', name: 'Section End', basedOn: 'Normal', run: { size: 2 }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
    ],
  };
}
