/**
 * Rendering, measured as a user runs it: the whole `cabinet build` process (start-up, reading, layout, both
 * writers) against LibreOffice converting the same DOCX to PDF on this machine, by CPU time and peak RSS.
 * Targets (issue "Own the page"): the W&F report + appendix in DOCX and PDF at most 0.6x the CPU LibreOffice
 * needs for the two DOCX; a report over a 5,000-action plan (the appendix inline and as its own file) at most
 * 0.5x LibreOffice converting that appendix DOCX alone, within 400 MB.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { planWorkbook } from './read-plan.bench';
import { measureProcess, medianBy, sofficeBinary, type ProcessCost } from './process-cost';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const BIG = path.join(os.tmpdir(), 'cabinet-bench-5000');

function docxUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.docx')).map((e) => path.join(e.parentPath, e.name));
}

/** LibreOffice converting DOCX files to PDF in one process with a scratch profile. */
function libreOffice(files: string[]): ProcessCost | undefined {
  const bin = sofficeBinary();
  if (!bin) return undefined;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-lo-'));
  const args = [`-env:UserInstallation=file://${path.join(scratch, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, ...files];
  measureProcess(bin, args, scratch); // first start creates the profile: not counted
  return measureProcess(bin, args, scratch);
}

function figures(ours: ProcessCost | undefined, lo: ProcessCost | undefined, target: number): Record<string, string | number> {
  if (!ours) return { result: '/usr/bin/time not available: process CPU not measured' };
  const out: Record<string, string | number> = { cpu_s: ours.cpu.toFixed(2), wall_ms: ours.wallMs.toFixed(0), process_peak_mb: ours.peakMb.toFixed(0) };
  if (!lo) return { ...out, libreoffice: 'SKIPPED: soffice is not installed (apt-get install libreoffice-writer-nogui fonts-croscore fonts-liberation2)' };
  const ratio = ours.cpu / lo.cpu;
  return { ...out, libreoffice_cpu_s: lo.cpu.toFixed(2), libreoffice_peak_mb: lo.peakMb.toFixed(0), cpu_ratio: `${ratio.toFixed(2)}x ${ratio <= target ? 'ok' : 'OVER'} (target ${target}x)` };
}

const wf: BenchCase = {
  name: 'W&F report + Appendix A, DOCX and PDF, whole process vs LibreOffice (median of 5 each)',
  async run() {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-wf-'));
    // A second is short enough for a busy moment on a shared machine to move one run by a third: the
    // median of five, each ours then LibreOffice's, so both meet the same moments.
    const pairs: Array<[ProcessCost | undefined, ProcessCost | undefined]> = [];
    for (let i = 0; i < 5; i++) {
      const ours = measureProcess(process.execPath, [CLI, 'build', 'data/reports/wf-cabinet-2023-09-12.md', '--out', out, '--quiet'], ROOT);
      pairs.push([ours, libreOffice(docxUnder(out))]);
    }
    return figures(medianBy(pairs.map((p) => p[0])), medianBy(pairs.map((p) => p[1])), 0.6);
  },
};

const big: BenchCase = {
  name: 'report over a 5,000-action plan (appendix inline and own file) vs LibreOffice on the appendix',
  async prepare() {
    fs.mkdirSync(BIG, { recursive: true });
    fs.writeFileSync(path.join(BIG, 'plan.xlsx'), await planWorkbook(5000));
    fs.writeFileSync(
      path.join(BIG, 'report.md'),
      [
        '---',
        'committee: Cabinet',
        'meeting: { date: 2024-09-10, time: "10:00" }',
        'agendaItem: 6',
        'title: Generated Improvement Plan 2024-25',
        'reportOf: Director of Children\'s Services',
        'portfolioHolder: Cabinet Member for Children',
        'author: { name: Ann Smith, jobTitle: Head of Improvement }',
        'wards: All',
        'keyDecision: { value: false }',
        'workbooks: { plan: plan.xlsx }',
        'appendices:',
        '  - { letter: A, title: Generated Improvement Plan 2024-25, plan: plan }',
        '---',
        '',
        '## Summary',
        '',
        'The plan has {{plan.actions.length}} actions.',
        '',
      ].join('\n'),
    );
  },
  async run() {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-big-'));
    const ours = measureProcess(process.execPath, [CLI, 'build', path.join(BIG, 'report.md'), '--out', out, '--quiet'], ROOT);
    const appendix = docxUnder(out).filter((f) => path.basename(f).startsWith('appendix-'));
    const result = figures(ours, libreOffice(appendix), 0.5);
    if (ours) result.rss = `${ours.peakMb <= 400 ? 'ok' : 'OVER'} (target 400 MB)`;
    return result;
  },
};

const TEMPLATE = path.join(ROOT, 'data', 'councils', 'hillbrook', 'word-template', 'template.dotx');

/** Pages of every document a build's manifest lists, PDF and DOCX counted once. */
function pagesOf(dir: string): number {
  const manifest = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name === 'manifest.json');
  if (!manifest) return 0;
  const docs = (JSON.parse(fs.readFileSync(path.join(manifest.parentPath, manifest.name), 'utf8')) as { documents: { format: string; pages?: number }[] }).documents;
  return docs.filter((d) => d.format === 'pdf').reduce((n, d) => n + (d.pages ?? 0), 0);
}

/**
 * Issue 15: built from a council template, the 5,000-action report is to stay within 10% of the targets
 * above (0.55x LibreOffice converting its appendix, 440 MB). Our own house style is built in turns with it
 * for comparison: the template sets the report in its own margins and fonts, on more pages.
 */
const fromTemplate: BenchCase = {
  name: 'the 5,000-action report written into a council Word template (Hillbrook) vs LibreOffice, and vs our own house style',
  prepare: () => big.prepare!(),
  async run() {
    const houseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-house-'));
    const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-tpl-'));
    const build = (out: string, extra: string[]) => measureProcess(process.execPath, [CLI, 'build', path.join(BIG, 'report.md'), '--out', out, '--quiet', ...extra], ROOT);
    // Taken in turns, so a busy moment on a shared machine falls on both; the median of five of each.
    const house: Array<ProcessCost | undefined> = [];
    const template: Array<ProcessCost | undefined> = [];
    for (let i = 0; i < 5; i++) {
      house.push(build(houseDir, []));
      template.push(build(templateDir, ['--word-template', TEMPLATE]));
    }
    const ours = medianBy(house);
    const council = medianBy(template);
    if (!ours || !council) return { result: '/usr/bin/time not available: process CPU not measured' };
    const appendix = docxUnder(templateDir).filter((f) => path.basename(f).startsWith('appendix-'));
    const result = figures(council, libreOffice(appendix), 0.55);
    result.rss = `${council.peakMb <= 440 ? 'ok' : 'OVER'} (target 440 MB)`;
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;
    const housePages = pagesOf(houseDir);
    const templatePages = pagesOf(templateDir);
    return {
      ...result,
      house_cpu_s: ours.cpu.toFixed(2), house_peak_mb: ours.peakMb.toFixed(0),
      vs_house: `${pct(council.cpu / ours.cpu - 1)} CPU, ${pct(council.peakMb / ours.peakMb - 1)} peak, for ${templatePages} pages against ${housePages}`,
    };
  },
};

export const cases: BenchCase[] = [wf, big, fromTemplate];
