import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSource } from '../../src/pipeline/build-source';
import { defaultConfig } from '../../src/config/load';
import { readPdf } from '../support/pdf';
import { readDocx } from '../support/docx';
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

  it('reports a missing RESOLVED list with its file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.md');
    fs.writeFileSync(file, `---\ntype: decision\ndecisionMaker: Cabinet\nmeeting: { date: 2026-04-14 }\ntitle: Item\nreasons: R\npublished: 2026-04-15\n---\n`);
    const r = await buildSource(file, { config, cwd: dir });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'front-matter-missing-field', file, message: 'missing front-sheet field "resolved"' })]);
  });
});
