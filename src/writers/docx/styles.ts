import { LineRuleType, type IStylesOptions } from 'docx';
import type { LayoutStyle } from '../../render/layout';

const half = (pt: number) => Math.round(pt * 2);
const hex = (c: string) => c.slice(1);
/**
 * 1.15 line spacing as a multiple of the font's own line height. w:line must always come with
 * w:lineRule="auto": without it LibreOffice reads 276 as an exact 13.8 pt and overprints larger lines.
 */
const MULTIPLE_115 = { line: 276, lineRule: LineRuleType.AUTO } as const;

/** Word styles with the house font and sizes; real Heading 1-4 so the navigation pane and any TOC work. */
export function docxStyles(s: LayoutStyle): IStylesOptions {
  const heading = (level: 1 | 2 | 3 | 4, before: number) => ({
    run: { font: s.font, size: half(s.headingSizes[level]), bold: true, color: hex(s.headingColour) },
    // outlineLvl 0-3: Word's navigation pane and LibreOffice's tagged export find headings by it.
    paragraph: { spacing: { before: before * 20, after: 120 }, keepNext: true, outlineLevel: level - 1 },
  });
  return {
    default: {
      document: { run: { font: s.font, size: half(s.fontSize), language: { value: 'en-GB' } }, paragraph: { spacing: { after: 160, ...MULTIPLE_115 } } },
      heading1: heading(1, 0),
      heading2: heading(2, 14),
      heading3: heading(3, 12),
      heading4: heading(4, 10),
      title: { run: { font: s.font, size: half(s.headingSizes[1]), bold: true, color: hex(s.headingColour) } },
    },
    paragraphStyles: [
      { id: 'Lead', name: 'Lead', basedOn: 'Normal', run: { bold: true } },
      { id: 'Note', name: 'Note', basedOn: 'Normal', run: { size: half(Math.max(s.fontSize - 1, 11)), color: '404040' } },
      { id: 'Label', name: 'Label', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { keepNext: true } },
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { size: half(s.headingSizes[3]), color: hex(s.headingColour) } },
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: half(s.tableFontSize) }, paragraph: { spacing: { after: 0 } } },
      { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', run: { size: half(s.headingSizes[2]), bold: true, color: hex(s.headingColour) } },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 60 } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 60 }, indent: { left: 240 } } },
      { id: 'TOC3', name: 'toc 3', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 60 }, indent: { left: 480 } } },
      { id: 'TOC4', name: 'toc 4', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 60 }, indent: { left: 720 } } },
      { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: 20, color: '404040' }, paragraph: { spacing: { after: 0 } } },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 20, color: '404040' }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}
