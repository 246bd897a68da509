import MarkdownIt from 'markdown-it';

import type { Block, Inline } from '../layout';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic';
import { describeRemoved, removeXmlInvalid } from '../../text/xml-chars';

/** The body before numbering: what the author wrote, in order. */
export type BodyItem =
  | { kind: 'heading'; depth: number; text: string }
  /** `role`: a quotation (`> ...`) or a code block, printed as written and never numbered. */
  | { kind: 'paragraph'; runs: Inline[]; role?: 'quote' | 'code' }
  | { kind: 'list'; ordered: boolean; items: { runs: Inline[]; level: number }[] }
  | { kind: 'table'; header: string[]; align: ('left' | 'center' | 'right' | undefined)[]; rows: Inline[][][] }
  | { kind: 'blocks'; blocks: Block[] }
  /** `![alt](file.png "title")`: a figure, resolved against the report's folder in the layout step. `line` is 0-based in this Markdown. */
  | { kind: 'figure'; src: string; alt: string; title: string; line: number };

// Raw HTML off: a cell's "<b>x</b>" is text. No linkify or typographer: we print what was written.
export const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
export const SAFE_LINK = /^(https?:|mailto:)/i;
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

