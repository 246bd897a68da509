import type { LayoutDocument, NumberingLevel } from '../../render/layout';
import { LIST_HANG, LIST_STEP, NUMBER_INDENT } from '../../render/paginate/formats';
import { twips } from '../../render/paginate/page-size';
import { esc, val } from './xml-write';

const LIST_LEVELS = [0, 1, 2, 3];

interface Abstract {
  id: number;
  levels: { format: NumberingLevel['format'] | 'bullet'; text: string; start: number; left: number; hanging: number; font?: string }[];
}

/**
 * Word numbering for one document, numbered from `base` (past a council template's own definitions).
 * The layout's numbering sequences each get one w:num, so Word counts them across the document exactly as
 * the layout did. Every ordered list gets a w:num of its own that restarts at 1, as the PDF restarts each
 * list; bullets share one.
 */
export class DocxNumbering {
  private readonly abstracts: Abstract[] = [];
  private readonly nums: { id: number; abstract: number; restart: boolean }[] = [];
  private readonly sequences = new Map<string, number>();
  private readonly bullet: number;
  private readonly orderedAbstract: number;
  private nextAbstract: number;
  private nextNum: number;

  constructor(doc: LayoutDocument, base: { abstract: number; num: number } = { abstract: 0, num: 0 }) {
    this.nextAbstract = base.abstract;
    this.nextNum = base.num;
    for (const [name, seq] of Object.entries(doc.numbering)) {
      const abstract = this.abstract(seq.levels.map((l) => ({ format: l.format, text: l.pattern, start: l.start ?? 1, left: twips(NUMBER_INDENT), hanging: twips(NUMBER_INDENT) })));
      this.sequences.set(name, this.num(abstract, false));
    }
    this.orderedAbstract = this.abstract(
      LIST_LEVELS.map((level) => ({ format: level % 2 ? 'lowerLetter' : 'decimal', text: `%${level + 1}.`, start: 1, left: twips(LIST_STEP) * (level + 1), hanging: twips(LIST_HANG) })),
    );
    // The PDF's markers, from glyphs the house font has (• U+2022, – U+2013), in the house font.
    const bulletAbstract = this.abstract(
      LIST_LEVELS.map((level) => ({ format: 'bullet', text: level % 2 ? '\u2013' : '\u2022', start: 1, left: twips(LIST_STEP) * (level + 1), hanging: twips(LIST_HANG), font: doc.style.font })),
    );
    this.bullet = this.num(bulletAbstract, false);
  }

  private abstract(levels: Abstract['levels']): number {
    const id = ++this.nextAbstract;
    this.abstracts.push({ id, levels });
    return id;
  }

  private num(abstract: number, restart: boolean): number {
    const id = ++this.nextNum;
    this.nums.push({ id, abstract, restart });
    return id;
  }

  sequence(name: string): number {
    const id = this.sequences.get(name);
    if (id === undefined) throw new Error(`the layout numbers a paragraph in sequence "${name}", which it does not declare`);
    return id;
  }

  bulletList(): number {
    return this.bullet;
  }

  /** A new ordered list: its own w:num, restarting at 1. */
  orderedList(): number {
    return this.num(this.orderedAbstract, true);
  }

  /** The w:abstractNum elements, then the w:num elements (the schema's order). */
  abstractXml(): string {
    return this.abstracts
      .map(
        (a) =>
          `<w:abstractNum w:abstractNumId="${a.id}">${val('w:multiLevelType', 'hybridMultilevel')}` +
          a.levels
            .map(
              (l, i) =>
                `<w:lvl w:ilvl="${i}">${val('w:start', l.start)}${val('w:numFmt', l.format)}${val('w:lvlText', l.text)}${val('w:lvlJc', 'left')}` +
                `<w:pPr><w:ind w:left="${l.left}" w:hanging="${l.hanging}"/></w:pPr>` +
                (l.font ? `<w:rPr><w:rFonts w:ascii="${esc(l.font)}" w:hAnsi="${esc(l.font)}" w:cs="${esc(l.font)}" w:eastAsia="${esc(l.font)}"/></w:rPr>` : '') +
                '</w:lvl>',
            )
            .join('') +
          '</w:abstractNum>',
      )
      .join('');
  }

  numXml(): string {
    return this.nums
      .map((n) => `<w:num w:numId="${n.id}">${val('w:abstractNumId', n.abstract)}${n.restart ? LIST_LEVELS.map((l) => `<w:lvlOverride w:ilvl="${l}">${val('w:startOverride', 1)}</w:lvlOverride>`).join('') : ''}</w:num>`)
      .join('');
  }
}

export function numberingXml(numbering: DocxNumbering, rootAttrs: string): string {
  return `<w:numbering ${rootAttrs}>${numbering.abstractXml()}${numbering.numXml()}</w:numbering>`;
}
