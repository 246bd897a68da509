import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { fitColumns, fitTables } from '../../src/render/column-widths';
import { openWordTemplate } from '../../src/readers/word-template/package';
import { readTemplateLook } from '../../src/readers/word-template/look';
import { withWordTemplate } from '../../src/render/paginate/template-style';
import { houseStyle } from '../../src/render/style';
import type { TableBlock } from '../../src/render/layout';
import { ROOT, templateFile } from './councils';

/** A word's bold width read straight from the font file with fontkit (not through our font sets). */
function boldWidth(fontFile: string, word: string, size: number): number {
  const font = fontkit.create(fs.readFileSync(fontFile));
  let units = 0;
  for (const ch of word) units += font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
  return (units / font.unitsPerEm) * size;
}

const table: TableBlock = {
  kind: 'table', role: 'data', summary: 's',
  columns: [{ header: 'Section', width: 12 }, { header: 'Complete', width: 0.1 }],
  rows: [],
};
/** Word's 108-twip cell margins each side plus the 3pt allowance (column-widths.ts). */
const PADDING = 5.4 * 2 + 3;

it('measures header words in the fonts the table is set in: Carlito Bold under a Calibri template, Arimo Bold in ours', () => {
  const carlito = path.join(ROOT, 'node_modules/@fontsource/carlito/files/carlito-latin-700-normal.woff');
  const arimo = path.join(ROOT, 'node_modules/@fontsource/arimo/files/arimo-latin-700-normal.woff');
  const ours = houseStyle({ font: 'Arial', fontSize: 12 });
  const eastshire = withWordTemplate(ours, readTemplateLook(openWordTemplate(templateFile('eastshire'))));
  const section = (style: typeof ours) => fitTables([{ orientation: 'portrait', header: {}, blocks: [table] }], style)[0]!.blocks[0] as TableBlock;
  // Ours: table text 11pt; the template's: its Normal, 11pt Calibri.
  expect(section(ours).columns[1]!.width).toBeCloseTo(boldWidth(arimo, 'Complete', 11) + PADDING, 1);
  expect(section(eastshire).columns[1]!.width).toBeCloseTo(boldWidth(carlito, 'Complete', 11) + PADDING, 1);
  expect(section(eastshire).columns[1]!.width).toBeLessThan(section(ours).columns[1]!.width);
});

it('measures a character outside the old ASCII table (a Welsh ŵ) at its own width, not the old 667 units', () => {
  const arimo = path.join(ROOT, 'node_modules/@fontsource/arimo/files/arimo-latin-ext-700-normal.woff');
  const words = { ...table, columns: [{ header: 'Section', width: 12 }, { header: 'Ŵŵŵŵŵŵŵŵ', width: 0.1 }] };
  expect(fitColumns(words, 483, 11)[1]).toBeCloseTo(boldWidth(arimo, 'Ŵŵŵŵŵŵŵŵ', 11) + PADDING, 1);
});
