/**
 * Paths a document names are confined to paths.readRoots; output never goes through a symlink out of the
 * output folder; deeply nested YAML is refused with a message; Markdown links are http, https or mailto
 * only, and control characters in Markdown are removed with a warning naming the line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigSchema } from '../../src/config/schema';
import { parseConfigText } from '../../src/config/load';
import { prepareReport, buildReport } from '../../src/pipeline/build-report';
import { buildAgenda } from '../../src/pipeline/build-agenda';
import { readMeeting } from '../../src/model/meeting-source';
import { readReportSource } from '../../src/model/report-source';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';
import { writeFilesAtomic, writeFileAtomic, UnsafeOutputError } from '../../src/io/atomic-write';
import { outsideReadRoots } from '../../src/io/read-roots';
import { yamlDepth } from '../../src/text/yaml-depth';
import { deepYaml, SMALL_PLAN, xlsx } from '../../src/bench/hostile-inputs';
import { readDocx } from '../support/docx';
import { reportFile } from '../report/fixtures';
import { cabinet } from '../support/cli';

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
