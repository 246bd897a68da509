import { BuilderElement, InternalHyperlink, LeaderType, Paragraph, Tab, TabStopType, TextRun, XmlComponent, type FileChild, type IContext, type IXmlableObject } from 'docx';
import type { HeadingBlock, LayoutDocument, Pagination } from '../../render/layout';

interface Entry {
  heading: HeadingBlock;
  id: string;
  level: number;
  text: string;
}

export interface TocOptions {
  title: string;
  maxLevel: number;
  /** Right edge of the section's text, where the page numbers are aligned, in twips. */
  tabTwips: number;
  headingIds?: string[] | undefined;
  /** Word bookmark name of each heading (bookmarks.ts). */
  bookmarks: ReadonlyMap<HeadingBlock, string>;
  pagination?: Pagination | undefined;
}

function entries(doc: LayoutDocument, maxLevel: number, only?: string[]): Entry[] {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'heading' && b.toc !== false && b.level <= maxLevel && (!only || only.includes(b.id))
        ? [{ heading: b, id: b.id, level: b.level, text: b.number ? `${b.number.text} ${b.text}` : b.text }]
        : [],
    ),
  );
}

const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new TextRun({ children: [new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })] });

/** w:instrText, which docx does not export: written as docx's object tree, so docx serialises and escapes it. */
class FieldInstruction extends XmlComponent {
  constructor(private readonly instruction: string) {
    super('w:instrText');
  }

  override prepForXml(_context: IContext): IXmlableObject {
    return { 'w:instrText': [{ _attr: { 'xml:space': 'preserve' } }, this.instruction] };
  }
}

const instruction = (text: string) => new TextRun({ children: [new FieldInstruction(text)] });

/**
 * A real TOC field whose cached result already lists every heading with its page (from the shared
 * pagination), so the contents read correctly as soon as the file is opened and Word can still refresh
 * them. Each entry links to its heading's Word bookmark. Not dirty, and no updateFields: nothing prompts
 * the reader. Built from docx objects (docx's own TableOfContents puts its page numbers at a fixed 9025
 * twips rather than the section's right margin), so docx's serialiser writes and escapes all of it.
 */
export function docxToc(doc: LayoutDocument, options: TocOptions): FileChild[] {
  const list = entries(doc, options.maxLevel, options.headingIds);
  const begin = [fieldChar('begin'), instruction(` TOC \\o "1-${options.maxLevel}" \\h \\z \\u `), fieldChar('separate')];
  const end = fieldChar('end');
  const heading = new Paragraph({ style: 'TOCHeading', children: [new TextRun(options.title)] });
  if (list.length === 0) return [heading, new Paragraph({ children: [...begin, end] })];
  const paras = list.map((e, i) => {
    const page = options.pagination?.headingPages[e.id];
    const link = new InternalHyperlink({
      anchor: options.bookmarks.get(e.heading) ?? e.id,
      children: [new TextRun(e.text), ...(page === undefined ? [] : [new TextRun({ children: [new Tab(), String(page)] })])],
    });
    return new Paragraph({
      style: `TOC${Math.min(e.level, 4)}`,
      tabStops: [{ type: TabStopType.RIGHT, position: options.tabTwips, leader: LeaderType.DOT }],
      children: [...(i === 0 ? begin : []), link, ...(i === list.length - 1 ? [end] : [])],
    });
  });
  return [heading, ...paras];
}
