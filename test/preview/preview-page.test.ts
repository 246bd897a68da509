/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startPreview, type RunningPreview } from '../../src/preview/preview';
import { privateOutDir } from '../../src/pipeline/build-context';
import { describeWithChromium, launch } from './browser';
import { saveLikeAnEditor, wfFolder, withCell } from './fixture';

/** A request with the path sent exactly as written (no client-side normalising of ../ or %2e). */
function rawGet(url: string, rawPath: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method: 'GET', headers: { host: u.host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const textLayer = (page: Page) => page.$$eval('.textLayer', (ls) => ls.map((l) => l.textContent ?? '').join('\n'));


/**
 * Clicks the banner's error that says `words`, in the page itself: the banner is drawn again when the checks
 * follow the pages, so a handle taken a moment earlier can be detached by the time it is clicked.
 */
async function clickError(page: Page, words: string): Promise<void> {
  await page.waitForFunction(
    (w: string) => {
      const li = [...document.querySelectorAll('#banner:not([hidden]) li.error')].find((l) => l.textContent?.includes(w));
      const button = li?.querySelector('button');
      if (!button) return false;
      button.click();
      return true;
    },
    { timeout: 30000 },
    words,
  );
}

describeWithChromium('cabinet preview in a real browser (W&F report)', () => {
  jest.setTimeout(120000);
  const wf = wfFolder();
  let preview: RunningPreview;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    preview = await startPreview({ kind: 'report', file: wf.report }, { cwd: wf.dir, outDir: privateOutDir('cabinet-preview-test-out-'), formats: ['pdf', 'docx'] }, { host: '127.0.0.1', port: 0 });
    browser = await launch();
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(preview.url);
    await page.waitForSelector('body[data-all-rendered]', { timeout: 60000 });
    // The DOCX and the checks follow the PDF.
    await page.waitForFunction(() => document.querySelectorAll('#downloads a').length >= 4 && document.querySelectorAll('#checks li.pass').length > 0, { timeout: 30000 });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('draws every page to a canvas with ink on it, and a text layer with the report\'s words', async () => {
    const pages = await page.$$eval('#pages .page', (ps) => ps.map((p) => ({ doc: (p as HTMLElement).dataset.doc, canvas: Boolean(p.querySelector('canvas')) })));
    const docs = preview.session.current!.build.documents;
    expect(pages.length).toBe(docs.reduce((n, d) => n + (d.pages ?? 0), 0));
    expect(pages.every((p) => p.canvas)).toBe(true);
    const inked = await page.$eval('#pages .page canvas', (c) => {
      const canvas = c;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    const text = await textLayer(page);
    expect(text).toContain('Executive Summary');
    expect(text).toContain('Children');
    // Find in page (what Ctrl+F does) finds words of the PDF, and selecting them gives the text.
    const found = await page.evaluate(() => {
      const hit = (window as unknown as { find(s: string): boolean }).find('Ofsted inspection in Cumbria');
      const selected = window.getSelection()?.toString() ?? '';
      const inTextLayer = Boolean(window.getSelection()?.anchorNode?.parentElement?.closest('.textLayer'));
      return { hit, selected, inTextLayer };
    });
    expect(found).toEqual({ hit: true, selected: 'Ofsted inspection in Cumbria', inTextLayer: true });
    // Contents: each document, then its headings from the PDF's bookmarks.
    const contents = await page.$$eval('#contents button', (bs) => bs.map((b) => b.textContent));
    expect(contents).toEqual(expect.arrayContaining([expect.stringContaining('Executive Summary')]));
    // Downloads are the bytes the build wrote.
    const links = await page.$$eval('#downloads a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/report\.pdf\?download$/), expect.stringMatching(/report\.docx\?download$/)]));
    const pdf = docs.find((d) => d.name === 'report')!.pdf!;
    const served = await page.evaluate(async (href) => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())).length, links.find((l) => l.includes('report.pdf'))!);
    expect(served).toBe(pdf.length);
    // Checks listed, each passed.
    const checks = await page.$$eval('#checks li', (ls) => ls.map((l) => l.className));
    expect(checks.length).toBeGreaterThan(3);
    expect(checks).not.toContain('fail');
  });

  it('shows edited Markdown within a few seconds, staying on the page the author was reading', async () => {
    await page.evaluate(() => {
      const third = document.querySelectorAll('#pages .page')[2]!;
      window.scrollTo(0, third.getBoundingClientRect().top + window.scrollY - document.getElementById('top')!.offsetHeight + 5);
    });
    const before = Number(await page.$eval('body', (b) => b.dataset.shownVersion));
    const file = path.join(wf.dir, wf.report);
    saveLikeAnEditor(file, fs.readFileSync(file, 'utf8').replace('This paper sets out, at Appendix A,', 'Quokkas marmalade zeppelin: this paper sets out, at Appendix A,'));
    const started = Date.now();
    await page.waitForFunction((v) => Number(document.body.dataset.shownVersion) > v, { timeout: 30000 }, before);
    await page.waitForFunction(() => [...document.querySelectorAll('.textLayer')].some((l) => l.textContent.includes('Quokkas marmalade zeppelin')), { timeout: 30000 });
    expect(Date.now() - started).toBeLessThan(5000);
    const reading = await page.evaluate(() => {
      const top = document.getElementById('top')!.offsetHeight;
      const p = [...document.querySelectorAll<HTMLElement>('#pages .page')].find((x) => x.getBoundingClientRect().bottom > top + 1)!;
      return `${p.dataset.doc} ${p.dataset.page}`;
    });
    expect(reading).toBe('report 3');
  });

  it('a status the key does not have shows the located error over the last good pages; clicking it shows the cell', async () => {
    const workbook = path.join(wf.dir, wf.workbook);
    const original = fs.readFileSync(workbook);
    saveLikeAnEditor(workbook, await withCell(workbook, 'E14', 'Purple'));
    try {
      await page.waitForSelector('#banner:not([hidden]) li.error', { timeout: 30000 });
      const message = await page.$eval('#banner li.error', (l) => l.textContent);
      expect(message).toContain('data/wf-improvement-plan-2023-24.xlsx: Action Plan!E14');
      expect(message).toContain('Purple');
      // The last good pages are still there.
      expect(await page.$$eval('#pages .page canvas', (cs) => cs.length)).toBeGreaterThan(2);
      await clickError(page, 'Action Plan!E14');
      await page.waitForSelector('#source:not([hidden]) td.marked', { timeout: 30000 });
      const cell = await page.$eval('#source td.marked', (td) => ({ address: td.getAttribute('data-cell'), text: td.textContent }));
      expect(cell).toEqual({ address: 'E14', text: 'Purple' });
      // Its neighbours are the sheet as read: the status key's heading and its "Green" row are above it.
      expect(await page.$eval('#source .head', (h) => h.textContent)).toContain('Action Plan!E14');
      // The same diagnostics as JSON.
      const json = JSON.parse(await page.evaluate(async () => (await fetch('diagnostics.json')).text())) as { diagnostics: { code: string; cell?: string }[] };
      expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-status', cell: 'E14' }));
    } finally {
      saveLikeAnEditor(workbook, original);
    }
    await page.waitForSelector('#banner[hidden]', { timeout: 30000 });
  });

  it('a Markdown line error opens the file with the line marked, and text from data stays text', async () => {
    const file = path.join(wf.dir, wf.report);
    const text = fs.readFileSync(file, 'utf8');
    // An unknown front matter key on line 2, whose value is markup: it must be shown, never run.
    saveLikeAnEditor(file, text.replace('council: Westmorland', 'colour: "<img src=x onerror=alert(1)><script>alert(2)</script>"\ncouncil: Westmorland'));
    try {
      await page.waitForSelector('#banner:not([hidden]) li.error', { timeout: 30000 });
      await clickError(page, 'colour');
      await page.waitForSelector('#source:not([hidden]) .line.marked', { timeout: 30000 });
      const marked = await page.$eval('#source .line.marked', (l) => l.textContent);
      expect(marked).toContain('<img src=x onerror=alert(1)>');
      expect(await page.$$eval('#source img, #source script, #diagnostics img', (x) => x.length)).toBe(0);
    } finally {
      saveLikeAnEditor(file, text);
    }
    await page.waitForSelector('#banner[hidden]', { timeout: 30000 });
  });

  it('answers traversal and unknown paths with 404, and sends a strict Content-Security-Policy', async () => {
    for (const p of ['/../package.json', '/%2e%2e%2fpackage.json', '/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/pdfjs/../../package.json', '/files/1/..%2f..%2fpackage.json', '/package.json', '/node_modules/pdfjs-dist/package.json'])
      expect([p, await rawGet(preview.url, p)]).toEqual([p, 404]);
    const res = await fetch(preview.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).not.toMatch(/<script>(?!<)/);
  });

  it('made no request outside the server, and the page logged no errors', () => {
    const origin = new URL(preview.url).origin;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(origin + '/'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
