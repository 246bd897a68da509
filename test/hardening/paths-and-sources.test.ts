/**
 * Paths a document names are confined to paths.readRoots; output never goes through a symlink out of the
 * output folder; deeply nested YAML is refused with a message; Markdown links are http, https or mailto
 * only, and control characters in Markdown are removed with a warning naming the line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ConfigSchema } from '../../src/config/schema';
import { parseConfigText } from '../../src/config/load';
import { prepareReport, buildReport } from '../../src/pipeline/build-report';
import { buildAgenda } from '../../src/pipeline/build-agenda';
import { readMeeting } from '../../src/model/meeting-source';
import { readReportSource } from '../../src/model/report-source';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';
import { writeFilesAtomic, writeFileAtomic, UnsafeOutputError } from '../../src/io/atomic-write';
import { outsideReadRoots } from '../../src/io/read-roots';
import { Ledger } from '../../src/delivery/ledger';
import { acquireLock, LockUnusable } from '../../src/delivery/lock';
import { yamlDepth } from '../../src/text/yaml-depth';
import { deepYaml, SMALL_PLAN, xlsx } from '../../src/bench/hostile-inputs';
import { readDocx } from '../support/docx';
import { reportFile } from '../report/fixtures';
import { cabinet, ROOT } from '../support/cli';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-paths-')));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding plan.xlsx (three actions), as a report's folder. */
function reportFolder(): string {
  const dir = path.join(base, `r${++n}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'plan.xlsx'), xlsx([{ name: 'Plan', rows: SMALL_PLAN }]));
  return dir;
}

const confined = (roots: string[]) => ConfigSchema.parse({ paths: { readRoots: roots } });

describe('paths.readRoots', () => {
  it('refuses a workbook named as ../../etc/passwd, naming it and the setting', () => {
    const dir = reportFolder();
    const report = reportFile(dir, { workbooks: '{ plan: "../../../../../../../../etc/passwd" }' }, '# Purpose\n\nText.\n');
    const r = prepareReport(report, { config: confined([dir]), cwd: dir });
    expect(r.doc).toBeUndefined();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'workbook-outside-read-roots',
        message: `workbook "plan" (../../../../../../../../etc/passwd): /etc/passwd is outside the folders this build may read (paths.readRoots: ${dir})`,
      }),
    );
  });

  it('refuses a link inside a root that leads out of it', () => {
    const dir = reportFolder();
    const elsewhere = reportFolder();
    fs.symlinkSync(path.join(elsewhere, 'plan.xlsx'), path.join(dir, 'linked.xlsx'));
    const report = reportFile(dir, { workbooks: '{ plan: linked.xlsx }' }, '# Purpose\n\nText.\n');
    const r = prepareReport(report, { config: confined([dir]), cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toContain('workbook-outside-read-roots');
  });

  it('reads a workbook inside a root, and anything when no roots are set', () => {
    const dir = reportFolder();
    const report = reportFile(dir, {}, '# Purpose\n\nText.\n');
    expect(prepareReport(report, { config: confined(['.']), cwd: dir }).doc).toBeDefined();
    expect(outsideReadRoots('/etc/passwd', [], dir)).toBeUndefined();
  });

  it('refuses a meeting item whose report lies outside the roots', async () => {
    const dir = reportFolder();
    const meeting = path.join(dir, 'meeting.yaml');
    fs.writeFileSync(meeting, 'committee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\nitems:\n  - { report: ../../../../../../../etc/passwd }\n');
    const r = await buildAgenda(meeting, { config: confined([dir]), cwd: dir, outDir: path.join(dir, 'out') });
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'report-outside-read-roots', file: meeting }));
    expect(r.diagnostics.find((d) => d.code === 'report-outside-read-roots')!.message).toMatch(/^item 1, report \.\.\/.*etc\/passwd: \/etc\/passwd is outside the folders/);
  }, 30000);
});

describe('output through symlinks', () => {
  it('refuses a build folder that is a symlink leading out of the output folder, writing nothing there', async () => {
    const dir = reportFolder();
    const out = path.join(dir, 'out');
    const victim = path.join(base, `victim${++n}`);
    fs.mkdirSync(out);
    fs.mkdirSync(victim);
    fs.symlinkSync(victim, path.join(out, '2023-09-12-test-report'));
    const report = reportFile(dir, {}, '# Purpose\n\nText.\n');
    await expect(buildReport(report, { config: confined([]), outDir: out, formats: ['docx'], cwd: dir })).rejects.toThrow(UnsafeOutputError);
    expect(fs.readdirSync(victim)).toEqual([]);
  }, 60000);

  it('refuses to replace a file that is a symlink, and a name with a control character', () => {
    const out = path.join(base, `out${++n}`);
    fs.mkdirSync(out);
    fs.symlinkSync('/etc/hostname', path.join(out, 'report.pdf'));
    expect(() => writeFilesAtomic([{ path: path.join(out, 'report.pdf'), data: 'x' }], { root: out })).toThrow(/is a symbolic link; output is never written through a link/);
    expect(() => writeFileAtomic(path.join(out, 'bad\u0007name.pdf'), 'x')).toThrow(/not a safe file name/);
    expect(() => writeFilesAtomic([{ path: path.join(out, '..', 'escape.pdf'), data: 'x' }], { root: out })).toThrow(/outside the output folder/);
    expect(fs.readdirSync(out)).toEqual(['report.pdf']);
  });

  it('writes normally into real folders under the root', () => {
    const out = path.join(base, `out${++n}`);
    writeFilesAtomic([{ path: path.join(out, 'a', 'b', 'c.txt'), data: 'ok' }], { root: out });
    expect(fs.readFileSync(path.join(out, 'a', 'b', 'c.txt'), 'utf8')).toBe('ok');
  });
});

describe('deeply nested YAML', () => {
  const message = /YAML nested \d+ levels deep, over the limit of 50/;

  it('counts block, compact and flow nesting', () => {
    expect(yamlDepth('a: 1\nb:\n  c:\n    d: [1, {e: 2}]\n')).toBe(5);
    expect(yamlDepth('- - - x\n')).toBe(3);
    expect(yamlDepth('a: "[[[[[["\n# [[[[[\n')).toBe(1);
  });

  it('a meeting file is refused with a message, not "Maximum call stack size exceeded"', () => {
    const file = path.join(base, 'deep-meeting.yaml');
    fs.writeFileSync(file, deepYaml(20000));
    expect(() => readMeeting(file)).toThrow(UnreadableInputError);
    expect(() => readMeeting(file)).toThrow(message);
  });

  it('front matter and settings are refused the same way', () => {
    const dir = reportFolder();
    const report = reportFile(dir, { wards: '['.repeat(5000) + ']'.repeat(5000) }, '# Purpose\n');
    expect(() => readReportSource(report)).toThrow(message);
    expect(() => parseConfigText(`render: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'deep.yaml')).toThrow(message);
  });

  it('cabinet check of such a meeting file exits 2 with the message', () => {
    const file = path.join(base, 'deep-cli.yaml');
    fs.writeFileSync(file, deepYaml(20000));
    const r = cabinet(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/Maximum call stack/);
  }, 20000);
});

describe('Markdown links and characters', () => {
  it('links other than http, https and mailto are errors at their line', () => {
    const dir = reportFolder();
    const body = '# Purpose\n\nSee [the plan](https://example.gov.uk/plan) and [mail us](mailto:ds@example.gov.uk).\n\nClick [here](javascript:alert(1)).\n\nOr [this file](file:///etc/passwd)\nand [that](appendix.pdf).\n';
    const report = reportFile(dir, {}, body);
    const r = prepareReport(report, { config: confined([]), cwd: dir });
    const links = r.diagnostics.filter((d) => d.code === 'link-not-allowed');
    // The front matter has 11 lines plus two --- lines, so the body starts on line 14.
    expect(links.map((d) => [d.line, d.message])).toEqual([
      [18, 'the link to "javascript:alert(1)" is not allowed: links must start with http:, https: or mailto:'],
      [20, 'the link to "file:///etc/passwd" is not allowed: links must start with http:, https: or mailto:'],
      [21, 'the link to "appendix.pdf" is not allowed: links must start with http:, https: or mailto:'],
    ]);
    expect(r.doc).toBeUndefined();
  });

  it('control characters are removed with a warning naming the line, and never reach the DOCX', async () => {
    const dir = reportFolder();
    const report = reportFile(dir, {}, '# Purpose\n\nThe bell\u0007 rang\u001B twice.\n');
    const r = await buildReport(report, { config: confined([]), outDir: path.join(dir, 'out'), formats: ['docx'], cwd: dir });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'invalid-characters', line: 16, message: '2 characters a document cannot hold (U+0007, U+001B) removed from the line' }),
    );
    const docx = await readDocx(fs.readFileSync(r.files.find((f) => f.endsWith('report.docx'))!));
    expect(docx.text).toContain('The bell rang twice.');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(docx.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  }, 60000);
});

// ---------------------------------------------------------------------------------------------------------
// Issue 17 item 4 and 6, issue 18 item 3: every file read inside the roots, front matter cleaned and
// checked, and messages that name the line and the path tried, through the built CLI (dist/).
// ---------------------------------------------------------------------------------------------------------

/** The built CLI from `cwd`, with no settings but those named; bounded so a hang fails rather than stalls. */
function cli(args: string[], cwd: string, options: { uid?: number } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20000,
    env: { ...process.env, CABINET_CONFIG: '' },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

/** No system error code, library wording or stack trace reaches the user. */
function expectPlain(out: string): void {
  expect(out).not.toMatch(/\b(ENOENT|EEXIST|ENOTDIR|EACCES|EPERM|EROFS|ENOSPC|EISDIR)\b/);
  expect(out).not.toMatch(/\n\s+at /);
}

describe('paths.readRoots covers every file read: images, logos, fonts, the documents named', () => {
  it('an image in the Markdown outside the roots is an error at its line, naming the setting', () => {
    const dir = reportFolder();
    const elsewhere = reportFolder();
    fs.writeFileSync(path.join(elsewhere, 'chart.png'), 'not read');
    // Front matter: 11 lines and two --- lines, so the body's first line is line 14; the image is on line 16.
    const report = reportFile(dir, {}, `# Purpose\n\n![A chart](../${path.basename(elsewhere)}/chart.png)\n`);
    const r = prepareReport(report, { config: confined([dir]), cwd: dir });
    const d = r.diagnostics.find((x) => x.code === 'image-unreadable')!;
    expect(d).toMatchObject({ severity: 'error', line: 16 });
    expect(d.message).toContain(`${path.join(elsewhere, 'chart.png')} is outside the folders this build may read (paths.readRoots: ${dir})`);
    expect(r.doc).toBeUndefined();
  });

  it('a report inside the roots builds: our own templates and fonts are read wherever the package is', async () => {
    const dir = reportFolder();
    const report = reportFile(dir, {}, '# Purpose\n\nText.\n');
    const r = await buildReport(report, { config: confined([dir]), outDir: path.join(dir, 'out'), formats: ['pdf'], cwd: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.files.map((f) => path.basename(f))).toContain('report.pdf');
  }, 60000);

  it('cabinet check: a logo, a font and a report named on the command line outside the roots exit 2, naming them', () => {
    const dir = reportFolder();
    const elsewhere = reportFolder();
    fs.writeFileSync(path.join(elsewhere, 'logo.png'), 'not read');
    fs.writeFileSync(path.join(elsewhere, 'font.ttf'), 'not read');
    reportFile(dir, {}, '# Purpose\n\nText.\n');
    const settings = (render: string) => {
      const file = path.join(dir, `settings-${++n}.yaml`);
      fs.writeFileSync(file, `paths:\n  readRoots: [.]\n${render}`);
      return file;
    };
    const logo = cli(['check', '--config', settings(`render:\n  logo: { path: ../${path.basename(elsewhere)}/logo.png, alt: Logo }\n`), 'report.md'], dir);
    expect(logo.code).toBe(2);
    expect(logo.out).toContain(`render.logo.path: "../${path.basename(elsewhere)}/logo.png" ${path.join(elsewhere, 'logo.png')} is outside the folders this build may read (paths.readRoots: .)`);
    const font = cli(['check', '--config', settings(`render:\n  fontFiles: { regular: ../${path.basename(elsewhere)}/font.ttf }\n`), 'report.md'], dir);
    expect(font.code).toBe(2);
    expect(font.out).toContain(`render.fontFiles.regular: "../${path.basename(elsewhere)}/font.ttf" ${path.join(elsewhere, 'font.ttf')} is outside the folders this build may read`);
    const named = cli(['check', '--config', settings(''), path.join(elsewhere, 'plan.xlsx')], dir);
    expect(named.code).toBe(2);
    expect(named.out).toContain(`${path.join(elsewhere, 'plan.xlsx')} is outside the folders this build may read (paths.readRoots: .)`);
    // A council's templates folder too (ours are read wherever the package is).
    fs.mkdirSync(path.join(elsewhere, 'templates'));
    fs.copyFileSync(path.join(ROOT, 'templates', 'report.yaml'), path.join(elsewhere, 'templates', 'report.yaml'));
    const templates = cli(['build', '--config', settings(''), '--templates', `../${path.basename(elsewhere)}/templates`, 'report.md', '--out', 'out'], dir);
    expect(templates.code).toBe(2);
    expect(templates.out).toContain(`${path.join(elsewhere, 'templates', 'report.yaml')} is outside the folders this build may read (paths.readRoots: .)`);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    for (const r of [logo, font, named, templates]) expectPlain(r.out);
  }, 60000);
});

describe('front matter strings and workbook names', () => {
  it('control characters are removed from front matter strings, with a warning naming the field and its line', () => {
    const dir = reportFolder();
    // Lines: title is line 5, author line 8 (committee 2, meeting 3, agendaItem 4).
    const report = reportFile(dir, { title: '"Test\\u0007 report"', author: '{ name: "Ann\\u001B Smith" }' }, '# Purpose\n\nText.\n');
    const source = readReportSource(report);
    expect(source.front!.title).toBe('Test report');
    expect(source.front!.author.name).toBe('Ann Smith');
    expect(source.diagnostics).toEqual([
      { severity: 'warning', code: 'invalid-characters', message: '1 character a document cannot hold (U+0007) removed from the front-matter field "title"', file: report, line: 5 },
      { severity: 'warning', code: 'invalid-characters', message: '1 character a document cannot hold (U+001B) removed from the front-matter field "author.name"', file: report, line: 8 },
    ]);
  });

  it('control characters are removed from meeting file strings too, with a warning naming the field and its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-meeting-chars-'));
    const file = path.join(dir, 'meeting.yaml');
    // Line 5 is the first item's title (committee 1, date 2, time 3, items 4).
    fs.writeFileSync(file, 'committee: "Cabinet\\u0007"\ndate: 2026-04-14\ntime: "10:00"\nitems:\n  - { title: "Apologies\\u001B for absence", text: To receive apologies. }\n');
    const source = readMeeting(file);
    expect(source.meeting!.committee).toBe('Cabinet');
    expect(source.meeting!.items[0]).toMatchObject({ title: 'Apologies for absence' });
    expect(source.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['invalid-characters', 1, '1 character a document cannot hold (U+0007) removed from the meeting field "committee"'],
      ['invalid-characters', 5, '1 character a document cannot hold (U+001B) removed from the meeting field "items.title (item 1)"'],
    ]);
  });

  it('a workbook named like a front-matter field (title) is an error at its line naming both; cabinet check exits 1', () => {
    const dir = reportFolder();
    // workbooks is line 11; the appendix names the workbook too.
    reportFile(dir, { workbooks: '{ title: plan.xlsx }', appendices: '[{ letter: A, title: Test plan, plan: title }]' }, '# {{title}}\n\nText.\n');
    const r = cli(['check', 'report.md'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'report.md: line 11: error[workbook-name-hides-field]: the workbook name "title" is also the front-matter field "title", which templates read as {{title}}: give the workbook another name (for example "titlePlan") and use that name in the body',
    );
    const meeting = readReportSource(reportFile(dir, { workbooks: '{ plan: plan.xlsx, meetingDate: plan.xlsx }', appendices: '[]' }, '# Purpose\n'));
    expect(meeting.front).toBeUndefined();
    expect(meeting.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['workbook-name-hides-field', 11, 'the workbook name "meetingDate" is also the field {{meetingDate}} templates read: give the workbook another name (for example "meetingDatePlan") and use that name in the body'],
    ]);
  }, 30000);
});

describe('what was missing, and where it was looked for', () => {
  it('a missing workbook names the front-matter line and the path tried, relative to where the user stands', () => {
    const dir = reportFolder();
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.renameSync(reportFile(dir, { workbooks: '{ plan: plans/missing.xlsx }', appendices: '[]' }, '# Purpose\n\nText.\n'), path.join(dir, 'reports', 'report.md'));
    const r = cli(['check', 'reports/report.md'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'reports/report.md: line 11: error[workbook-unreadable]: workbook "plan" (plans/missing.xlsx): no file at reports/plans/missing.xlsx (workbook paths are relative to the report\'s folder)',
    );
    expectPlain(r.out);
  }, 30000);

  it('a meeting naming a missing report names the meeting file, the line, the item and the path tried (agenda and check)', () => {
    const dir = reportFolder();
    fs.mkdirSync(path.join(dir, 'meetings'));
    reportFile(dir, {}, '# Purpose\n\nText.\n');
    const lines = ['committee: Cabinet', 'date: 2023-09-12', 'time: "10:00"', 'items:', '  - { title: Apologies }', '  - { report: ../report.md }', '  - report: ../reports/gone.md', ''];
    fs.writeFileSync(path.join(dir, 'meetings', 'cabinet.yaml'), lines.join('\n'));
    const expected = 'meetings/cabinet.yaml: line 7: error[agenda-report-unreadable]: item 3, report ../reports/gone.md: there is no file at reports/gone.md (report paths are relative to the meeting file\'s folder)';
    const agenda = cli(['agenda', 'meetings/cabinet.yaml', '--out', 'out', '--format', 'pdf'], dir);
    expect(agenda.code).toBe(1);
    expect(agenda.out).toContain(expected);
    const check = cli(['check', 'meetings/cabinet.yaml'], dir);
    expect(check.code).toBe(1);
    expect(check.out).toContain(expected);
    for (const r of [agenda, check]) expectPlain(r.out);
    expect(agenda.out).not.toContain(dir);
  }, 60000);
});

describe('--out that cannot take outputs is refused before any work, in words', () => {
  it('--out naming a file, or a folder under a file', () => {
    const dir = reportFolder();
    reportFile(dir, {}, '# Purpose\n\nText.\n');
    fs.writeFileSync(path.join(dir, 'report.pdf'), 'a file');
    const file = cli(['build', 'report.md', '--out', 'report.pdf'], dir);
    expect(file.code).toBe(2);
    expect(file.out).toContain("cabinet build: --out report.pdf is a file: give a folder. Run 'cabinet build --help' for usage.");
    const under = cli(['build', 'report.md', '--out', 'report.pdf/sub'], dir);
    expect(under.code).toBe(2);
    expect(under.out).toContain('--out report.pdf/sub cannot be made: report.pdf is a file, not a folder');
    for (const r of [file, under]) expectPlain(r.out);
    expect(fs.readFileSync(path.join(dir, 'report.pdf'), 'utf8')).toBe('a file');
  }, 30000);

  it.each(['/proc/x', '/sys/x', '/dev/x'])('--out %s is refused at once, as reads there are (it used to spin for ever)', (out) => {
    const dir = reportFolder();
    reportFile(dir, {}, '# Purpose\n\nText.\n');
    const start = Date.now();
    const r = cli(['build', 'report.md', '--out', out], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.out).toContain(`--out ${out} is in /${out.split('/')[1]}, a system or device folder, not a place for documents: give another folder`);
    expect(Date.now() - start).toBeLessThan(10000);
    expectPlain(r.out);
  }, 30000);

  it('a read-only --out says so plainly', () => {
    const dir = reportFolder();
    reportFile(dir, {}, '# Purpose\n\nText.\n');
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    // Root writes anywhere, so as root the CLI runs as nobody; the folders on the way must let it in.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) if (d.startsWith(base)) fs.chmodSync(d, 0o755);
    if (asRoot) fs.chmodSync(base, 0o755);
    const r = cli(['build', 'report.md', '--out', 'locked'], dir, asRoot ? { uid: 65534 } : {});
    expect(r.code).toBe(2);
    expect(r.out).toContain('--out locked is read-only for this user: give a folder you can write to');
    expectPlain(r.out);
    const below = cli(['build', 'report.md', '--out', 'locked/new'], dir, asRoot ? { uid: 65534 } : {});
    expect(below.out).toContain('--out locked/new cannot be made: locked is read-only for this user');
    // And a file this user may not read says so, without the system's code.
    fs.chmodSync(path.join(dir, 'report.md'), 0o600);
    if (!asRoot) fs.chmodSync(path.join(dir, 'report.md'), 0o000);
    const unreadable = cli(['check', 'report.md'], dir, asRoot ? { uid: 65534 } : {});
    expect(unreadable.code).toBe(2);
    expect(unreadable.out).toContain('report.md: error[unreadable]: cannot be opened: permission denied: this user may not read it');
    expectPlain(unreadable.out);
  }, 30000);

  it('the writer itself refuses an output folder under /proc, /sys or /dev, at once and without making anything', () => {
    for (const root of ['/proc/cabinet-out', '/sys/cabinet-out', '/dev/cabinet-out']) {
      const start = Date.now();
      expect(() => writeFileAtomic(path.join(root, 'report.pdf'), 'x', { root })).toThrow(/is in \/(proc|sys|dev), a system or device folder, not a place for documents: give another folder$/);
      expect(Date.now() - start).toBeLessThan(1000);
      expect(fs.existsSync(root)).toBe(false);
    }
  });

  it('the send ledger and the run lock refuse a folder under /proc at once (a recursive mkdir there never returns)', () => {
    const start = Date.now();
    const entry = { time: '2024-04-01T06:00:00Z', list: 'board', recipient: 'a@example.gov.uk', subject: 'Pack', messageKey: 'k', files: [] };
    expect(() => new Ledger('/proc/cabinet-state/send-ledger.jsonl').record(entry)).toThrow(
      "/proc/cabinet-state/send-ledger.jsonl: the send ledger's folder is in /proc, a system or device folder, not a place for documents: give another folder (delivery.ledger)",
    );
    expect(() => acquireLock('/proc/cabinet-state/monthly.lock')).toThrow(LockUnusable);
    expect(() => acquireLock('/proc/cabinet-state/monthly.lock')).toThrow(/the folder for the lock \/proc\/cabinet-state\/monthly\.lock is in \/proc, a system or device folder/);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('without --out, an output folder that is a file is named in words by the writer itself', () => {
    const dir = reportFolder();
    fs.writeFileSync(path.join(dir, 'output'), 'a file');
    expect(() => writeFileAtomic(path.join(dir, 'output', 'x', 'report.pdf'), 'x', { root: path.join(dir, 'output') })).toThrow(/^the output folder .*output: is a file: give a folder$/);
  });

  it("a file where a build's folder should be is named, and nothing is written", () => {
    const out = path.join(base, `out${++n}`);
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '2023-09-12-report'), 'a file');
    expect(() => writeFilesAtomic([{ path: path.join(out, '2023-09-12-report', 'report.pdf'), data: 'x' }], { root: out })).toThrow(
      /report\.pdf: cannot be written: .*2023-09-12-report is a file where a folder of outputs should be \(move it away and build again\)$/,
    );
    expect(fs.readdirSync(out)).toEqual(['2023-09-12-report']);
  });
});
