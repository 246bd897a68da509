/**
 * The README's picture of `cabinet preview`, made on the same browser harness as the tests. Run by hand
 * (not by npm test), from the checkout: `npx tsc -p tsconfig.build.json && node dist/preview/screenshot.js`.
 * It copies the W&F report and its plan to a temp folder, previews it, writes a status the plan's key does
 * not have into the workbook there, clicks the message, and saves the page as docs/preview.png.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { privateOutDir } from '../pipeline/build-context';
import { startPreview } from './preview';

const CHROMIUM = '/usr/bin/chromium';

/** The workbook with one cell of its first sheet set to a string, styles kept. */
async function withCell(workbook: string, cell: string, text: string): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(fs.readFileSync(workbook));
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheet)!.async('string');
  zip.file(sheet, xml.replace(new RegExp(`<c r="${cell}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`), (_m, attrs: string) => `<c r="${cell}"${attrs.replace(/\s*t="[^"]*"/, '')} t="str"><v>${text}</v></c>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function screenshot(out: string): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed (apt-get install -y chromium)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-screenshot-'));
  fs.mkdirSync(path.join(dir, 'data', 'reports'), { recursive: true });
  for (const f of ['reports/wf-cabinet-2023-09-12.md', 'wf-improvement-plan-2023-24.xlsx', 'cabinet.config.yaml']) fs.copyFileSync(path.resolve('data', f), path.join(dir, 'data', f));
  const preview = await startPreview({ kind: 'report', file: 'data/reports/wf-cabinet-2023-09-12.md' }, { cwd: dir, outDir: privateOutDir('cabinet-screenshot-out-'), formats: ['pdf', 'docx'] }, { host: '127.0.0.1', port: 0 });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 960 });
    await page.goto(preview.url);
    await page.waitForSelector('body[data-all-rendered]', { timeout: 120000 });
    await page.waitForFunction('document.querySelectorAll("#checks li.pass").length > 0', { timeout: 60000 });
    const workbook = path.join(dir, 'data', 'wf-improvement-plan-2023-24.xlsx');
    fs.writeFileSync(workbook, await withCell(workbook, 'E16', 'Purple'));
    await page.waitForSelector('#banner:not([hidden]) li.error', { timeout: 30000 });
    await page.click('#banner li.error button');
    await page.waitForSelector('#source:not([hidden]) td.marked', { timeout: 10000 });
    await new Promise((r) => setTimeout(r, 500));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
    await preview.close();
  }
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? 'docs/preview.png');
  screenshot(out).then(
    () => console.log(`wrote ${path.relative(process.cwd(), out)}`),
    (e: unknown) => {
      console.error(`screenshot: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
