import MarkdownIt from 'markdown-it';

import type { Block, Inline } from '../layout';
import { BlockSlots } from './template-engine';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic';
import { describeRemoved, removeXmlInvalid } from '../../text/xml-chars';

/** The body before numbering: what the author wrote, in order. */
export type BodyItem =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; runs: Inline[] }
  | { kind: 'list'; ordered: boolean; items: { runs: Inline[]; level: number }[] }
  | { kind: 'table'; header: string[]; rows: Inline[][][] }
  | { kind: 'blocks'; blocks: Block[] }
  /** `![alt](file.png "title")`: a figure, resolved against the report's folder in the layout step. `line` is 0-based in this Markdown. */
  | { kind: 'figure'; src: string; alt: string; title: string; line: number };

// Raw HTML off: a cell's "<b>x</b>" is text. No linkify or typographer: we print what was written.
type Token = MarkdownIt.Token;
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const SAFE_LINK = /^(https?:|mailto:)/i;
// For checking only: markdown-it quietly turns javascript:, file: and data: links into text; this one keeps
// every link as a link so each can be reported at its line.
const linkChecker = new MarkdownIt({ html: false, linkify: false, typographer: false });
linkChecker.validateLink = () => true;

export interface MarkdownSource {
  file: string;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

/**
 * The author's Markdown as read, made safe before anything else sees it: characters XML cannot carry are
 * removed (a warning names each line), and every link's scheme is checked: http, https and mailto only,
 * anything else (javascript:, file:, data:, a relative path that means nothing in a PDF sent by email) is
 * an error at its line rather than a link silently turned into text.
 */
export function cleanMarkdownSource(source: MarkdownSource): { body: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = source.body.split('\n').map((line, i) => {
    const { text, removed } = removeXmlInvalid(line);
    if (removed.length) diagnostics.push(warning('invalid-characters', `${describeRemoved(removed)} from the line`, { file: source.file, line: source.bodyLine + i }));
    return text;
  });
  const body = lines.join('\n');
  for (const t of linkChecker.parse(body, {})) {
    if (t.type !== 'inline' || !t.map) continue;
    let line = t.map[0];
    for (const c of t.children ?? []) {
      if (c.type === 'softbreak' || c.type === 'hardbreak') line++;
      if (c.type !== 'link_open') continue;
      const href = String(c.attrGet('href') ?? '');
      if (!SAFE_LINK.test(href))
        diagnostics.push(error('link-not-allowed', `the link to "${href}" is not allowed: links must start with http:, https: or mailto:`, { file: source.file, line: source.bodyLine + line }));
    }
  }
  return { body, diagnostics };
}

export function parseBody(markdown: string, slots: BlockSlots): BodyItem[] {
  const tokens = md.parse(markdown, {});
  const items: BodyItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') items.push({ kind: 'heading', depth: Number(t.tag.slice(1)), text: plain(tokens[++i]!) });
    else if (t.type === 'paragraph_open' && !t.hidden) i = paragraph(tokens, i + 1, items, slots);
    else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') i = list(tokens, i, items);
    else if (t.type === 'table_open') i = table(tokens, i, items);
    else if (t.type === 'fence' || t.type === 'code_block') items.push({ kind: 'paragraph', runs: [{ text: t.content.trimEnd() }] });
  }
  return items;
}

function paragraph(tokens: Token[], at: number, items: BodyItem[], slots: BlockSlots): number {
  const inline = tokens[at]!;
  const slot = BlockSlots.match(inline.content);
  if (slot !== undefined) items.push({ kind: 'blocks', blocks: slots.blocks[slot]! });
  else {
    // Images become figures of their own, after the words around them (if any).
    const images = (inline.children ?? []).filter((c) => c.type === 'image');
    const text = runs(inline, false);
    if (!images.length || text.some((r) => r.text.trim())) items.push({ kind: 'paragraph', runs: text });
    for (const img of images)
      items.push({ kind: 'figure', src: String(img.attrGet('src') ?? ''), alt: img.content.trim(), title: String(img.attrGet('title') ?? '').trim(), line: inline.map?.[0] ?? 0 });
  }
  return at + 1;
}

function list(tokens: Token[], at: number, items: BodyItem[]): number {
  const ordered = tokens[at]!.type === 'ordered_list_open';
  const entries: { runs: Inline[]; level: number }[] = [];
  let depth = 0;
  let i = at;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      if (--depth === 0) break;
    } else if (t.type === 'inline') entries.push({ runs: runs(t), level: depth - 1 });
  }
  items.push({ kind: 'list', ordered, items: entries });
  return i;
}

function table(tokens: Token[], at: number, items: BodyItem[]): number {
  const header: string[] = [];
  const rows: Inline[][][] = [];
  let inHead = false;
  let i = at;
  for (; tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open' && !inHead) rows.push([]);
    else if (t.type === 'inline') {
      if (inHead) header.push(plain(t));
      else rows[rows.length - 1]!.push(runs(t));
    }
  }
  items.push({ kind: 'table', header, rows });
  return i;
}

function plain(inline: Token): string {
  return runs(inline).map((r) => r.text).join('');
}

/**
 * Inline Markdown to runs: bold, italic and safe links kept; everything else is text. An image in a list
 * item or table cell cannot be a figure there, so its alt text stays as words; a paragraph's images are
 * taken out as figures (see paragraph()) and `keepImages` is false.
 */
function runs(inline: Token, keepImages = true): Inline[] {
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
    if (c.type === 'text' || c.type === 'code_inline') push(c.content);
    else if (c.type === 'softbreak') push(' ');
    else if (c.type === 'hardbreak') push('\n');
    else if (c.type === 'strong_open' || c.type === 'strong_close') bold = c.type === 'strong_open';
    else if (c.type === 'em_open' || c.type === 'em_close') italic = c.type === 'em_open';
    else if (c.type === 'link_open') {
      const href = String(c.attrGet('href') ?? '');
      link = SAFE_LINK.test(href) ? href : undefined;
    }
    else if (c.type === 'link_close') link = undefined;
    else if (c.type === 'image' && keepImages) push(c.content);
  }
  return out.length ? out : [{ text: '' }];
}
