import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import { EXIT_DATA_ERRORS, EXIT_OK, UsageError, EXIT_USAGE } from '../command';
import { parseCommandArgs } from '../args';
import { formatDiagnostic, summaryLine } from '../../diagnostics/reporter';
import { buildSource } from '../../pipeline/build-source';
import { PAPER_OPTIONS, PAPER_OPTIONS_HELP, parseFormats, settingsOrReport, templatesOrReport } from '../options';
import type { Diagnostic } from '../../diagnostics/diagnostic';

const HELP = `Usage: cabinet build [report.md|decision.md…] [options]

Builds each report and its appendices as DOCX and PDF into output/<meeting-date>-<title>/
(report.docx, report.pdf, appendix-a-<title>.docx/.pdf, manifest.json), and each decision record
(front matter type: decision) into output/<date>-decision-<title>/. With nothing named, builds
every file in data/reports/ and data/decisions/.

Options:
${PAPER_OPTIONS_HELP}
  --strict           warnings stop the build too
  --quiet            do not list the files written
  --json             print {reports:[{report, outputDir, files, diagnostics}]}
  --watch            keep running: rebuild on every save of a report, its workbooks, images,
                     templates, logo, fonts or settings, printing the problems and files each time
  --help             show this help

Prints "wrote <file>" for each file written. A build replaces the whole set of its folder: a file an
earlier build listed in that folder's manifest.json and this one does not write (report.docx after a
rebuild with --format pdf) is removed; no other file is touched.

Exit codes: 0 built, 1 data errors (nothing written for that report), 2 usage or unreadable file.
A failed build leaves the previous outputs untouched; the same inputs give byte-identical files.`;

/** data/reports/*.md then data/decisions/*.md. */
export function defaultSources(cwd: string): string[] {
  const found = ['reports', 'decisions'].flatMap((folder) => {
    const dir = path.join(cwd, 'data', folder);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join('data', folder, f)) : [];
  });
  if (!found.length) throw new UsageError('name a report to build (there is no data/reports folder here)');
  return found;
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'build reports and their appendices as DOCX and PDF',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...PAPER_OPTIONS,
      strict: { type: 'boolean' }, quiet: { type: 'boolean' }, json: { type: 'boolean' }, watch: { type: 'boolean' },
    });
    const formats = parseFormats(values.format);
    const config = settingsOrReport(values.config, io);
    if (config && values['word-template']) config.render.wordTemplate = values['word-template'];
    if (!config || !templatesOrReport(values.templates, io)) return EXIT_USAGE;
    const reports = positionals.length ? positionals : defaultSources(io.cwd);
    if (values.watch) return (await import('../../preview/watch-build')).watchBuild({ reports, configFile: values.config, build: { outDir: values.out, formats, templatesDir: values.templates, strict: values.strict } }, io);
    // Where each file went is printed whether or not anyone watches a terminal (a script's log needs it too).
    const quiet = values.quiet || values.json;
    const all: Diagnostic[] = [];
    const results = [];
    for (const report of reports) {
      const r = await buildSource(report, { config, outDir: values.out, formats, templatesDir: values.templates, strict: values.strict, cwd: io.cwd });
      all.push(...r.diagnostics);
      results.push({ report, ...r });
      if (!values.json) for (const d of r.diagnostics) io.stdout(formatDiagnostic(d) + '\n');
      if (!quiet) for (const f of r.files) io.stdout(`wrote ${path.relative(io.cwd, f)}\n`);
    }
    if (values.json) io.stdout(JSON.stringify({ reports: results }, null, 2) + '\n');
    else io.stdout(`${summaryLine(all, reports.length)}; built ${results.filter((r) => r.outputDir).length} of ${reports.length} reports\n`);
    return results.every((r) => r.outputDir) ? EXIT_OK : EXIT_DATA_ERRORS;
  },
};
