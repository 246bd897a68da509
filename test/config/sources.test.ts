import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReportSource } from '../../src/model/report-source';
import { readMeeting } from '../../src/model/meeting-source';
import { parseManifest } from '../../src/model/manifest';
import { tempDir } from '../report/fixtures';

/** A report's front matter with one line swapped in; lines are the file's own (the opening --- is line 1). */
function report(lines: Record<string, string>): string {
  const base: Record<string, string> = {
    committee: 'committee: Cabinet', //                                   2
    meeting: 'meeting: { date: 2023-09-12, time: "10:00" }', //            3
    title: 'title: Children\'s Services Plan', //                         4
    reportOf: 'reportOf: Director of Children\'s Services', //            5
    portfolioHolder: 'portfolioHolder: Cllr Sue Sanderson', //            6
    author: 'author: { name: Jonathan Taylor }', //                       7
    wards: 'wards: All', //                                               8
    keyDecision: 'keyDecision: { value: false }', //                      9
  };
  return ['---', ...Object.entries({ ...base, ...lines }).map(([, v]) => v).filter(Boolean), '---', '', '## Summary', '', 'Text.', ''].join('\n');
}

describe('front matter messages say what is expected, with the real line', () => {
  it('wards: expected All or a list of ward names, found 3', () => {
    const r = parseReportSource(report({ wards: 'wards: 3' }), 'r.md');
    expect(r.diagnostics).toEqual([{ severity: 'error', code: 'front-matter-invalid', message: 'wards: expected All or a list of ward names, found 3', file: 'r.md', line: 8 }]);
  });

  it('a misspelt key names the nearest one, and every problem comes at once', () => {
    const r = parseReportSource(report({ portfolioHolder: 'portfolioHoldr: Cllr Sue Sanderson', meeting: 'meeting: { date: 12/09/2023 }', keyDecision: 'keyDecision: { value: maybe }' }), 'r.md');
    expect(r.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual([
      // The missing field has no line of its own: it points at the first line of the front matter.
      '2 front-matter-missing-field missing front-sheet field "portfolioHolder"',
      '3 front-matter-invalid meeting.date: expected a date as yyyy-mm-dd, found "12/09/2023"',
      '6 front-matter-unknown-key unknown key "portfolioHoldr": did you mean portfolioHolder?',
      '9 front-matter-invalid keyDecision.value: expected true or false, found "maybe"',
    ]);
  });

  it('an exempt classification without paragraphs says what it needs', () => {
    const r = parseReportSource(report({ x: 'classification: secret' }), 'r.md');
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 10, message: 'classification: expected public, or { exempt: [Schedule 12A paragraphs], reason: "…" }, found "secret"' })]);
  });
});

describe('meeting files', () => {
  it('name the misspelt item key and the item that is neither a report nor a titled item', () => {
    const file = path.join(tempDir(), 'meeting.yaml');
    fs.writeFileSync(file, ['committee: Cabinet', 'date: 2023-09-12', 'time: "10:00"', 'vneue: Kendal', 'items:', '  - { title: Apologies }', '  - { reprot: ../reports/r.md }', '  - 7', ''].join('\n'));
    const m = readMeeting(file, 'meeting.yaml');
    expect(m.meeting).toBeUndefined();
    expect(m.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual([
      '4 meeting-unknown-key unknown key "vneue": did you mean venue?',
      '7 meeting-unknown-key unknown key "items[1].reprot": did you mean items[1].report?',
      '7 meeting-invalid items[1]: expected { report: path/to/report.md } or { title: …, text: … }, found a group of keys (reprot)',
      '8 meeting-invalid items[2]: expected { report: path/to/report.md } or { title: …, text: … }, found 7',
    ]);
  });
});

describe('manifests', () => {
  it('are parsed with their schema: a path instead of a file name, or a bad hash, is named', () => {
    const doc = { file: '../../etc/passwd', format: 'pdf', kind: 'report', title: 'T', classification: 'public', sha256: 'abc' };
    const r = parseManifest(JSON.stringify({ generator: 'cabinet-reports', source: 'r.md', documents: [doc] }));
    expect(r.problems).toEqual([
      "documents.0.file: expected a file name in the manifest's own folder, found \"../../etc/passwd\"",
      'documents.0.sha256: expected a SHA-256 hash (64 hex digits), found "abc"',
    ]);
    expect(parseManifest('{"generator": "cabinet-reports", "sou').problems?.[0]).toMatch(/^not valid JSON/);
  });
});
