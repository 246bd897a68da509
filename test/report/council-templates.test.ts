import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostileWorkbook, reportFile, ROOT, tempDir } from './fixtures';
import { checkTemplatesFolder } from '../../src/render/report/template-files';
import { BUILTIN_TEMPLATES } from '../../src/render/report/templates';
import { readDocx } from '../support/docx';

/** The built CLI (dist/, `npx tsc -p tsconfig.build.json`) in the report's folder, as an officer runs it. */
function cabinet(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CABINET_CONFIG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with a small report, its workbook, and a council templates folder holding `files`. */
async function council(files: Record<string, string>): Promise<string> {
  const dir = tempDir();
  await hostileWorkbook(path.join(dir, 'plan.xlsx'));
  reportFile(dir, { appendices: '[]' }, '## Background\n\nText.\n');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'council', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'council', name), text);
  }
  fs.mkdirSync(path.join(dir, 'council'), { recursive: true });
  return dir;
}

describe('a council templates folder, checked like a report', () => {
  it('our own templates pass the same check', () => {
    expect(checkTemplatesFolder(BUILTIN_TEMPLATES, ROOT)).toEqual([]);
  });

  it('a folder that does not exist is exit 2, naming it, and nothing is built', async () => {
    const dir = await council({});
    const r = cabinet(['build', 'report.md', '--templates', 'house-style', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the templates folder house-style does not exist');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  }, 30000);

  it('names every problem at once, each with its file, line and "did you mean": keys, fields, files', async () => {
    const dir = await council({
      'report.yaml': '# ours, changed\nrunningHeader: "{{committe}} – {{meetingDate}}"\nrunningHeadr: x\n',
      'front-sheet.yaml': '- label: Title\n  value: "{{titel}}"\n',
      'decision-record.yaml': 'heading: Decision\nresolvedLeadin: RESOLVED\n',
      'words.yaml': 'statusKey: { en: Key, fr: Clé }\npageNumbers: "Page {{page}}"\n',
      'email/subject.hbs': '{{comittee}}: {{title}}\n',
      'front_sheet.yaml': '[]\n',
    });
    const r = cabinet(['build', 'report.md', '--templates', 'council', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^council\/decision-record\.yaml: line 2: error\[template-unknown-key\]: unknown key "resolvedLeadin": did you mean resolvedLeadIn\?/),
      expect.stringMatching(/^council\/email\/subject\.hbs: line 1: error\[template-field-unknown\]: unknown field "comittee": did you mean "committee"\?/),
      expect.stringMatching(/^council\/front_sheet\.yaml: error\[template-file-unknown\]: front_sheet\.yaml is not a template we read, so it changes nothing: did you mean front-sheet\.yaml\?/),
      expect.stringMatching(/^council\/front-sheet\.yaml: line 2: error\[template-field-unknown\]: unknown field "titel": did you mean "title"\?/),
      expect.stringMatching(/^council\/report\.yaml: line 2: error\[template-field-unknown\]: unknown field "committe": did you mean "committee"\?/),
      expect.stringMatching(/^council\/report\.yaml: line 3: error\[template-unknown-key\]: unknown key "runningHeadr": did you mean runningHeader\?/),
      expect.stringMatching(/^council\/words\.yaml: line 1: error\[template-unknown-key\]: unknown key "statusKey\.fr"/),
      expect.stringMatching(/^council\/words\.yaml: line 2: error\[template-invalid\]: pageNumbers must hold \{\{page\}\} and then \{\{pages\}\}/),
      '8 problems in the templates folder council: nothing was built (exit 2)',
    ]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  }, 30000);

  it('a file holding only the keys it changes: those keys are the council\'s, every other key is ours', async () => {
    const dir = await council({ 'report.yaml': 'contentsTitle: Table of contents\nbackgroundPapersHeading: Papers we used\n' });
    const r = cabinet(['build', 'report.md', '--templates', 'council', '--out', 'out', '--format', 'docx'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const folder = fs.readdirSync(path.join(dir, 'out'))[0]!;
    const docx = await readDocx(fs.readFileSync(path.join(dir, 'out', folder, 'report.docx')));
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts).toContain('Papers we used');
    // Ours, key by key: the running header and the appendices heading.
    expect(docx.headers.join('')).toContain('Cabinet – 12 September 2023');
    expect(texts.some((t) => /^Appendices$/.test(t))).toBe(true);
  }, 30000);
});
