/**
 * Running heads and feet on every page, once the page count is known: the section's header words (with the
 * logo and any exempt marking) and the footer with "Page X of Y"; or, when a council's Word template has
 * headers or footers of its own, those instead (template-running.ts). All artifacts: they repeat on every page.
 */
import type { LayoutDocument, RunningText } from '../layout';
import type { FontSet } from '../fonts/font-set';
import { breakLines } from './break-lines';
import { lineBox, type LineBox } from './line-metrics';
import { RUNNING_DISTANCE, type FormatName, type ParaFormat } from './formats';
import type { FontBook } from './font-book';
import { drawTemplatePart, hasTemplateRunning, templatePart, type PagePlace } from './template-running';
import type { Page } from './page-model';

const MARKING_COLOUR = '#9C0006';

export function addRunningHeads(pages: readonly Page[], doc: LayoutDocument, book: FontBook, formats: Record<FormatName, ParaFormat>): void {
  const header = formats.header;
  const footer = formats.footer;
  const fonts = book.fontsFor(header);
  const footFonts = book.fontsFor(footer);
  const hBox = lineBox(fonts, header.size, header.line, header.lineRule);
  const fBox = lineBox(footFonts, footer.size, footer.line, footer.lineRule);
  const m = doc.style.margins;
  const look = doc.style.wordTemplate;
  const headerDistance = look?.geometry.margins.header ?? RUNNING_DISTANCE;
  const footerDistance = look?.geometry.margins.footer ?? RUNNING_DISTANCE;
  const ownHeaders = look !== undefined && hasTemplateRunning(look, 'headers');
  const ownFooters = look !== undefined && hasTemplateRunning(look, 'footers');
  const sectionPages = new Map<number, number>();
  for (const p of pages) sectionPages.set(p.section, (sectionPages.get(p.section) ?? 0) + 1);
  pages.forEach((page, i) => {
    const section = doc.sections[page.section]!;
    const width = page.width - m.left - m.right;
    const place: PagePlace = { number: i + 1, count: pages.length, sectionPages: sectionPages.get(page.section)!, first: i === 0 };
    const h = section.header;
    if (look && ownHeaders) {
      // The template's header replaces our words and logo; an exempt marking is still printed below it.
      const part = templatePart(look, 'headers', place);
      const height = part ? drawTemplatePart(page, part, book, place, m.left, width, headerDistance, false) : 0;
      if (h.marking) put(page, h.marking, { ...header, face: 'bold' }, fonts, hBox, headerDistance + height, m.left, width, 'left', MARKING_COLOUR);
    } else ourHeader(page, h, fonts, header, hBox, m.left, width, headerDistance);
    if (look && ownFooters) {
      const part = templatePart(look, 'footers', place);
      if (part) drawTemplatePart(page, part, book, place, m.left, width, page.height - footerDistance, true);
    } else {
      const footTop = page.height - footerDistance - fBox.height;
      put(page, doc.footer.left ?? '', footer, footFonts, fBox, footTop, m.left, width, 'left');
      const w = doc.footer.pageNumberWords ?? { before: 'Page ', between: ' of ', after: '' };
      put(page, `${w.before}${i + 1}${w.between}${pages.length}${w.after}`, footer, footFonts, fBox, footTop, m.left, width, 'right');
    }
  });
}

function put(page: Page, text: string, f: ParaFormat, fonts: FontSet, box: LineBox, top: number, left: number, width: number, align: 'left' | 'right', colour?: string): void {
  if (!text) return;
  const lines = breakLines([{ text }], f.face, f.size, width, fonts);
  lines.forEach((line, k) => {
    const x = align === 'right' ? left + width - line.width : left;
    page.boxes.push({ kind: 'text', x, baseline: top + k * box.height + box.baseline, size: f.size, colour: colour ?? f.colour, segments: line.segments, node: null });
  });
}

/** Our header: the logo, the section's left and right words on its baseline, and any exempt marking below. */
function ourHeader(page: Page, h: RunningText, fonts: FontSet, header: ParaFormat, hBox: LineBox, left: number, width: number, distance: number): void {
  let top = distance;
  let indent = 0;
  let baselineShift = 0;
  if (h.logo) {
    // As in the DOCX header: the logo opens the header line, the words follow two spaces after it and
    // sit on its baseline; the logo repeats on every page, so it is an artifact (the front sheet's is the Figure).
    page.boxes.push({ kind: 'image', x: left, y: top, width: h.logo.width, height: h.logo.height, image: { kind: 'image', ...h.logo }, node: null });
    const space = fonts.faces(header.face, 1)[0]!;
    indent = h.logo.width + (2 * fonts.advance(space, 0x20) * header.size) / fonts.unitsPerEm;
    baselineShift = Math.max(0, h.logo.height - hBox.baseline);
  }
  const putAt = (text: string, align: 'left' | 'right') => {
    if (!text) return;
    const line = breakLines([{ text }], header.face, header.size, width - indent, fonts)[0]!;
    const x = align === 'right' ? left + width - line.width : left + indent;
    page.boxes.push({ kind: 'text', x, baseline: top + hBox.baseline + baselineShift, size: header.size, colour: header.colour, segments: line.segments, node: null });
  };
  putAt(h.left ?? '', 'left');
  putAt(h.right ?? '', 'right');
  top += hBox.height + baselineShift;
  if (h.marking) put(page, h.marking, { ...header, face: 'bold' }, fonts, hBox, top, left, width, 'left', MARKING_COLOUR);
}
