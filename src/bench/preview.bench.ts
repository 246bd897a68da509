import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { privateOutDir } from '../pipeline/build-context';
import { startPreview, type RunningPreview } from '../preview/preview';
import type { Snapshot } from '../preview/session';

const CHROMIUM = '/usr/bin/chromium';

/** The W&F report of 12 September 2023 with its plan and settings, in a temp folder laid out as data/ is. */
function wfCopy(): { dir: string; report: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-preview-'));
  fs.mkdirSync(path.join(dir, 'data', 'reports'), { recursive: true });
  for (const f of ['reports/wf-cabinet-2023-09-12.md', 'wf-improvement-plan-2023-24.xlsx', 'cabinet.config.yaml']) fs.copyFileSync(path.resolve('data', f), path.join(dir, 'data', f));
  return { dir, report: path.join('data', 'reports', 'wf-cabinet-2023-09-12.md') };
}

/** An editor's save: a temp file renamed over the original. */
function save(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

const edit = (text: string, i: number) => text.replace('This paper sets out', `Edit ${i}: this paper sets out`);

function nextBuild(preview: RunningPreview, complete: boolean): Promise<Snapshot> {
  return new Promise((resolve) => {
    const stop = preview.session.onBuild((s) => {
      if (!complete || s.complete) {
        stop();
        resolve(s);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const openFiles = () => fs.readdirSync('/proc/self/fd').length;
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

export const cases: BenchCase[] = [
  {
    name: 'preview: save to new pages in the browser (W&F report + appendix, 10 saves)',
    async run() {
      if (!fs.existsSync(CHROMIUM)) return { skipped: 'chromium is not installed' };
      const wf = wfCopy();
      const file = path.join(wf.dir, wf.report);
      const text = fs.readFileSync(file, 'utf8');
      const preview = await startPreview({ kind: 'report', file: wf.report }, { cwd: wf.dir, outDir: privateOutDir('cabinet-bench-preview-out-'), formats: ['pdf', 'docx'] }, { host: '127.0.0.1', port: 0 });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core');
      const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      try {
        const page = await browser.newPage();
        await page.setViewport({ width: 1400, height: 1000 });
        await page.goto(preview.url);
        await page.waitForSelector('body[data-all-rendered]', { timeout: 120000 });
        /** Save to the page having drawn the new page in view (its own clock), and as the harness saw it. */
        const total: number[] = [];
        const observed: number[] = [];
        const build: number[] = [];
        /** Per save: watcher (save to build start), PDF build, to the page hearing of it, loading the PDFs, drawing. */
        const steps: number[][] = [];
        for (let i = 1; i <= 10; i++) {
          const shown = Number(await page.evaluate('document.body.dataset.shownVersion'));
          const built = nextBuild(preview, false);
          const started = Date.now();
          save(file, edit(text, i));
          await page.waitForFunction(`Number(document.body.dataset.shownVersion) > ${shown}`, { timeout: 30000, polling: 10 });
          observed.push(Date.now() - started);
          const s = await built;
          build.push(s.build.ms.build);
          const t = JSON.parse(String(await page.evaluate('document.body.dataset.timing'))) as Record<'event' | 'state' | 'loaded' | 'drawn', number>;
          const builtAt = Date.parse(s.at);
          total.push(t.drawn - started);
          steps.push([builtAt - s.build.ms.build - started, s.build.ms.build, t.event - builtAt, t.loaded - t.event, t.drawn - t.loaded].map(Math.round));
          // Let the DOCX, the checks and the background pages finish, as an author's next save would.
          await page.waitForFunction(`Number(document.body.dataset.allRendered) > ${shown}`, { timeout: 60000 });
          await new Promise((r) => setTimeout(r, 300));
        }
        const step = (i: number) => median(steps.map((s) => s[i]!));
        return {
          save_to_pages_median_ms: median(total), save_to_pages_max_ms: Math.max(...total), target_ms: 500,
          median_watch_build_notify_load_draw_ms: [0, 1, 2, 3, 4].map(step).join('/'), all_ms: total.join(','),
          harness_observed_median_ms: median(observed), load_average: os.loadavg()[0]!.toFixed(1),
        };
      } finally {
        await browser.close();
        await preview.close();
      }
    },
  },
  {
    name: 'preview: soak, 200 rebuilds from saves (RSS and open files must not grow)',
    async run() {
      const wf = wfCopy();
      const file = path.join(wf.dir, wf.report);
      const text = fs.readFileSync(file, 'utf8');
      const preview = await startPreview({ kind: 'report', file: wf.report }, { cwd: wf.dir, outDir: privateOutDir('cabinet-bench-soak-out-'), formats: ['pdf', 'docx'] }, { host: '127.0.0.1', port: 0 }, { watch: { debounceMs: 100 } });
      try {
        const at: Record<number, { rss: number; fds: number }> = {};
        for (let i = 1; i <= 200; i++) {
          const built = nextBuild(preview, true);
          save(file, edit(text, i));
          const s = await built;
          if (!s.build.ok) throw new Error(`rebuild ${i} failed: ${s.build.diagnostics.map((d) => d.message).join('; ')}`);
          if (i === 20 || i === 100 || i === 200) at[i] = { rss: rssMb(), fds: openFiles() };
        }
        const growth = at[200]!.rss / at[20]!.rss;
        if (at[200]!.fds > at[20]!.fds + 2) throw new Error(`open files grew from ${at[20]!.fds} to ${at[200]!.fds}`);
        if (growth > 1.25) throw new Error(`RSS grew from ${at[20]!.rss.toFixed(0)} MB to ${at[200]!.rss.toFixed(0)} MB`);
        return {
          rss_mb_20_100_200: [20, 100, 200].map((n) => at[n]!.rss.toFixed(0)).join('/'),
          fds_20_100_200: [20, 100, 200].map((n) => at[n]!.fds).join('/'),
        };
      } finally {
        await preview.close();
      }
    },
  },
];
