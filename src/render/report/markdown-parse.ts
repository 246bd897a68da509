/**
 * The one Markdown mapper, for reports and decision records alike: markdown-it's tokens to body items. Every
 * token kind markdown-it can produce is named below and handled in a switch that TypeScript checks is
 * exhaustive (`never`), so a kind cannot be dropped by forgetting it; a kind we cannot print as written
 * (a rule, struck-through text, a kind a newer markdown-it adds) is a diagnostic at its line, never silence.
 */
import type MarkdownIt from 'markdown-it';
import type { Inline } from '../layout';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic';
import { BlockSlots } from './template-engine';
import { md, SAFE_LINK, type BodyItem } from './markdown-body';

type Token = MarkdownIt.Token;

export const BLOCK_KINDS = [
  'paragraph_open', 'paragraph_close', 'heading_open', 'heading_close', 'blockquote_open', 'blockquote_close',
  'bullet_list_open', 'bullet_list_close', 'ordered_list_open', 'ordered_list_close', 'list_item_open', 'list_item_close',
  'table_open', 'table_close', 'thead_open', 'thead_close', 'tbody_open', 'tbody_close', 'tr_open', 'tr_close',
  'th_open', 'th_close', 'td_open', 'td_close', 'code_block', 'fence', 'hr', 'html_block', 'inline',
] as const;
type BlockKind = (typeof BLOCK_KINDS)[number];

export const INLINE_KINDS = [
  'text', 'text_special', 'softbreak', 'hardbreak', 'code_inline', 'strong_open', 'strong_close', 'em_open', 'em_close',
  's_open', 's_close', 'link_open', 'link_close', 'image', 'html_inline', 'html_block',
] as const;
type InlineKind = (typeof INLINE_KINDS)[number];

const isBlockKind = (t: string): t is BlockKind => (BLOCK_KINDS as readonly string[]).includes(t);
const isInlineKind = (t: string): t is InlineKind => (INLINE_KINDS as readonly string[]).includes(t);

function unreachable(kind: never): never {
  throw new Error(`markdown token kind ${String(kind)} has no case`);
}

export interface BodyPlace {
  file: string;
  /** 1-based file line of the Markdown's first line. */
  bodyLine: number;
}

/** Where we are: inside a quotation, inside a list item (its level, kind and which outermost list it is in). */
interface Context {
  quote: boolean;
  list?: { level: number; ordered: boolean; group: number };
}

type Entry = { kind: 'entry'; ordered: boolean; runs: Inline[]; level: number; group: number };

class BodyParser {
  readonly pieces: (BodyItem | Entry)[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private lists = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly slots: BlockSlots,
    private readonly place: BodyPlace,
  ) {}

  private warn(code: string, message: string, t: Token | undefined) {
    const at = t?.map?.[0];
    this.diagnostics.push(warning(code, message, { file: this.place.file, ...(at !== undefined ? { line: this.place.bodyLine + at } : {}) }));
  }

  /** The index of the token closing the one opened at `i` (same nesting level). */
  private closeOf(i: number): number {
    const open = this.tokens[i]!;
    for (let j = i + 1; j < this.tokens.length; j++) if (this.tokens[j]!.level === open.level && this.tokens[j]!.nesting === -1) return j;
    return this.tokens.length - 1;
  }

  /** Words in the current context: a list entry, a quoted paragraph or a paragraph. */
  private text(runs: Inline[], ctx: Context, role?: 'code') {
    if (ctx.list) this.pieces.push({ kind: 'entry', ordered: ctx.list.ordered, runs, level: ctx.list.level, group: ctx.list.group });
    else if (ctx.quote) this.pieces.push({ kind: 'paragraph', runs, role: 'quote' });
    else this.pieces.push({ kind: 'paragraph', runs, ...(role ? { role } : {}) });
  }

  blocks(from: number, to: number, ctx: Context): void {
    for (let i = from; i < to; i++) {
      const t = this.tokens[i]!;
      if (!isBlockKind(t.type)) {
        this.warn('markdown-unsupported', `this Markdown (${t.type}) cannot be printed and is left out: write it as paragraphs, lists or a table`, t);
        if (t.nesting === 1) i = this.closeOf(i);
        continue;
      }
      const kind: BlockKind = t.type;
      switch (kind) {
        case 'heading_open': {
          const inline = this.tokens[i + 1]!;
          if (ctx.list || ctx.quote) this.text(this.runs(inline).map((r) => ({ ...r, bold: true })), ctx);
          else this.pieces.push({ kind: 'heading', depth: Number(t.tag.slice(1)), text: plainText(this.runs(inline)) });
          i = this.closeOf(i);
          break;
        }
        case 'paragraph_open':
          this.paragraph(this.tokens[i + 1]!, ctx);
          i = this.closeOf(i);
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const close = this.closeOf(i);
          const list = { level: ctx.list ? ctx.list.level + 1 : 0, ordered: kind === 'ordered_list_open', group: ctx.list ? ctx.list.group : ++this.lists };
          this.blocks(i + 1, close, { ...ctx, list });
          i = close;
          break;
        }
        case 'list_item_open': {
          const close = this.closeOf(i);
          this.blocks(i + 1, close, ctx);
          i = close;
          break;
        }
        case 'blockquote_open': {
          const close = this.closeOf(i);
          this.blocks(i + 1, close, { ...ctx, quote: true });
          i = close;
          break;
        }
        case 'table_open': {
          const close = this.closeOf(i);
          this.pieces.push(this.table(i, close));
          i = close;
          break;
        }
        case 'code_block':
        case 'fence':
          this.text([{ text: t.content.replace(/\n+$/, '') }], ctx, 'code');
          break;
        case 'html_block':
          // Raw HTML is off, so markdown-it never makes this; should it, the markup is printed as the words it is.
          this.text([{ text: t.content.replace(/\n+$/, '') }], ctx);
          break;
        case 'inline':
          this.paragraph(t, ctx);
          break;
        case 'hr':
          this.warn('markdown-not-printed', 'a horizontal rule (---, *** or ___ on a line of its own) is not printed: start a new section with a ## heading instead', t);
          break;
        // Closing tokens end the constructs opened above; table parts are read by table().
        case 'paragraph_close': case 'heading_close': case 'blockquote_close': case 'bullet_list_close': case 'ordered_list_close':
        case 'list_item_close': case 'table_close': case 'thead_open': case 'thead_close': case 'tbody_open': case 'tbody_close':
        case 'tr_open': case 'tr_close': case 'th_open': case 'th_close': case 'td_open': case 'td_close':
          break;
        default:
          unreachable(kind);
      }
    }
  }

  private paragraph(inline: Token, ctx: Context) {
    const slot = BlockSlots.match(inline.content);
    if (slot !== undefined && !ctx.list && !ctx.quote) {
      this.pieces.push({ kind: 'blocks', blocks: this.slots.blocks[slot]! });
      return;
    }
    if (ctx.list || ctx.quote) {
      this.text(this.runs(inline), ctx);
      return;
    }
    // Images become figures of their own, after the words around them (if any).
    const images = (inline.children ?? []).filter((c) => c.type === 'image');
    const text = this.runs(inline, false);
    if (!images.length || text.some((r) => r.text.trim())) this.pieces.push({ kind: 'paragraph', runs: text });
    for (const img of images)
      this.pieces.push({ kind: 'figure', src: String(img.attrGet('src') ?? ''), alt: img.content.trim(), title: String(img.attrGet('title') ?? '').trim(), line: inline.map?.[0] ?? 0 });
  }

  private table(from: number, to: number): BodyItem {
    const header: string[] = [];
    const align: ('left' | 'center' | 'right' | undefined)[] = [];
    const rows: Inline[][][] = [];
    let inHead = false;
    for (let i = from; i < to; i++) {
      const t = this.tokens[i]!;
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open' && !inHead) rows.push([]);
      else if (t.type === 'th_open') align.push(/text-align:\s*(left|center|right)/.exec(String(t.attrGet('style') ?? ''))?.[1] as 'left' | 'center' | 'right' | undefined);
      else if (t.type === 'inline') {
        if (inHead) header.push(plainText(this.runs(t)));
        else rows[rows.length - 1]!.push(this.runs(t));
      }
    }
    return { kind: 'table', header, align, rows };
  }

  /**
   * Inline Markdown to runs: bold, italic and safe links kept; everything else is text. An image in a list
   * item, quotation or table cell cannot be a figure there, so its alt text stays as words; a paragraph's
   * images are taken out as figures (see paragraph()) and `keepImages` is false.
   */
  runs(inline: Token, keepImages = true): Inline[] {
    const out: Inline[] = [];
    let bold = false;
    let italic = false;
    let link: string | undefined;
    const push = (text: string) => {
      const run: Inline = { text };
      if (bold) run.bold = true;
      if (italic) run.italic = true;
      if (link) run.link = link;
      const last = out[out.length - 1];
      if (last && last.bold === run.bold && last.italic === run.italic && last.link === run.link) last.text += text;
      else out.push(run);
    };
    for (const c of inline.children ?? []) {
      if (!isInlineKind(c.type)) {
        this.warn('markdown-unsupported', `this Markdown (${c.type}) cannot be printed; its words are kept as plain text`, inline);
        if (c.content) push(c.content);
        continue;
      }
      const kind: InlineKind = c.type;
      switch (kind) {
        case 'text': case 'text_special': case 'code_inline': case 'html_inline': case 'html_block':
          push(c.content);
          break;
        case 'softbreak': push(' '); break;
        case 'hardbreak': push('\n'); break;
        case 'strong_open': case 'strong_close': bold = kind === 'strong_open'; break;
        case 'em_open': case 'em_close': italic = kind === 'em_open'; break;
        case 's_open':
          this.warn('markdown-not-printed', 'struck-through text (~~words~~) is printed as ordinary words, which would read as current: delete the words or say what changed', inline);
          break;
        case 's_close': break;
        case 'link_open': {
          const href = String(c.attrGet('href') ?? '');
          link = SAFE_LINK.test(href) ? href : undefined;
          break;
        }
        case 'link_close': link = undefined; break;
        case 'image': if (keepImages) push(c.content); break;
        default:
          unreachable(kind);
      }
    }
    return out.length ? out : [{ text: '' }];
  }
}

const plainText = (runs: Inline[]) => runs.map((r) => r.text).join('');

/** List entries as lists: one per outermost list, ended early where something else (a table) comes in it. */
function groupEntries(pieces: (BodyItem | Entry)[]): BodyItem[] {
  const out: BodyItem[] = [];
  let group = 0;
  for (const p of pieces) {
    if (p.kind !== 'entry') {
      out.push(p);
      continue;
    }
    const last = out[out.length - 1];
    const same = last?.kind === 'list' && p.group === group;
    group = p.group;
    if (same) last.items.push({ runs: p.runs, level: p.level });
    else out.push({ kind: 'list', ordered: p.ordered, items: [{ runs: p.runs, level: p.level }] });
  }
  return out;
}

/** The author's Markdown (after templates) as body items, with a diagnostic for anything not printed as written. */
export function parseBody(markdown: string, slots: BlockSlots, place: BodyPlace): { items: BodyItem[]; diagnostics: Diagnostic[] } {
  const tokens = md.parse(markdown, {});
  const parser = new BodyParser(tokens, slots, place);
  parser.blocks(0, tokens.length, { quote: false });
  return { items: groupEntries(parser.pieces), diagnostics: parser.diagnostics };
}
