import type { Inline } from '../../render/layout';

export interface PdfText {
  text: string;
  bold?: boolean;
  italics?: boolean;
  link?: string;
  decoration?: 'underline';
  color?: string;
}

/** Runs as pdfmake text pieces: built field by field, so nothing in the text can become an option. */
export function pdfRuns(runs: Inline[], colour?: string): PdfText[] {
  return runs.map((r) => {
    const t: PdfText = { text: String(r.text) };
    if (r.bold) t.bold = true;
    if (r.italic) t.italics = true;
    if (r.link) Object.assign(t, { link: r.link, decoration: 'underline' as const, color: '#1F3864' });
    if (colour && !r.link) t.color = colour;
    return t;
  });
}
