/**
 * Every hostile input is refused (UnreadableInputError, exit 2) with a message naming the file, the limit and
 * the setting, or read correctly, and always quickly. Inputs are made at run time by src/bench/hostile-inputs.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readPlan } from '../../src/model/read-plan';
import { readWorkbook } from '../../src/readers/read-workbook';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';
import { DEFAULT_READ_LIMITS } from '../../src/io/read-limits';
import { hostileWorkbooks, SMALL_PLAN, xlsx } from '../../src/bench/hostile-inputs';
import { cabinet } from '../support/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-hostile-'));
const inputs = hostileWorkbooks();
for (const [name, bytes] of Object.entries(inputs)) fs.writeFileSync(path.join(dir, name), bytes);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The refusal's reason, and how long it took; fails if the read succeeded. */
function refusal(file: string, options: Parameters<typeof readPlan>[1] = {}): { reason: string; ms: number } {
  const start = Date.now();
  try {
    readPlan(file, options);
  } catch (e) {
    if (!(e instanceof UnreadableInputError)) throw e;
    return { reason: e.reason, ms: Date.now() - start };
  }
  throw new Error(`${file} was read, expected a refusal`);
}

const at = (name: string) => path.join(dir, name);

describe('hostile workbooks', () => {
  const refused: [string, RegExp][] = [
    ['truncated-30-bytes.xlsx', /zip archive is truncated or damaged \(no central directory/],
    ['truncated-half.xlsx', /zip archive is truncated or damaged/],
    ['zip-bomb-shared-strings.xlsx', /zip entry xl\/sharedStrings\.xml expands 1\d{3} times .* over the ratio limit of 200: this looks like a zip bomb \(limits\.zipMaxRatio in the settings file changes it\)/],
    ['zip-bomb-lying-directory.xlsx', /zip entry xl\/sharedStrings\.xml expands beyond the 4,096 bytes its directory declares/],
    ['many-entries.xlsx', /the zip archive has 600\d entries, over the limit of 5000 \(limits\.zipMaxEntries in the settings file changes it\)/],
    ['deep-xml.xlsx', /zip entry xl\/worksheets\/sheet1\.xml nests XML elements 101 deep, over the limit of 100 \(limits\.xmlMaxDepth/],
    ['entity-expansion.xlsx', /declares a DTD \(<!DOCTYPE>\)/],
    ['duplicate-sheet-names.xlsx', /the workbook has two sheets named "Plan"/],
    ['claimed-dimension-no-cells.xlsx', /the workbook is empty/],
  ];
  it.each(refused)('%s is refused in well under 5 s with a plain reason', (name, reason) => {
    const r = refusal(at(name));
    expect(r.reason).toMatch(reason);
    expect(r.ms).toBeLessThan(5000);
  }, 15000);

  it('reads a sheet that claims A1:XFD1048576 by its real cells only (three actions, quickly)', () => {
    const start = Date.now();
    const { plan } = readPlan(at('claimed-dimension.xlsx'));
    expect(Date.now() - start).toBeLessThan(5000);
    const actions = plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions));
    expect(actions.map((a) => a.id)).toEqual(['1.1', '1.2', '1.3']);
  }, 15000);

  it('reads a sheet whose only cell is XFD1048576 without walking the grid', () => {
    const start = Date.now();
    const wb = readWorkbook(at('far-corner-cell.xlsx'));
    expect(Date.now() - start).toBeLessThan(5000);
    const cells = wb.sheets[0]!.rows.flatMap((r) => (r ?? []).filter(Boolean));
    expect(cells.map((c) => [c!.address, c!.text])).toEqual([['XFD1048576', 'x']]);
  }, 15000);

  it('reads a workbook without a styles part (the parser otherwise throws once per cell)', () => {
    const { plan } = readPlan(at('no-styles-part.xlsx'));
    expect(plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions)).length).toBe(3);
  }, 15000);

  it('honours a raised limit: 6,000 entries are read when limits.zipMaxEntries allows them', () => {
    const limits = { ...DEFAULT_READ_LIMITS, zipMaxEntries: 10000 };
    const wb = readWorkbook(at('many-entries.xlsx'), { limits });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Plan']);
  }, 30000);

  it('refuses a file over the size limit before opening it, naming both settings', () => {
    const r = refusal(at('claimed-dimension.xlsx'), { maxBytes: 100 });
    expect(r.reason).toMatch(/over the 0\.0 MB limit \(limits\.maxFileMB in the settings file, or --max-size, changes it\)/);
  });

  it('an honest workbook of the same shape passes every check', () => {
    const file = at('honest.xlsx');
    fs.writeFileSync(file, xlsx([{ name: 'Plan', rows: SMALL_PLAN }]));
    expect(readPlan(file).plan!.title).toBe('Improvement Plan 2023-24');
  });
});

describe('files that are not regular files', () => {
  const cases: [string, RegExp][] = [
    ['/dev/zero', /is a system or device file \(\/dev\/zero\), not a document; only regular files are read/],
    ['/dev/urandom', /is a system or device file/],
    ['/proc/self/environ', /is a system or device file \(\/proc\/\d+\/environ\)/],
  ];
  it.each(cases)('%s is refused at once, by name', (file, reason) => {
    const r = refusal(file);
    expect(r.reason).toMatch(reason);
    expect(r.ms).toBeLessThan(1000);
  }, 5000);

  it('a symlink to /dev/zero is refused as the device it leads to', () => {
    const link = at('zero-link.xlsx');
    fs.symlinkSync('/dev/zero', link);
    expect(refusal(link).reason).toMatch(/system or device file \(\/dev\/zero\)/);
  }, 5000);

  it('a FIFO is refused without waiting for a writer', () => {
    const fifo = at('pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = refusal(fifo);
    expect(r.reason).toBe('is a named pipe (FIFO), not a document; only regular files are read');
    expect(r.ms).toBeLessThan(1000);
  }, 5000);

  it('a folder is refused by name', () => {
    expect(refusal(dir).reason).toBe('is a folder, not a document; only regular files are read');
  });
});

describe('through the CLI', () => {
  // Needs dist/ (npm test builds it first).
  it.each([
    ['truncated-30-bytes.xlsx', /truncated-30-bytes\.xlsx: .*not a readable workbook: the zip archive is truncated/],
    ['zip-bomb-shared-strings.xlsx', /limits\.zipMaxRatio/],
    ['duplicate-sheet-names.xlsx', /two sheets named "Plan"/],
  ])('cabinet check %s exits 2 with one plain line and no stack trace', (name, message) => {
    const r = cabinet(['check', at(name)]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 20000);

  it('cabinet check of a report or meeting file name that leads to /dev/zero exits 2 at once', () => {
    for (const name of ['zero-report.md', 'zero-meeting.yaml']) fs.symlinkSync('/dev/zero', at(name));
    const r = cabinet(['check', at('zero-report.md'), at('zero-meeting.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/zero-report\.md: .*is a system or device file \(\/dev\/zero\)/);
    expect(r.stdout + r.stderr).toMatch(/zero-meeting\.yaml: .*is a system or device file \(\/dev\/zero\)/);
  }, 20000);

  it('limits come from the settings file: limits.zipMaxEntries: 5 refuses an honest workbook, naming the setting', () => {
    const settings = at('tight.yaml');
    fs.writeFileSync(settings, 'limits:\n  zipMaxEntries: 5\n');
    const honest = at('honest-cli.xlsx');
    fs.writeFileSync(honest, xlsx([{ name: 'Plan', rows: SMALL_PLAN }]));
    const r = cabinet(['check', '--config', settings, honest]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/honest-cli\.xlsx: .*the zip archive has 7 entries, over the limit of 5 \(limits\.zipMaxEntries in the settings file changes it\)/);
    expect(cabinet(['check', honest]).code).toBe(0);
  }, 20000);

  it('cabinet check of a workbook name that leads to /dev/zero exits 2 at once', () => {
    const link = at('cli-zero.xlsx');
    fs.symlinkSync('/dev/zero', link);
    const start = Date.now();
    const r = cabinet(['check', link]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/cli-zero\.xlsx: .*is a system or device file \(\/dev\/zero\)/);
    expect(Date.now() - start).toBeLessThan(5000);
  }, 20000);
});
