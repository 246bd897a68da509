import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK } from '../command';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { readPlan } from '../../model/read-plan';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { writeFileAtomic } from '../../io/atomic-write';
import { WORKBOOK_FILE } from '../../readers/workbook-files';
import { loadConfig } from '../../config/load';
import { buildSource } from '../../pipeline/build-source';
import { defaultSources } from './build';
import { buildAgenda } from '../../pipeline/build-agenda';
import { buildBoardPack } from '../../board-pack/build-board-pack';

const HELP = `Usage: cabinet samples [--data DIR] [--out DIR]

Builds every sample in data/ into output/: checks each plan workbook and writes what was read
(the plan model) to output/plans/<file>.json, then builds every report in data/reports/ as DOCX
and PDF with data/decisions/, the agenda packs of data/meetings/, and the February and March 2024 board
packs from data/monthly/. Deliberately broken workbooks in
data/broken/ are skipped.

Options:
  --data DIR   where the samples are (default data)
  --out DIR    where to write (default output)`;


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
    const { values } = parseCommandArgs(argv, { data: { type: 'string' }, out: { type: 'string' } });
    const dataDir = path.resolve(io.cwd, values.data ?? 'data');
    const outDir = path.resolve(io.cwd, values.out ?? 'output');
    const all: Diagnostic[] = [];
    const files = sampleWorkbooks(dataDir);
    for (const file of files) {
      const shown = path.relative(io.cwd, file);
      const { plan, diagnostics } = readPlan(shown);
      all.push(...diagnostics);
      for (const d of diagnostics) io.stdout(formatDiagnostic(d) + '\n');
      if (!plan) continue;
      const target = path.join(outDir, 'plans', path.relative(dataDir, file).replace(/[\\/]/g, '--') + '.json');
      writeFileAtomic(target, JSON.stringify({ plan, diagnostics }, null, 2) + '\n');
      io.stdout(`read ${shown}: ${plan.sections.length} sections, ${plan.sections.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.actions.length, 0), 0)} actions -> ${path.relative(io.cwd, target)}\n`);
    }
    const reports = await buildSampleReports(dataDir, outDir, io);
    all.push(...reports.diagnostics);
    const meetings = await buildSampleAgendas(dataDir, outDir, io);
    all.push(...meetings.diagnostics);
    // February first, so March's pack has a snapshot to compare with.
    for (const month of ['2024-02', '2024-03']) {
      const pack = await buildBoardPack({ month, config: loadConfig(undefined, io.cwd).config, outDir, cwd: io.cwd });
      io.stdout(`built ${path.relative(io.cwd, pack.outputDir)}: board pack for ${month}\n`);
      all.push(...pack.diagnostics.filter((d) => d.severity === 'error'));
    }
    io.stdout(summaryLine(all, files.length + reports.count + meetings.count) + '\n');
    return all.some((d) => d.severity === 'error') ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};

async function buildSampleReports(dataDir: string, outDir: string, io: { cwd: string; stdout: (t: string) => void }) {
  const reports = defaultSources(path.dirname(dataDir));
  const { config } = loadConfig(undefined, io.cwd);
  const diagnostics: Diagnostic[] = [];
  for (const name of reports) {
    const report = path.relative(io.cwd, path.join(path.dirname(dataDir), name));
    // Workbook warnings were printed above; here only the report's own problems.
    const r = await buildSource(report, { config, outDir, cwd: io.cwd, onProgress: (line) => io.stdout(`built ${line}\n`) });
    const own = r.diagnostics.filter((d) => d.file === report || d.severity === 'error');
    for (const d of own) io.stdout(formatDiagnostic(d) + '\n');
    diagnostics.push(...own);
  }
  return { count: reports.length, diagnostics };
}

async function buildSampleAgendas(dataDir: string, outDir: string, io: { cwd: string; stdout: (t: string) => void }) {
  const dir = path.join(dataDir, 'meetings');
  const meetings = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const { config } = loadConfig(undefined, io.cwd);
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
