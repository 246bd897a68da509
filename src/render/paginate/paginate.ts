/**
 * Pagination: the layout document to pages of positioned boxes, with the rules Word and LibreOffice apply to
 * the DOCX we write (line heights from the font, space before/after collapsing to the larger of the two, rows
 * that do not split, header rows repeated, keep-with-next, two-line widow and orphan control). Both writers
 * take their page facts from here: the PDF draws these pages and the DOCX contents list quotes their numbers.
 */
import type { Block, HeadingBlock, ImageBlock, Inline, LayoutDocument, LayoutSection, ListBlock, ParagraphBlock, TableBlock, TocBlock } from '../layout';
import { fontSet, type FontSet } from '../fonts/font-set';
import { breakLines, type Line, type Missing } from './break-lines';
import { lineBox, type LineBox } from './line-metrics';
import { BORDER, CELL_MARGIN, LIST_HANG, LIST_STEP, NUMBER_INDENT, RUNNING_DISTANCE, paragraphFormats, type FormatName, type ParaFormat } from './formats';
import { columnTwips, contentTwips, pageTwips, pt, twips } from './page-size';
import type { Box, OutlineEntry, Page, Paginated, StructNode, StructRole, TextBox } from './page-model';

const LINK_COLOUR = '#1F3864';
/** Room kept at the right of a contents entry for its page number. */
const TOC_NUMBER_ROOM = 30;

interface ParaItem {
  kind: 'para';
  fmt: ParaFormat;
  box: LineBox;
  lines: Line[];
  runs: Inline[];
  /** Text offset from the content box's left edge. */
  indent: number;
  width: number;
  align: 'left' | 'center' | 'right';
  colour: string;
  node: StructNode;
  linkNodes: (StructNode | undefined)[];
  /** Number or list marker on the first line, with its own element (Lbl) when it has one. */
  label?: { text: string; x: number; node: StructNode };
  keepNext: boolean;
  pageBreakBefore: boolean;
  heading?: { id: string; title: string; level: number; listed: boolean };
  /** A contents entry: the heading whose page number is printed at the right. */
  tocFor?: string;
}

interface CellItem {
  x: number;
  width: number;
  fill?: string | undefined;
  para: ParaItem;
}

interface RowItem {
  height: number;
  cells: CellItem[];
}

interface TableItem {
  kind: 'table';
  header?: RowItem;
  rows: RowItem[];
  cantSplit: boolean;
  keepNext: false;
  pageBreakBefore: false;
  width: number;
}

interface ImageItem {
  kind: 'image';
  block: ImageBlock;
  node: StructNode;
  keepNext: boolean;
  pageBreakBefore: false;
}

interface BreakItem {
  kind: 'break';
  keepNext: false;
  pageBreakBefore: false;
}

type Item = ParaItem | TableItem | ImageItem | BreakItem;

const node = (role: StructRole, parent?: StructNode): StructNode => {
  const n: StructNode = { role, children: [] };
  parent?.children.push(n);
  return n;
};

export function paginate(doc: LayoutDocument): Paginated {
  const fonts = fontSet(doc.style.fontFiles);
  const formats = paragraphFormats(doc.style);
  const missing: Missing[] = [];
  const root: StructNode = { role: 'Document', children: [] };
  const builder = new ItemBuilder(doc, fonts, formats, root, missing);
  const placer = new Placer(doc, fonts, formats);
  doc.sections.forEach((section, s) => {
    placer.startSection(section, s);
    const items = section.blocks.flatMap((b) => builder.items(b, placer.contentWidth));
    placer.place(items);
  });
  const pages = placer.finish();
  return { pages, root, pagination: { pageCount: pages.length, headingPages: placer.headingPages }, missing };
}

class ItemBuilder {

  constructor(
    private readonly doc: LayoutDocument,
    private readonly fonts: FontSet,
    private readonly formats: Record<FormatName, ParaFormat>,
    private readonly root: StructNode,
    private readonly missing: Missing[],
  ) {}

  items(block: Block, width: number): Item[] {
    switch (block.kind) {
      case 'heading':
        return [this.heading(block, width)];
      case 'paragraph':
        return [this.paragraph(block, width)];
      case 'list':
        return this.list(block, width);
      case 'table':
        return [this.table(block, width)];
      case 'image':
        return this.image(block, width);
      case 'page-break':
        return [{ kind: 'break', keepNext: false, pageBreakBefore: false }];
      case 'toc':
        return this.toc(block, width);
    }
  }

  para(runs: Inline[], fmt: ParaFormat, width: number, n: StructNode, extra: Partial<ParaItem> = {}): ParaItem {
    const indent = extra.indent ?? fmt.indent;
    const lines = brokenLines(runs, fmt.face, fmt.size, width - indent, this.fonts, (m) => this.missing.push(m));
    const linkNodes = runs.map((r) => (r.link ? { role: 'Link' as const, children: [], link: { url: r.link, contents: `${r.text} (${r.link})` } } : undefined));
    return {
      kind: 'para', fmt, box: lineBox(this.fonts, fmt.size, fmt.line), lines, runs, indent, width, align: 'left', colour: fmt.colour,
      node: n, linkNodes, keepNext: fmt.keepNext, pageBreakBefore: false, ...extra,
    };
  }

  heading(block: HeadingBlock, width: number): ParaItem {
    const fmt = this.formats[`h${block.level}`];
    const n = node(`H${block.level}`, this.root);
    const title = block.number ? `${block.number.text} ${block.text}` : block.text;
    const listed = block.toc !== false;
    const extra: Partial<ParaItem> = { pageBreakBefore: Boolean(block.pageBreakBefore), heading: { id: block.id, title, level: block.level, listed } };
    if (block.number) Object.assign(extra, { indent: NUMBER_INDENT, label: { text: block.number.text, x: 0, node: n } });
    return this.para([{ text: block.text }], fmt, width, n, extra);
  }

  paragraph(block: ParagraphBlock, width: number): ParaItem {
    const fmt = this.formats[block.style ?? 'body'];
    const n = node('P', this.root);
    const extra: Partial<ParaItem> = { align: block.align ?? 'left', keepNext: Boolean(block.keepWithNext) || fmt.keepNext };
    if (block.number) Object.assign(extra, { indent: NUMBER_INDENT, label: { text: block.number.text, x: 0, node: n } });
    return this.para(block.runs, fmt, width, n, extra);
  }

  list(block: ListBlock, width: number): ParaItem[] {
    const l = node('L', this.root);
    const counters: number[] = [];
    return block.items.map((item) => {
      counters.length = item.level + 1;
      counters[item.level] = (counters[item.level] ?? 0) + 1;
      const n = counters[item.level]!;
      const marker = listMarker(block.ordered, item.level, n);
      const li = node('LI', l);
      const lbl = node('Lbl', li);
      const body = node('LBody', li);
      const indent = LIST_STEP * (item.level + 1);
      return this.para(item.runs, this.formats.listItem, width, body, { indent, label: { text: marker, x: indent - LIST_HANG, node: lbl } });
    });
  }

  table(block: TableBlock, width: number): TableItem {
    const t = node('Table', this.root);
    const widths = columnTwips(block.columns.map((c) => c.width), twips(width)).map(pt);
    const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const fmt = this.formats.tableText;
    const row = (cells: { runs: Inline[]; fill?: string | undefined; colour: string; bold: boolean; align?: 'left' | 'center' | 'right' | undefined; role: 'TH' | 'TD'; scope?: 'Column' | 'Row' }[], tr: StructNode): RowItem => {
      const items = cells.map((c, i) => {
        const cellNode = node(c.role, tr);
        if (c.scope) cellNode.scope = c.scope;
        const cellFmt = c.bold ? { ...fmt, face: 'bold' as const } : fmt;
        const para = this.para(c.runs, cellFmt, widths[i]! - 2 * CELL_MARGIN, cellNode, { indent: 0, colour: c.colour, align: c.align ?? 'left' });
        return { x: xs[i]!, width: widths[i]!, fill: c.fill, para };
      });
      const height = Math.max(...items.map((c) => c.para.lines.length * c.para.box.height)) + BORDER;
      return { height, cells: items };
    };
    let header: RowItem | undefined;
    if (block.role === 'data') {
      const head = node('THead', t);
      header = row(block.columns.map((c) => ({ runs: [{ text: c.header }], fill: this.doc.style.tableHeaderFill, colour: this.doc.style.tableHeaderText, bold: true, role: 'TH' as const, scope: 'Column' as const })), node('TR', head));
    }
    const body = node('TBody', t);
    const rows = block.rows.map((r) =>
      row(
        r.map((c, i) => {
          const rowHeader = block.role === 'key-value' && i === 0;
          return { runs: c.runs, fill: c.fill, colour: c.textColour ?? '#000000', bold: rowHeader, align: c.align, role: rowHeader ? ('TH' as const) : ('TD' as const), ...(rowHeader ? { scope: 'Row' as const } : {}) };
        }),
        node('TR', body),
      ),
    );
    return { kind: 'table', ...(header ? { header } : {}), rows, cantSplit: block.cantSplitRows !== false, keepNext: false, pageBreakBefore: false, width };
  }

  image(block: ImageBlock, width: number): Item[] {
    const figure = node('Figure', this.root);
    figure.alt = block.alt;
    const items: Item[] = [{ kind: 'image', block, node: figure, keepNext: Boolean(block.caption), pageBreakBefore: false }];
    if (block.caption) items.push(this.para([{ text: block.caption }], this.formats.caption, width, node('Caption', figure)));
    return items;
  }

  toc(block: TocBlock, width: number): Item[] {
    const t = node('TOC', this.root);
    const title = this.para([{ text: block.title }], this.formats.tocTitle, width, node('P', t), { keepNext: true });
    // Headings after the contents list are not known yet: entries are made from every heading in the document.
    const entries = this.doc.sections.flatMap((s) => s.blocks.filter((b): b is HeadingBlock => b.kind === 'heading'))
      .filter((h) => h.toc !== false && h.level <= block.maxLevel && (!block.headingIds || block.headingIds.includes(h.id)));
    const items = entries.map((h) => {
      const text = h.number ? `${h.number.text} ${h.text}` : h.text;
      const fmt = this.formats[`toc${Math.min(h.level, 4) as 1 | 2 | 3 | 4}`];
      const tocI = node('TOCI', t);
      const link = node('Link', tocI);
      link.link = { dest: h.id, contents: `Go to ${text}` };
      const item = this.para([{ text }], fmt, width - TOC_NUMBER_ROOM, link, { tocFor: h.id });
      item.width = width;
      item.linkNodes = [undefined];
      return item;
    });
    return [title, ...items];
  }
}

/**
 * Line breaking is most of pagination's work, and an appendix is laid out twice in one build (inside the
 * report and as its own file): the same text at the same size and width breaks the same way, so it is broken
 * once per process. Bounded so a long run of builds cannot grow it without limit.
 */
const lineCache = new Map<string, { lines: Line[]; missing: Missing[] }>();
const LINE_CACHE_LIMIT = 200_000;

function brokenLines(runs: Inline[], face: ParaFormat['face'], size: number, width: number, fonts: FontSet, missing: (m: Missing) => void): Line[] {
  const key = `${fonts.id}|${face}|${size}|${width}|${JSON.stringify(runs)}`;
  let hit = lineCache.get(key);
  if (!hit) {
    const found: Missing[] = [];
    hit = { lines: breakLines(runs, face, size, width, fonts, (m) => found.push(m)), missing: found };
    if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
    lineCache.set(key, hit);
  }
  hit.missing.forEach(missing);
  return hit.lines;
}

/** The space between two consecutive items: the larger of the one's space after and the other's before. */
function gapBetween(a: Item, b: Item): number {
  const after = a.kind === 'para' ? a.fmt.after : 0;
  return Math.max(after, b.kind === 'para' ? b.fmt.before : 0);
}

function listMarker(ordered: boolean, level: number, n: number): string {
  if (!ordered) return level % 2 ? '\u2013' : '\u2022';
  return level % 2 ? `${String.fromCharCode(97 + ((n - 1) % 26))}.` : `${n}.`;
}

class Placer {
  readonly pages: Page[] = [];
  readonly headingPages: Record<string, number> = {};
  private page!: Page;
  private section!: LayoutSection;
  private sectionIndex = 0;
  private y = 0;
  private top = 0;
  private bottom = 0;
  private left = 0;
  contentWidth = 0;
  /** Space after the last thing placed; the next paragraph's space before collapses into it. */
  private prevAfter = 0;
  private empty = true;
  private readonly tocNumbers: { box: TextBox; item: ParaItem }[] = [];
  /** The page each heading's mark is on, so a heading moved by a page break is unmarked in one place. */
  private readonly headingPage = new Map<string, Page>();

  constructor(
    private readonly doc: LayoutDocument,
    private readonly fonts: FontSet,
    private readonly formats: Record<FormatName, ParaFormat>,
  ) {}

  startSection(section: LayoutSection, index: number): void {
    this.section = section;
    this.sectionIndex = index;
    this.contentWidth = pt(contentTwips(this.doc.style, section.orientation));
    this.newPage();
  }

  private newPage(): void {
    const size = pageTwips(this.doc.style.pageSize, this.section.orientation);
    const m = this.doc.style.margins;
    this.page = { width: pt(size.width), height: pt(size.height), section: this.sectionIndex, boxes: [], outline: [] };
    this.pages.push(this.page);
    this.top = m.top;
    this.bottom = pt(size.height) - m.bottom;
    this.left = m.left;
    this.y = this.top;
    this.prevAfter = 0;
    this.empty = true;
  }

  private gapBefore(item: Item): number {
    if (this.empty) return 0;
    if (item.kind === 'para') return Math.max(this.prevAfter, item.fmt.before);
    return this.prevAfter;
  }

  /** Height the start of an item needs on a page: what keep-with-next must fit beside the item before it. */
  private firstChunk(item: Item | undefined, before: Item): number {
    if (!item || item.kind === 'break') return 0;
    const gap = gapBetween(before, item);
    // Orphan and widow control: a paragraph of three lines or fewer cannot split, a longer one starts with two.
    if (item.kind === 'para') return gap + (item.lines.length <= 3 ? item.lines.length : 2) * item.box.height;
    if (item.kind === 'image') return gap + item.block.height;
    return gap + BORDER + (item.header?.height ?? 0) + (item.rows[0]?.height ?? 0);
  }

  place(items: Item[]): void {
    items.forEach((item, i) => {
      if (item.kind === 'break') {
        this.newPage();
        return;
      }
      if (item.pageBreakBefore && !this.empty) this.newPage();
      if (item.keepNext && !this.empty) {
        // The chain of keep-with-next items and the start of the first one that is not.
        let need = this.ownHeight(item);
        let j = i + 1;
        while (items[j]?.keepNext && items[j]!.kind !== 'break') {
          need += gapBetween(items[j - 1]!, items[j]!) + this.ownHeight(items[j]!);
          j++;
        }
        need += this.firstChunk(items[j], items[j - 1]!);
        if (this.y + this.gapBefore(item) + need > this.bottom && need <= this.bottom - this.top) this.newPage();
      }
      if (item.kind === 'para') this.placePara(item);
      else if (item.kind === 'table') this.placeTable(item);
      else this.placeImage(item);
    });
  }

  private ownHeight(item: Item): number {
    if (item.kind === 'para') return item.lines.length * item.box.height;
    if (item.kind === 'image') return item.block.height;
    return 0;
  }

  private placePara(item: ParaItem): void {
    let from = 0;
    const total = item.lines.length;
    let gap = this.gapBefore(item);
    if (item.heading) this.markHeading(item, gap);
    while (from < total) {
      const room = this.bottom - (this.y + gap);
      let fit = Math.max(0, Math.floor((room + 1e-6) / item.box.height));
      const left = total - from;
      if (fit < left) {
        // Widow and orphan control: two lines at least at the foot and at the head of a page.
        if (left - fit < 2) fit = left - 2;
        if (fit < 2 || (from === 0 && left <= 2)) fit = 0;
        if (fit === 0) {
          if (this.empty) fit = Math.max(1, Math.floor((this.bottom - this.y) / item.box.height)); // a line taller than the page
          else {
            this.newPage();
            gap = 0;
            if (from === 0 && item.heading) this.markHeading(item, 0);
            continue;
          }
        }
      }
      this.y += gap;
      for (let k = from; k < Math.min(total, from + fit); k++) {
        this.drawLine(item, k, this.left, this.y);
        this.y += item.box.height;
      }
      from += fit;
      this.empty = false;
      if (from < total) {
        this.newPage();
        gap = 0;
      }
    }
    if (total === 0) this.y += gap;
    this.prevAfter = item.fmt.after;
    this.empty = false;
  }

  private markHeading(item: ParaItem, gap: number): void {
    const h = item.heading!;
    this.headingPages[h.id] = this.pages.length;
    const entry: OutlineEntry = { id: h.id, title: h.title, level: h.level, y: this.y + gap, listed: h.listed };
    // Re-marking after a page break moves the heading: drop the earlier mark from the page that had it.
    const earlier = this.headingPage.get(h.id);
    if (earlier) earlier.outline = earlier.outline.filter((o) => o.id !== h.id);
    this.page.outline.push(entry);
    this.headingPage.set(h.id, this.page);
  }

  /** One line of a paragraph as text boxes, one per element that owns part of it (the paragraph or a link). */
  private drawLine(item: ParaItem, k: number, left: number, top: number): void {
    const line = item.lines[k]!;
    const baseline = top + item.box.baseline;
    let x = left + item.indent;
    const free = item.width - item.indent - line.width;
    if (item.align === 'center') x += free / 2;
    else if (item.align === 'right') x += free;
    if (k === 0 && item.label) this.page.boxes.push(this.text(left + item.label.x, baseline, item, [{ text: item.label.text, ...this.segmentFor(item.label.text, item) }], item.label.node));
    let current: TextBox | undefined;
    for (const seg of line.segments) {
      const owner = item.linkNodes[seg.run] ?? item.node;
      const link = Boolean(item.runs[seg.run]?.link);
      if (!current || current.node !== owner) {
        current = this.text(x + seg.x, baseline, item, [], owner);
        if (link) Object.assign(current, { colour: LINK_COLOUR, underline: true });
        this.page.boxes.push(current);
        if (owner !== item.node && !item.node.children.includes(owner)) item.node.children.push(owner);
      }
      current.segments.push({ ...seg, x: seg.x - (current.x - x) });
    }
    if (item.tocFor && k === item.lines.length - 1) {
      // A place in reading order for the page number, which is known only when every page is laid out.
      const box = this.text(left + item.width, baseline, item, [], item.node);
      this.page.boxes.push(box);
      this.tocNumbers.push({ box, item });
    }
  }

  private segmentFor(text: string, item: ParaItem) {
    const lines = breakLines([{ text }], item.fmt.face, item.fmt.size, 1e6, this.fonts);
    const seg = lines[0]!.segments[0]!;
    return { face: seg.face, style: seg.style, x: 0, width: lines[0]!.width, run: 0 };
  }

  private text(x: number, baseline: number, item: ParaItem, segments: TextBox['segments'], owner: StructNode | null): TextBox {
    return { kind: 'text', x, baseline, size: item.fmt.size, colour: item.colour, segments, node: owner };
  }

  private placeTable(item: TableItem): void {
    let gap = this.gapBefore(item);
    const headerHeight = item.header?.height ?? 0;
    const first = item.rows[0]?.height ?? 0;
    if (!this.empty && this.y + gap + BORDER + headerHeight + first > this.bottom) {
      this.newPage();
      gap = 0;
    }
    this.y += gap;
    let repeat = false;
    const startRows = () => {
      this.rule(this.left, this.y, item.width);
      this.y += BORDER;
      if (item.header) {
        this.placeRow(item.header, repeat);
        repeat = true;
      }
    };
    startRows();
    for (const row of item.rows) {
      const atTableTop = this.y - this.top <= BORDER + headerHeight + 1e-6;
      if (this.y + row.height > this.bottom && !atTableTop) {
        this.newPage();
        startRows();
      }
      // A row taller than a whole page cannot keep together: it continues on the next page, as in Word.
      let from = 0;
      while (from >= 0) {
        from = this.placeRow(row, false, from);
        if (from >= 0) {
          this.newPage();
          startRows();
        }
      }
    }
    this.prevAfter = 0;
    this.empty = false;
  }

  /**
   * A row (from line `from` of each cell): fills, text, then its borders. A repeated header row is an artifact:
   * the real one is on the first page. Returns the line to continue from on the next page, or -1 when done.
   */
  private placeRow(row: RowItem, artifact: boolean, from = 0): number {
    const top = this.y;
    const lineRoom = this.bottom - top - BORDER;
    const rest = Math.max(...row.cells.map((c) => (c.para.lines.length - from) * c.para.box.height)) + BORDER;
    const fits = from === 0 ? row.height <= this.bottom - top + 1e-6 : rest <= this.bottom - top + 1e-6;
    let next = -1;
    let used = 0;
    for (const cell of row.cells) {
      const p = cell.para;
      const room = fits ? p.lines.length - from : Math.max(1, Math.floor((lineRoom + 1e-6) / p.box.height));
      const last = Math.min(p.lines.length, from + room);
      if (last < p.lines.length) next = Math.max(next, last);
      used = Math.max(used, (last - from) * p.box.height);
    }
    const height = fits ? (from === 0 ? row.height - BORDER : rest - BORDER) : used;
    for (const cell of row.cells) {
      if (cell.fill) this.page.boxes.push({ kind: 'rect', x: this.left + cell.x, y: top, width: cell.width, height, fill: cell.fill });
      const p = cell.para;
      const last = Math.min(p.lines.length, from + Math.floor((height + 1e-6) / p.box.height));
      for (let k = from; k < last; k++) {
        const before = this.page.boxes.length;
        this.drawLine(p, k, this.left + cell.x + CELL_MARGIN, top + (k - from) * p.box.height);
        if (artifact) for (let b = before; b < this.page.boxes.length; b++) (this.page.boxes[b] as TextBox).node = null;
      }
    }
    const width = row.cells.reduce((a, c) => a + c.width, 0);
    this.rule(this.left, top + height, width);
    for (const cell of row.cells) this.page.boxes.push({ kind: 'rect', x: this.left + cell.x, y: top - BORDER, width: 0, height: height + 2 * BORDER, stroke: '#808080', lineWidth: BORDER });
    this.page.boxes.push({ kind: 'rect', x: this.left + width, y: top - BORDER, width: 0, height: height + 2 * BORDER, stroke: '#808080', lineWidth: BORDER });
    this.y = top + height + BORDER;
    this.empty = false;
    return next;
  }

  private rule(x: number, y: number, width: number): void {
    this.page.boxes.push({ kind: 'rect', x, y: y + BORDER / 2, width, height: 0, stroke: '#808080', lineWidth: BORDER });
  }

  private placeImage(item: ImageItem): void {
    let gap = this.gapBefore(item);
    if (!this.empty && this.y + gap + item.block.height > this.bottom) {
      this.newPage();
      gap = 0;
    }
    this.y += gap;
    const scale = Math.min(1, this.contentWidth / item.block.width, (this.bottom - this.top) / item.block.height);
    this.page.boxes.push({ kind: 'image', x: this.left, y: this.y, width: item.block.width * scale, height: item.block.height * scale, image: item.block, node: item.node });
    this.y += item.block.height * scale;
    this.prevAfter = this.formats.body.after;
    this.empty = false;
  }

  /** Running heads, page numbers and the contents' page numbers, once the page count is known. */
  finish(): Page[] {
    for (const { box, item } of this.tocNumbers) {
      const page = this.headingPages[item.tocFor!];
      if (page === undefined) continue;
      const text = String(page);
      const seg = this.segmentFor(text, item);
      box.x -= seg.width;
      box.segments.push({ text, ...seg });
    }
    const header = this.formats.header;
    const footer = this.formats.footer;
    const hBox = lineBox(this.fonts, header.size, header.line);
    const fBox = lineBox(this.fonts, footer.size, footer.line);
    const m = this.doc.style.margins;
    this.pages.forEach((page, i) => {
      const section = this.doc.sections[page.section]!;
      const width = page.width - m.left - m.right;
      const put = (text: string, fmt: ParaFormat, box: LineBox, top: number, align: 'left' | 'right', bold = false, colour?: string) => {
        if (!text) return 0;
        const f = bold ? { ...fmt, face: 'bold' as const } : fmt;
        const lines = breakLines([{ text }], f.face, f.size, width, this.fonts);
        lines.forEach((line, k) => {
          const x = align === 'right' ? m.left + width - line.width : m.left;
          page.boxes.push({ kind: 'text', x, baseline: top + k * box.height + box.baseline, size: f.size, colour: colour ?? f.colour, segments: line.segments, node: null });
        });
        return lines.length * box.height;
      };
      const h = section.header;
      let top = RUNNING_DISTANCE;
      let indent = 0;
      let baselineShift = 0;
      if (h.logo) {
        // As in the DOCX header: the logo opens the header line, the words follow two spaces after it and
        // sit on its baseline; the logo repeats on every page, so it is an artifact (the front sheet's is the Figure).
        page.boxes.push({ kind: 'image', x: m.left, y: top, width: h.logo.width, height: h.logo.height, image: { kind: 'image', ...h.logo }, node: null });
        const space = this.fonts.faces(header.face, 1)[0]!;
        indent = h.logo.width + (2 * this.fonts.advance(space, 0x20) * header.size) / this.fonts.unitsPerEm;
        baselineShift = Math.max(0, h.logo.height - hBox.baseline);
      }
      const putAt = (text: string, align: 'left' | 'right') => {
        if (!text) return;
        const line = breakLines([{ text }], header.face, header.size, width - indent, this.fonts)[0]!;
        const x = align === 'right' ? m.left + width - line.width : m.left + indent;
        page.boxes.push({ kind: 'text', x, baseline: top + hBox.baseline + baselineShift, size: header.size, colour: header.colour, segments: line.segments, node: null });
      };
      putAt(h.left ?? '', 'left');
      putAt(h.right ?? '', 'right');
      top += hBox.height + baselineShift;
      if (h.marking) put(h.marking, header, hBox, top, 'left', true, '#9C0006');
      const footTop = page.height - RUNNING_DISTANCE - fBox.height;
      put(this.doc.footer.left ?? '', footer, fBox, footTop, 'left');
      put(`Page ${i + 1} of ${this.pages.length}`, footer, fBox, footTop, 'right');
    });
    return this.pages;
  }
}

export type { Box };
