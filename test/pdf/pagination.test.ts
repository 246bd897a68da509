import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { paginate } from '../../src/render/paginate/paginate';
import { renderDocument } from '../../src/pipeline/render-document';
import { buildReport } from '../../src/pipeline/build-report';
import { loadConfig } from '../../src/config/load';
import type { TextBox } from '../../src/render/paginate/page-model';
import { heading, layoutDocument, para } from '../support/layout-fixtures';
import { readPdf } from '../support/pdf';
import { readTags } from '../support/pdf-structure';

const ROOT = path.join(__dirname, '..', '..');
const baselines = (doc: ReturnType<typeof paginate>, page = 0) =>
  doc.pages[page]!.boxes.filter((b): b is TextBox => b.kind === 'text' && b.node !== null).map((b) => b.baseline);

describe('pagination', () => {
  it('sets 12pt lines 317 twips apart and 8pt between paragraphs, as LibreOffice lays out the same DOCX', () => {
    // Measured in LibreOffice's PDF of a DOCX with Arial 12pt, w:line="276" w:lineRule="auto", after 160:
    // lines 15.85pt apart, paragraphs 23.85pt; 11pt table text 14.5pt.
    const long = 'The council will improve the quality of social work practice across every team, so that children and families receive consistent help. '.repeat(2);
    const doc = paginate(layoutDocument([{ orientation: 'portrait', header: {}, blocks: [para(long), para('Second paragraph.')] }]));
    const ys = baselines(doc);
    expect(ys.length).toBeGreaterThanOrEqual(4);
    expect(ys[1]! - ys[0]!).toBeCloseTo(15.85, 2);
    expect(ys[ys.length - 1]! - ys[ys.length - 2]!).toBeCloseTo(15.85 + 8, 2);
  });

  it('never leaves a heading alone at the foot of a page', () => {
    const filler = Array.from({ length: 36 }, (_, i) => para(`Paragraph ${i + 1} of the filler text.`));
    const doc = paginate(layoutDocument([{ orientation: 'portrait', header: {}, blocks: [...filler, heading('Finance', 'finance', 2, '3.'), para('Three lines of text follow this heading. '.repeat(5))] }]));
    const page = doc.pagination.headingPages.finance!;
    const after = doc.pages[page - 1]!.boxes.filter((b): b is TextBox => b.kind === 'text' && b.node !== null && b.segments.some((s) => s.text.startsWith('Three')));
    expect(after.length).toBe(1);
  });

  it('breaks a 32,767-character word in a narrow cell between characters, on the page, without hanging', async () => {
    const word = 'q'.repeat(32767);
    const doc = layoutDocument([{ orientation: 'portrait', header: {}, blocks: [{ kind: 'table', summary: 'One long word', role: 'data', columns: [{ header: 'Ref', width: 1 }, { header: 'Text', width: 1 }], rows: [[{ runs: [{ text: 'R1' }] }, { runs: [{ text: word }] }]] }] }]);
    // A hang fails this test by its own timeout; how fast it is belongs to the benchmarks, not to a timed test.
    const out = await renderDocument(doc, ['pdf']);
    const tags = await readTags(out.pdf!);
    expect(tags.offPage).toEqual([]);
    expect((tags.text.match(/q/g) ?? []).length).toBe(32767);
  }, 120000);

  it('warns about a character no font has, naming it and the text, and stops under --strict', async () => {
    const { config } = loadConfig(path.join(ROOT, 'data/cabinet.config.yaml'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glyph-'));
    const report = path.join(dir, 'report.md');
    fs.writeFileSync(report, fs.readFileSync(path.join(ROOT, 'data/reports/wf-cabinet-2023-09-12-placements-contract.md'), 'utf8').replace('## Purpose\n', '## Purpose\n\nThe hieroglyph 𓀀 has no glyph in Arimo.\n'));
    const r = await buildReport(report, { config, outDir: path.join(dir, 'out'), cwd: dir });
    const missing = r.diagnostics.filter((d) => d.code === 'missing-glyph');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('U+13000');
    expect(missing[0]!.message).toContain('The hieroglyph');
    expect(missing[0]!.file).toBe(report);
    expect(r.files.length).toBeGreaterThan(0);
    const strict = await buildReport(report, { config, outDir: path.join(dir, 'strict'), cwd: dir, strict: true });
    expect(strict.files).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'strict'))).toBe(false);
  }, 60000);

  it('sets the PDF in a council\'s own font files given in settings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'font-'));
    const italic = require.resolve('@fontsource/arimo/files/arimo-latin-400-italic.woff');
    const settings = path.join(dir, 'settings.yaml');
    fs.writeFileSync(settings, `render:\n  font: Arimo\n  fontFiles: { regular: ${JSON.stringify(italic)} }\n`);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'build', path.join(ROOT, 'data/reports/wf-cabinet-2023-09-12-placements-contract.md'), '--config', settings, '--out', dir, '--format', 'pdf'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const pdf = fs.readdirSync(dir, { recursive: true }).map(String).find((f) => f.endsWith('report.pdf'))!;
    expect((await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, pdf))))).fonts).toContain('Arimo-Italic');
  }, 60000);

  it('refuses a font file in settings that is missing or not a font, naming the setting (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badfont-'));
    const notFont = path.join(dir, 'brand.ttf');
    fs.writeFileSync(notFont, 'this is not a font');
    for (const file of [notFont, path.join(dir, 'missing.otf')]) {
      const settings = path.join(dir, 'settings.yaml');
      fs.writeFileSync(settings, `render:\n  fontFiles: { regular: ${JSON.stringify(file)} }\n`);
      const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'build', path.join(ROOT, 'data/reports/wf-cabinet-2023-09-12-placements-contract.md'), '--config', settings, '--out', dir], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('render.fontFiles.regular');
      expect(run.stderr).toContain(path.basename(file));
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60000);
});
