import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSource } from '../../src/pipeline/build-source';
import { defaultConfig } from '../../src/config/load';
import { readPdf } from '../support/pdf';
import { readDocx } from '../support/docx';
import { readTags } from '../support/pdf-structure';
import { ROOT, tempDir } from '../report/fixtures';
import type { Manifest } from '../../src/model/manifest';

const config = defaultConfig();
const squash = (s: string) => s.replace(/\s+/g, '');

describe('decision records (seed 004)', () => {
  it('states the RESOLVED list and the computed call-in deadline as the seed does', async () => {
    const r = await buildSource(path.join(ROOT, 'data/decisions/cabinet-2023-06-15-ilacs.md'), { config, outDir: tempDir(), cwd: ROOT });
    expect(r.diagnostics).toEqual([]);
    const pdf = await readPdf(fs.readFileSync(path.join(r.outputDir!, 'decision.pdf')));
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'decision.docx')));
    const details = docx.tables[1]!;
    expect(details).toEqual(expect.arrayContaining([
      ['Date and Time by which Call In must be executed', 'Midnight on 23 June 2023'],
      ['Date the decision can be implemented', 'Monday 26 June 2023'],
      ['Date of Publication', 'Monday 19 June 2023'],
      ['Alternative Options Considered and Rejected', 'None.'],
      ['Declared (Cabinet Member) Conflicts of Interest', 'None.'],
    ]));
    expect(squash(pdf.text)).toContain(squash('RESOLVED that:- 1. The outcome of the recent ILACS Inspection be noted. 2. Improvement Plan at Annex 2 be approved.'));
    expect(pdf.text).toContain('Cabinet Decision');
    expect((JSON.parse(fs.readFileSync(path.join(r.outputDir!, 'manifest.json'), 'utf8')) as Manifest).documents[0]).toMatchObject({ kind: 'decision', classification: 'public' });
  }, 30000);

  it('says "not subject to call-in" with the reason, effective from the decision date, for urgent decisions', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'urgent.md');
    fs.writeFileSync(file, `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Urgent item\nresolved: [Approve.]\nreasons: Safety.\npublished: 2026-04-15\nnotSubjectToCallIn: { reason: "Urgency: delay would harm children at risk" }\n---\nText.\n`);
    const r = await buildSource(file, { config, outDir: path.join(dir, 'out'), cwd: dir, formats: ['docx'] });
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'decision.docx')));
    expect(docx.tables[1]).toEqual(expect.arrayContaining([['Not subject to call-in', 'Urgency: delay would harm children at risk'], ['Date the decision can be implemented', 'Tuesday 14 April 2026']]));
  }, 30000);

  it('prints every kind of Markdown in its narrative: table, nested list, quotation, code, image and raw HTML as text', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'map.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#1F3864"/></svg>');
    const file = path.join(dir, 'kinds.md');
    const body = [
      'Officers set out the options.',
      '',
      '| Option | Cost |',
      '| --- | ---: |',
      '| Keep the hub | 120 |',
      '| Close the hub | 40 |',
      '',
      '- Outer point',
      '  - Inner point',
      '',
      '> The inspectors said the service was improving.',
      '',
      '```',
      'code line one',
      '```',
      '',
      '![Map of the hub sites](map.svg)',
      '',
      '<div class="x">Raw markup stays words</div>',
    ].join('\n');
    fs.writeFileSync(file, `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Hub sites\nresolved: [Approve.]\nreasons: Cost.\npublished: 2026-04-15\n---\n${body}\n`);
    const r = await buildSource(file, { config, outDir: path.join(dir, 'out'), cwd: dir });
    expect(r.diagnostics).toEqual([]);
    const pdf = await readPdf(fs.readFileSync(path.join(r.outputDir!, 'decision.pdf')));
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'decision.docx')));
    // The table is a real table in the DOCX, between the item table and the details table.
    expect(docx.tables).toHaveLength(3);
    expect(docx.tables[1]).toEqual([['Option', 'Cost'], ['Keep the hub', '120'], ['Close the hub', '40']]);
    const words = ['Option', 'Keep the hub', 'Close the hub', 'Outer point', 'Inner point', 'The inspectors said the service was improving.', 'code line one', 'Figure 1: Map of the hub sites', '<div class="x">Raw markup stays words</div>'];
    for (const w of words) {
      expect(squash(pdf.text)).toContain(squash(w));
      expect(docx.text).toContain(w);
    }
    // The image is drawn in both: a picture in the DOCX package, a Figure with its alt text in the PDF; and
    // the PDF has the body's table as a third table.
    expect(docx.files.some((f) => /^word\/media\//.test(f))).toBe(true);
    const tags = await readTags(fs.readFileSync(path.join(r.outputDir!, 'decision.pdf')));
    expect(tags.figures).toEqual(['Map of the hub sites']);
    expect(tags.raw.tables).toBe(3);
    // The nested item is one level in, in the DOCX's own list numbering.
    const inner = /<w:p>(?:(?!<\/w:p>)[\s\S])*Inner point/.exec(docx.documentXml)?.[0] ?? '';
    expect(inner).toMatch(/<w:ilvl w:val="1"\/>/);
    // Raw HTML is never markup: escaped in the XML.
    expect(docx.documentXml).toMatch(/&lt;div class=(&quot;|")x(&quot;|")&gt;Raw markup stays words&lt;\/div&gt;/);
    expect(docx.documentXml).not.toContain('<div');
  }, 60000);

  it('names at its line what the narrative cannot print (a horizontal rule, struck-through words)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'rule.md');
    fs.writeFileSync(file, `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Item\nresolved: [Approve.]\nreasons: R\npublished: 2026-04-15\n---\nFirst.\n\n***\n\nSecond ~~old~~ words.\n`);
    const r = await buildSource(file, { config, outDir: path.join(dir, 'out'), cwd: dir, formats: ['docx'] });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'markdown-not-printed', line: 12 }),
      expect.objectContaining({ severity: 'warning', code: 'markdown-not-printed', line: 14 }),
    ]);
  }, 30000);

  it('reports a missing RESOLVED list with its file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.md');
    fs.writeFileSync(file, `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Item\nreasons: R\npublished: 2026-04-15\n---\n`);
    const r = await buildSource(file, { config, cwd: dir });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'front-matter-missing-field', file, message: 'missing front-sheet field "resolved"' })]);
  });
});
