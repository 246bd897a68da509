import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command, CommandIO } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from '../command';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { readPlan, readSettings } from '../../model/read-plan';
import { error, type Diagnostic } from '../../diagnostics/diagnostic';
import { writeFileAtomic } from '../../io/atomic-write';
import { WORKBOOK_FILE, workbooksIn } from '../../readers/workbook-files';
import type { Config } from '../../config/schema';
import { settingsOrReport } from '../options';
import { count } from '../count';
import { buildSource } from '../../pipeline/build-source';
import { buildAgenda } from '../../pipeline/build-agenda';
import { buildBoardPack } from '../../board-pack/build-board-pack';

const HELP = `Usage: cabinet samples [--data DIR] [--out DIR] [--config FILE]

Builds every sample in data/ into output/: checks each plan workbook and writes what was read
(the plan model) to output/plans/<file>.json, then builds every report in data/reports/ as DOCX
and PDF with data/decisions/, the agenda packs of data/meetings/, and the February and March 2024 board
packs from data/monthly/; then each sample council in data/councils/<name>/ with its own settings
(its reports and its March 2024 board pack into output/councils/<name>/). Deliberately broken workbooks in
data/broken/ are skipped.

Options:
  --data DIR   where the samples are (default data)
  --out DIR    where to write (default output)
  --config FILE  settings file (default data/cabinet.config.yaml)

Exit codes: 0 built, 1 a sample has data errors, 2 usage, settings or unreadable input.`;


/** Sample workbooks under data/, skipping the broken ones kept for tests. */
export function sampleWorkbooks(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'broken' && entry.name !== 'history') walk(full);
      else if (entry.isFile() && WORKBOOK_FILE.test(entry.name)) found.push(full);
    }
  };
  walk(dataDir);
  return found;
}

export const samplesCommand: Command = {
  name: 'samples',
  summary: 'build every sample in data/ into output/',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { data: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' } });
    const config = settingsOrReport(values.config, io);
    if (!config) return EXIT_USAGE;
    const dataDir = path.resolve(io.cwd, values.data ?? 'data');
    if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
      const named = values.data ? `--data ${values.data}` : `there is no data folder in ${io.cwd}`;
      throw new UsageError(values.data ? `${named} is not a folder: name the folder that holds the samples` : `${named}: run cabinet samples from the cabinet-reports folder (where data/ is), or name the samples folder with --data DIR`);
    }
    const outDir = path.resolve(io.cwd, values.out ?? 'output');
    const all: Diagnostic[] = [];
    const files = sampleWorkbooks(dataDir);
    for (const file of files) {
      const shown = path.relative(io.cwd, file);
      const { plan, diagnostics } = readPlan(shown, { legend: config.legend, ...readSettings(config) });
      all.push(...diagnostics);
      for (const d of diagnostics) io.stdout(formatDiagnostic(d) + '\n');
      if (!plan) continue;
      const target = path.join(outDir, 'plans', path.relative(dataDir, file).replace(/[\\/]/g, '--') + '.json');
      writeFileAtomic(target, JSON.stringify({ plan, diagnostics }, null, 2) + '\n');
      io.stdout(`read ${shown}: ${count(plan.sections.length, 'section')}, ${count(plan.sections.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.actions.length, 0), 0), 'action')} -> ${path.relative(io.cwd, target)}\n`);
    }
    const reports = await buildSampleReports(dataDir, outDir, config, io);
    all.push(...reports.diagnostics);
    const meetings = await buildSampleAgendas(dataDir, outDir, config, io);
    all.push(...meetings.diagnostics);
    const councils = await buildSampleCouncils(dataDir, outDir, io);
    all.push(...councils.diagnostics);
    // February first, so March's pack has a snapshot to compare with.
    for (const month of ['2024-02', '2024-03']) {
      const pack = await buildBoardPack({ month, config, outDir, cwd: io.cwd });
      io.stdout(pack.written ? `built ${path.relative(io.cwd, pack.outputDir)}: board pack for ${month}\n` : `no board pack for ${month}: no plan could be used\n`);
      // Workbook warnings were printed above; errors are printed again here so the exit code is explained.
      const errors = pack.diagnostics.filter((d) => d.severity === 'error');
      for (const d of errors) io.stdout(formatDiagnostic(d) + '\n');
      all.push(...errors);
    }
    io.stdout(summaryLine(all, files.length + reports.count + meetings.count + councils.count) + '\n');
    return all.some((d) => d.severity === 'error') ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};

async function buildSampleReports(dataDir: string, outDir: string, config: Config, io: { cwd: string; stdout: (t: string) => void }) {
  // The reports and decision records of the --data folder itself (not of ./data when --data is elsewhere).
  const reports = ['reports', 'decisions'].flatMap((folder) => {
    const dir = path.join(dataDir, folder);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f)) : [];
  });
  const diagnostics: Diagnostic[] = [];
  for (const name of reports) {
    const report = path.relative(io.cwd, name);
    // Workbook warnings were printed above; here only the report's own problems.
    const r = await buildSource(report, { config, outDir, cwd: io.cwd, onProgress: (line) => io.stdout(`built ${line}\n`) });
    const own = r.diagnostics.filter((d) => d.file === report || d.severity === 'error');
    for (const d of own) io.stdout(formatDiagnostic(d) + '\n');
    diagnostics.push(...own);
  }
  return { count: reports.length, diagnostics };
}

/**
 * Each sample council in data/councils/<name>/ (its own status key, tracker shape or house style) with its own
 * settings file: its reports into <out>/councils/<name>/ and its March 2024 board pack, history kept there too.
 */
async function buildSampleCouncils(dataDir: string, outDir: string, io: CommandIO) {
  const root = path.join(dataDir, 'councils');
  const names = fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  const diagnostics: Diagnostic[] = [];
  let count = 0;
  for (const name of names) {
    const dir = path.join(root, name);
    const settings = path.join(dir, 'cabinet.config.yaml');
    const config = settingsOrReport(fs.existsSync(settings) ? path.relative(io.cwd, settings) : undefined, io);
    if (!config) {
      diagnostics.push(error('config-invalid', `the settings of sample council ${name} have problems (above)`, { file: path.relative(io.cwd, settings) }));
      continue;
    }
    const out = path.join(outDir, 'councils', name);
    config.boardPack.historyDir = path.join(out, 'board-pack-history');
    for (const report of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.relative(io.cwd, path.join(dir, f)))) {
      count++;
      const r = await buildSource(report, { config, outDir: out, cwd: io.cwd, onProgress: (line) => io.stdout(`built ${line}\n`) });
      const own = r.diagnostics.filter((d) => d.file === report || d.severity === 'error');
      for (const d of own) io.stdout(formatDiagnostic(d) + '\n');
      diagnostics.push(...own);
    }
    const plans = workbooksIn(dir).map((f) => path.relative(io.cwd, f));
    if (!plans.length) continue;
    const pack = await buildBoardPack({ month: '2024-03', plans, config, outDir: out, cwd: io.cwd });
    io.stdout(pack.written ? `built ${path.relative(io.cwd, pack.outputDir)}: ${name} board pack for 2024-03\n` : `no ${name} board pack for 2024-03: no plan could be used\n`);
    const errors = pack.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.stdout(formatDiagnostic(d) + '\n');
    diagnostics.push(...errors);
  }
  return { count, diagnostics };
}

async function buildSampleAgendas(dataDir: string, outDir: string, config: Config, io: { cwd: string; stdout: (t: string) => void }) {
  const dir = path.join(dataDir, 'meetings');
  const meetings = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const diagnostics: Diagnostic[] = [];
  for (const name of meetings) {
    const meeting = path.relative(io.cwd, path.join(dir, name));
    const r = await buildAgenda(meeting, { config, outDir, cwd: io.cwd, onProgress: (line) => io.stdout(`built ${line}\n`) });
    const own = r.diagnostics.filter((d) => d.severity === 'error' || d.file === meeting);
    for (const d of own) io.stdout(formatDiagnostic(d) + '\n');
    diagnostics.push(...own);
  }
  return { count: meetings.length, diagnostics };
}
