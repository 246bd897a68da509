import { error, warning, type Diagnostic, type Place } from '../diagnostics/diagnostic';
import type { Block, LayoutDocument } from '../render/layout';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../render/contrast';

/**
 * Public-sector accessibility rules (PSBAR 2018, WCAG 2.1 AA) checked on the layout, before any writer
 * runs, so every output format is covered by one check.
 */
export function checkAccessibility(doc: LayoutDocument, place: Place): Diagnostic[] {
  const out: Diagnostic[] = [];
  const blocks = doc.sections.flatMap((s) => s.blocks);
  if (!doc.meta.title.trim()) out.push(error('a11y-no-title', 'the document has no title', place));
  // The languages papers are written in (front matter `language`): English, or Welsh under the Welsh Language Standards.
  if (!/^(en(-GB)?|cy(-GB)?)$/i.test(doc.meta.language)) out.push(warning('a11y-language', `document language is "${doc.meta.language}", expected en-GB or cy`, place));
  if (doc.style.fontSize < 12) out.push(warning('a11y-small-text', `body text is ${doc.style.fontSize}pt; published papers use at least 12pt`, place));
  let level = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (b.level > level + 1) out.push(error('a11y-heading-skipped', `heading "${b.text}" is level ${b.level} after level ${level}: heading levels must not be skipped`, place));
      level = b.level;
    }
    out.push(...checkBlock(b, place));
  }
  return out;
}

function checkBlock(b: Block, place: Place): Diagnostic[] {
  // An author's figure without alt text is warned about at its line when the body is laid out (image-without-alt).
  if (b.kind === 'image' && !b.alt.trim() && b.caption === undefined) return [error('a11y-image-without-alt', 'an image has no alt text', place)];
  if (b.kind !== 'table') return [];
  const out: Diagnostic[] = [];
  if (b.role === 'data' && b.columns.some((c) => !c.header.trim())) out.push(error('a11y-table-without-header', `table "${b.summary}" has a column without a header`, place));
  for (const row of b.rows)
    for (const cell of row) {
      const text = cell.runs.map((r) => r.text).join('').trim();
      if (cell.fill && !text) out.push(error('a11y-colour-without-word', `a cell in table "${b.summary}" is coloured ${cell.fill} with no word: colour must not be the only signal`, place));
      const ratio = cell.fill ? contrastRatio(cell.fill, cell.textColour ?? '#000000') : Infinity;
      if (text && ratio < MIN_TEXT_CONTRAST) out.push(error('a11y-contrast', `"${text}" on ${cell.fill} has contrast ${ratio.toFixed(1)}:1, below ${MIN_TEXT_CONTRAST}:1`, place));
    }
  return out;
}
