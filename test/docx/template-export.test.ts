/**
 * `cabinet template export FILE.dotx`: our house style as a Word template, which a council can hand back as
 * its render.wordTemplate. Read back as a template package, used for a build (no style missing, our styles by
 * their ids), and refused with exit 2 for what it cannot do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cabinet } from '../support/cli';
import { tempDir } from '../report/fixtures';
import { openWordTemplate, wordTemplateLook } from '../../src/readers/word-template/package';
import { xmlParts } from '../support/xml';
import { schemaCheckUnavailable, schemaErrors } from './ooxml-schema';

let dir: string;
let file: string;

beforeAll(() => {
  dir = tempDir();
  file = path.join(dir, 'house.dotx');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cabinet template export', () => {
  it('writes a .dotx of our styles, the same bytes each time, that validates', async () => {
    const r = cabinet(['template', 'export', file]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain('wrote ');
    const first = fs.readFileSync(file);
    expect(cabinet(['template', 'export', file]).code).toBe(0);
    expect(fs.readFileSync(file).equals(first)).toBe(true);
    const pkg = openWordTemplate(file);
    expect(pkg.isTemplate).toBe(true);
    const zip = await JSZip.loadAsync(first);
    // No running parts: a council adds its own in Word, or ours are used.
    expect(Object.keys(zip.files).filter((n) => /header|footer/.test(n))).toEqual([]);
    const styles = await zip.file('word/styles.xml')!.async('string');
    for (const name of ['Normal', 'Title', 'Subtitle', 'heading 1', 'heading 2', 'heading 3', 'heading 4', 'heading 5', 'heading 6', 'List Paragraph', 'caption', 'TOC Heading', 'toc 1', 'toc 2', 'toc 3', 'header', 'footer', 'Hyperlink', 'Lead', 'Note', 'Label', 'Table Text'])
      expect({ name, found: styles.includes(`<w:name w:val="${name}"/>`) }).toEqual({ name, found: true });
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('Heading 2: a section such as Recommendations');
    if (!schemaCheckUnavailable()) expect(schemaErrors('house.dotx', await xmlParts(first))).toEqual([]);
  });

  it('gives a template that lacks none of our styles, and a build from it uses them', async () => {
    if (!fs.existsSync(file)) cabinet(['template', 'export', file]);
    expect(wordTemplateLook(file).warnings).toEqual([]);
    const out = path.join(dir, 'out');
    const r = cabinet(['build', 'data/reports/wf-cabinet-2023-09-12.md', '--word-template', file, '--out', out, '--format', 'docx', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('word-template');
    const [folder] = fs.readdirSync(out).filter((f) => !f.endsWith('.json'));
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, folder!, 'report.docx')));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).not.toContain('Heading 2: a section such as Recommendations');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('wordprocessingml.document.main+xml');
  }, 60_000);

  it('refuses what it cannot do with exit 2', () => {
    for (const args of [['template'], ['template', 'import', 'x.dotx'], ['template', 'export'], ['template', 'export', path.join(dir, 'x.docx')]]) {
      const r = cabinet(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/^cabinet template: /);
    }
  });

  it('exits 2 naming render.wordTemplate and the file when a build is given a macro-enabled template', () => {
    const bad = path.join(dir, 'macros.dotm');
    fs.writeFileSync(bad, 'x');
    const r = cabinet(['build', 'data/reports/wf-cabinet-2023-09-12.md', '--word-template', bad, '--out', path.join(dir, 'never'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: render.wordTemplate: is a macro-enabled Word file (.dotm)`);
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
