/**
 * Every hostile input is refused (UnreadableInputError, exit 2) with a message naming the file, the limit and
 * the setting, or read correctly, and always quickly. Inputs are made at run time by src/bench/hostile-inputs.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { readPlan } from '../../src/model/read-plan';
import { readWorkbook } from '../../src/readers/read-workbook';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';
import { DEFAULT_READ_LIMITS, humanSize, overLimitText } from '../../src/io/read-limits';
import { writeFilesAtomic } from '../../src/io/atomic-write';
import { hostileWorkbooks, SMALL_PLAN, xlsx } from '../../src/bench/hostile-inputs';
import { cabinet, ROOT } from '../support/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-hostile-'));
const inputs = hostileWorkbooks();
for (const [name, bytes] of Object.entries(inputs)) fs.writeFileSync(path.join(dir, name), bytes);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * The refusal's reason; fails if the read succeeded. How long a refusal takes is for the hostile benchmark
 * (src/bench/hostile.bench.ts), not a timed test: a read that hangs fails here by the test's own timeout.
 */
function refusal(file: string, options: Parameters<typeof readPlan>[1] = {}): { reason: string } {
  try {
    readPlan(file, options);
  } catch (e) {
    if (!(e instanceof UnreadableInputError)) throw e;
    return { reason: e.reason };
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
  it.each(refused)('%s is refused with a plain reason', (name, reason) => {
    const r = refusal(at(name));
    expect(r.reason).toMatch(reason);
  }, 15000);

  it('reads a sheet that claims A1:XFD1048576 by its real cells only (three actions)', () => {
    const { plan } = readPlan(at('claimed-dimension.xlsx'));
    const actions = plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions));
    expect(actions.map((a) => a.id)).toEqual(['1.1', '1.2', '1.3']);
  }, 15000);

  it('reads a sheet whose only cell is XFD1048576 without walking the grid', () => {
    const wb = readWorkbook(at('far-corner-cell.xlsx'));
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
    expect(r.reason).toMatch(/^file is [\d,]+ bytes, over the limit of 100 bytes \(limits\.maxFileMB in the settings file, or --max-size, changes it\)$/);
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
    const r = cabinet(['check', link]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/cli-zero\.xlsx: .*is a system or device file \(\/dev\/zero\)/);
  }, 20000);
});

// ---------------------------------------------------------------------------------------------------------
// Issue 17 item 4: a limit for every file read, in the unit that shows the number (issue 18 item 6); the
// settings file through the bounded reader; no temp file left by any failed write.
// ---------------------------------------------------------------------------------------------------------

/** The built CLI from `cwd` with no settings but those named; bounded so a hang fails the test. */
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd, encoding: 'utf8', timeout: 20000, env: { ...process.env, CABINET_CONFIG: '' } });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

/** A folder of its own for each case. */
let cases = 0;
const caseDir = () => {
  const d = path.join(dir, `case-${++cases}`);
  fs.mkdirSync(d);
  return d;
};

/** Exactly `bytes` bytes of Markdown report (front matter and a body padded with words). */
function reportOfSize(folder: string, bytes: number, extraFront = ''): string {
  const head = `---\ncommittee: Cabinet\nmeeting: { date: 2023-09-12 }\ntitle: Sized report\nreportOf: Director\nportfolioHolder: Cllr Test\nauthor: { name: Ann Smith }\nwards: All\nkeyDecision: { value: false }\n${extraFront}---\n# Purpose\n\n`;
  const file = path.join(folder, 'report.md');
  fs.writeFileSync(file, head + 'word '.repeat(Math.ceil(bytes / 5)).slice(0, bytes - head.length - 1) + '\n');
  expect(fs.statSync(file).size).toBe(bytes);
  return file;
}

describe('sizes in the unit that shows the number', () => {
  it.each([
    [1500, 1000, 'file is 1,500 bytes, over the limit of 1,000 bytes'],
    [2048, 1049, 'file is 2.0 KB, over the limit of 1.0 KB'],
    [3 * 1024 * 1024, 2 * 1024 * 1024, 'file is 3.0 MB, over the limit of 2.0 MB'],
    // One byte over: rounding would say "1.0 MB, over the limit of 1.0 MB", so both are given in bytes.
    [1048577, 1048576, 'file is 1,048,577 bytes, over the limit of 1,048,576 bytes'],
    [1, 0, 'file is 1 byte, over the limit of 0 bytes'],
  ])('%d bytes over a limit of %d: "%s"', (size, limit, text) => {
    expect(overLimitText(size, limit)).toBe(text);
  });

  it('no size is ever "0.0 MB"', () => {
    for (const n of [0, 1, 100, 1023, 1024, 50_000, 1024 * 1024 - 1]) expect(humanSize(n)).not.toMatch(/^0\.0/);
    expect([humanSize(100), humanSize(1536), humanSize(5 * 1024 * 1024)]).toEqual(['100 bytes', '1.5 KB', '5.0 MB']);
  });

  it('cabinet check --max-size 0.001 names the sizes in KB', () => {
    const r = cli(['check', '--max-size', '0.001', path.join(ROOT, 'data', 'wf-improvement-plan-2023-24.xlsx')], dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/file is \d+\.\d KB, over the limit of 1\.0 KB \(limits\.maxFileMB in the settings file, or --max-size, changes it\)/);
    expect(r.out).not.toContain('0.0 MB');
  }, 20000);
});

describe('a limit for every kind of file, from the settings', () => {
  it('a report over limits.maxTextMB is refused (exit 2), naming the sizes and the setting', () => {
    const folder = caseDir();
    reportOfSize(folder, 2048);
    fs.writeFileSync(path.join(folder, 'tight.yaml'), 'limits:\n  maxTextMB: 0.001\n');
    const r = cli(['check', '--config', 'tight.yaml', 'report.md'], folder);
    expect(r.code).toBe(2);
    expect(r.out).toContain('report.md: error[unreadable]: file is 2.0 KB, over the limit of 1.0 KB (limits.maxTextMB in the settings file changes it)');
    // The same report under the default (2 MB) is read.
    expect(cli(['check', 'report.md'], folder).out).not.toContain('over the limit');
  }, 30000);

  it('the default text limit is 2 MB, not the 50 MB workbooks get: a 3 MB report is refused without settings', () => {
    const folder = caseDir();
    reportOfSize(folder, 3 * 1024 * 1024);
    const r = cli(['build', 'report.md', '--out', 'out'], folder);
    expect(r.code).toBe(2);
    expect(r.out).toContain('report.md: file is 3.0 MB, over the limit of 2.0 MB (limits.maxTextMB in the settings file changes it)');
    expect(fs.existsSync(path.join(folder, 'out'))).toBe(false);
  }, 30000);

  it('a meeting file and a decision record are held to limits.maxTextMB too', () => {
    const folder = caseDir();
    fs.writeFileSync(path.join(folder, 'meeting.yaml'), `committee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\n# ${'x'.repeat(3000)}\nitems:\n  - { title: Apologies }\n`);
    fs.writeFileSync(path.join(folder, 'decision.md'), `---\ntype: decision\n# ${'x'.repeat(3000)}\n---\n`);
    fs.writeFileSync(path.join(folder, 'tight.yaml'), 'limits:\n  maxTextMB: 0.002\n');
    for (const [args, name] of [[['agenda', 'meeting.yaml', '--out', 'out'], 'meeting.yaml'], [['build', 'decision.md', '--out', 'out'], 'decision.md']] as const) {
      const r = cli([...args, '--config', 'tight.yaml'], folder);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(new RegExp(`${name.replace('.', '\\.')}: file is \\d\\.\\d KB, over the limit of 2\\.0 KB \\(limits\\.maxTextMB in the settings file changes it\\)`));
    }
  }, 30000);

  it('an image over limits.maxImageMB is an error at its line; a logo over it stops the run naming render.logo.path', () => {
    const folder = caseDir();
    fs.writeFileSync(path.join(folder, 'big.png'), Buffer.alloc(4096));
    // The front matter is 9 lines between --- lines, so the body starts on line 12 and the image is on line 14.
    reportOfSize(folder, 600);
    fs.appendFileSync(path.join(folder, 'report.md'), '\n![A big picture](big.png)\n');
    const lines = fs.readFileSync(path.join(folder, 'report.md'), 'utf8').split('\n');
    const imageLine = lines.findIndex((l) => l.startsWith('![')) + 1;
    fs.writeFileSync(path.join(folder, 'tight.yaml'), 'limits:\n  maxImageMB: 0.001\n');
    const figure = cli(['check', '--config', 'tight.yaml', 'report.md'], folder);
    expect(figure.code).toBe(1);
    expect(figure.out).toContain(`report.md: line ${imageLine}: error[image-unreadable]: the image big.png (big.png) file is 4.0 KB, over the limit of 1.0 KB (limits.maxImageMB in the settings file changes it)`);
    fs.writeFileSync(path.join(folder, 'logo.yaml'), 'limits:\n  maxImageMB: 0.001\nrender:\n  logo: { path: big.png, alt: Council logo }\n');
    const logo = cli(['check', '--config', 'logo.yaml', 'report.md'], folder);
    expect(logo.code).toBe(2);
    expect(logo.out).toContain('render.logo.path: "big.png" file is 4.0 KB, over the limit of 1.0 KB (limits.maxImageMB in the settings file changes it)');
  }, 30000);

  it('a council font file over limits.maxFileMB stops the run naming render.fontFiles', () => {
    const folder = caseDir();
    reportOfSize(folder, 600);
    fs.writeFileSync(path.join(folder, 'big.ttf'), Buffer.alloc(4096));
    fs.writeFileSync(path.join(folder, 'font.yaml'), 'limits:\n  maxFileMB: 0.001\nrender:\n  fontFiles: { regular: big.ttf }\n');
    const r = cli(['check', '--config', 'font.yaml', 'report.md'], folder);
    expect(r.code).toBe(2);
    expect(r.out).toContain('render.fontFiles.regular: "big.ttf" file is 4.0 KB, over the limit of 1.0 KB (limits.maxFileMB in the settings file changes it)');
  }, 30000);
});

describe('the settings file goes through the bounded reader', () => {
  it('a settings file that is /dev/zero, a FIFO or over 1 MB is refused at once (exit 2)', () => {
    const folder = caseDir();
    execFileSync('mkfifo', [path.join(folder, 'pipe.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(folder, 'zero.yaml'));
    fs.writeFileSync(path.join(folder, 'huge.yaml'), `# ${'x'.repeat(1536 * 1024)}\n`);
    const results = ['pipe.yaml', 'zero.yaml', 'huge.yaml'].map((f) => cli(['check', '--config', f, 'x.xlsx'], folder));
    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(results[0]!.out).toContain('pipe.yaml: is a named pipe (FIFO), not a document; only regular files are read');
    expect(results[1]!.out).toContain('zero.yaml: is a system or device file (/dev/zero), not a document; only regular files are read');
    expect(results[2]!.out).toContain('huge.yaml: file is 1.5 MB, over the limit of 1.0 MB (a settings file is a few kilobytes of YAML: is this the right file?)');
  }, 30000);

  it('the settings are not confined by their own read roots', () => {
    const folder = caseDir();
    fs.mkdirSync(path.join(folder, 'data'));
    fs.writeFileSync(path.join(folder, 'settings.yaml'), 'paths:\n  readRoots: [data]\n');
    fs.writeFileSync(path.join(folder, 'data', 'plan.xlsx'), xlsx([{ name: 'Plan', rows: SMALL_PLAN }]));
    expect(cli(['check', '--config', 'settings.yaml', 'data/plan.xlsx'], folder).code).toBe(0);
  }, 20000);
});

describe('a failed write leaves no temporary file and says why in words', () => {
  const outputs = () => {
    const out = caseDir();
    fs.writeFileSync(path.join(out, 'a.pdf'), 'old a');
    fs.writeFileSync(path.join(out, 'b.pdf'), 'old b');
    return out;
  };
  const files = (out: string) => [{ path: path.join(out, 'a.pdf'), data: 'new a' }, { path: path.join(out, 'b.pdf'), data: 'new b' }];
  afterEach(() => jest.restoreAllMocks());
  // The module object itself (the import above is a read-only view of it), so a spy reaches atomic-write.
  const nodeFs = jest.requireActual<typeof fs>('node:fs');

  it('when the disk fills during the second file: nothing replaced, no temp file, "the disk is full"', () => {
    const out = outputs();
    const real = fs.writeFileSync;
    let calls = 0;
    jest.spyOn(nodeFs, 'writeFileSync').mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (++calls === 2) {
        real(...args); // part of it lands, as on a real full disk
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return real(...args);
    });
    expect(() => writeFilesAtomic(files(out), { root: out })).toThrow(`${path.join(out, 'b.pdf')}: cannot be written: the disk is full`);
    jest.restoreAllMocks();
    expect(fs.readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect(fs.readFileSync(path.join(out, 'a.pdf'), 'utf8')).toBe('old a');
  });

  it('when the second rename fails: the first file is put back, no temp file is left, and the message has no system code', () => {
    const out = outputs();
    const real = fs.renameSync;
    let calls = 0;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (++calls === 2) throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
      return real(from, to);
    });
    let message = '';
    try {
      writeFilesAtomic(files(out), { root: out });
    } catch (e) {
      message = (e as Error).message;
    }
    jest.restoreAllMocks();
    expect(message).toBe(`${path.join(out, 'b.pdf')}: cannot be written: permission denied: this user may not write there`);
    expect(fs.readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf']);
    // All or none: a.pdf had been replaced when b.pdf's rename was refused, and is back as it was.
    expect([fs.readFileSync(path.join(out, 'a.pdf'), 'utf8'), fs.readFileSync(path.join(out, 'b.pdf'), 'utf8')]).toEqual(['old a', 'old b']);
  });

  it('a file that did not exist before is removed again when a later rename fails', () => {
    const out = caseDir();
    fs.writeFileSync(path.join(out, 'b.pdf'), 'old b');
    const real = fs.renameSync;
    let calls = 0;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (++calls === 2) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      return real(from, to);
    });
    expect(() => writeFilesAtomic(files(out), { root: out })).toThrow('cannot be written: the disk reported an input/output error');
    jest.restoreAllMocks();
    expect(fs.readdirSync(out)).toEqual(['b.pdf']);
  });

  it('temp files left by a killed build (its process gone, the file old) are removed by the next write there', () => {
    const out = outputs();
    // A pid no process has: the largest Linux allows, checked.
    const dead = 4194303;
    expect(() => process.kill(dead, 0)).toThrow();
    fs.writeFileSync(path.join(out, `a.pdf.tmp-${dead}-abc123`), 'half');
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(out, `a.pdf.tmp-${dead}-abc123`), hourAgo, hourAgo);
    // A recent one may be another host's build on a shared drive, still writing: it stays.
    fs.writeFileSync(path.join(out, `b.pdf.tmp-${dead}-def456`), 'in progress elsewhere');
    writeFilesAtomic(files(out), { root: out });
    expect(fs.readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf', `b.pdf.tmp-${dead}-def456`]);
    expect(fs.readFileSync(path.join(out, 'b.pdf'), 'utf8')).toBe('new b');
  });
});
