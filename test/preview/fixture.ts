import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const DATA = path.join(__dirname, '..', '..', 'data');

/**
 * The W&F cabinet report of 12 September 2023 with its plan workbook and settings, copied into a temp
 * folder laid out as the checkout is (data/reports/…, data/…xlsx), so a test can edit them freely.
 */
export function wfFolder(): { dir: string; report: string; workbook: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-preview-test-'));
  fs.mkdirSync(path.join(dir, 'data', 'reports'), { recursive: true });
  fs.copyFileSync(path.join(DATA, 'reports', 'wf-cabinet-2023-09-12.md'), path.join(dir, 'data', 'reports', 'wf-cabinet-2023-09-12.md'));
  fs.copyFileSync(path.join(DATA, 'wf-improvement-plan-2023-24.xlsx'), path.join(dir, 'data', 'wf-improvement-plan-2023-24.xlsx'));
  fs.copyFileSync(path.join(DATA, 'cabinet.config.yaml'), path.join(dir, 'data', 'cabinet.config.yaml'));
  return { dir, report: path.join('data', 'reports', 'wf-cabinet-2023-09-12.md'), workbook: path.join('data', 'wf-improvement-plan-2023-24.xlsx') };
}

/** Replaces a file the way editors do: write a temp file beside it, then rename it over the original. */
export function saveLikeAnEditor(file: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** The workbook with one cell of its first sheet set to a string, styles kept (the XML edited in place). */
export async function withCell(workbook: string, cell: string, text: string): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(fs.readFileSync(workbook));
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheet)!.async('string');
  const re = new RegExp(`<c r="${cell}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${cell} in ${workbook}`);
  const edited = xml.replace(re, (_m, attrs: string) => `<c r="${cell}"${attrs.replace(/\s*t="[^"]*"/, '')} t="str"><v>${text}</v></c>`);
  zip.file(sheet, edited);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
