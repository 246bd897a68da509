import type { Inline } from '../../render/layout';
import type { PartContext } from './part-context';
import { esc, wText } from './xml-write';

/** The colour of link text in both writers' house style. */
export const LINK_COLOUR = '#1F3864';

export interface RunFormat {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  colour?: string | undefined;
  underline?: boolean | undefined;
}

/** w:rPr in the schema's order (b, bCs, i, iCs, color, u), or nothing for plain text. */
export function runProperties(f: RunFormat): string {
  let p = '';
  if (f.bold) p += '<w:b/><w:bCs/>';
  if (f.italic) p += '<w:i/><w:iCs/>';
  if (f.colour) p += `<w:color w:val="${f.colour.replace('#', '')}"/>`;
  if (f.underline) p += '<w:u w:val="single"/>';
  return p ? `<w:rPr>${p}</w:rPr>` : '';
}

/** Plain text as one run, new lines kept as line breaks (cells with several leads, one per line). */
export function textRun(text: string, f: RunFormat = {}): string {
  const lines = String(text).split('\n');
  let body = wText(lines[0]!);
  for (let i = 1; i < lines.length; i++) body += `<w:br/>${wText(lines[i]!)}`;
  return `<w:r>${runProperties(f)}${body}</w:r>`;
}

/** Runs as Word runs; the text itself is never interpreted. Links get relationship ids in this part. */
export function runs(inlines: readonly Inline[], part: PartContext, colour?: string): string {
  let out = '';
  for (const r of inlines) {
    if (!r.link) {
      out += textRun(r.text, { bold: r.bold, italic: r.italic, colour });
      continue;
    }
    const hash = r.link.indexOf('#');
    const fragment = hash > 0 ? r.link.slice(hash + 1) : '';
    // Word keeps a fragment of up to 255 characters as the link's w:anchor; the target is then the address before it.
    const anchor = fragment.length > 0 && fragment.length <= 255 ? fragment : undefined;
    const id = part.link(anchor === undefined ? r.link : r.link.slice(0, hash));
    const text = textRun(r.text, { bold: r.bold, italic: r.italic, colour: LINK_COLOUR, underline: true });
    out += `<w:hyperlink r:id="${id}"${anchor === undefined ? '' : ` w:anchor="${esc(anchor)}"`} w:history="1">${text}</w:hyperlink>`;
  }
  return out;
}
