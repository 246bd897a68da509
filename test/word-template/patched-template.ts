import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { tempDir } from '../report/fixtures';
import { templateFile } from './councils';

/**
 * A copy of a sample council's template with some parts' XML edited (as a council would in Word), written
 * to a scratch folder: for tests of what the sample templates do not say themselves.
 */
export async function patchedTemplate(council: string, edits: Record<string, (xml: string) => string>): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(templateFile(council)));
  for (const [part, edit] of Object.entries(edits)) {
    const file = zip.file(part);
    if (!file) throw new Error(`${council}'s template has no ${part}`);
    const before = await file.async('string');
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${part} changed nothing`);
    zip.file(part, after);
  }
  const out = path.join(tempDir(), 'template.dotx');
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}

/** A style's w:pPr in styles.xml with more children at its end (LibreOffice writes each style on one line). */
export function withStyleProps(styleId: string, pPr: string): (xml: string) => string {
  return (xml) => xml.replace(new RegExp(`(<w:style [^>]*w:styleId="${styleId}"[^>]*>(?:(?!</w:style>).)*?)</w:pPr>`), `$1${pPr}</w:pPr>`);
}
