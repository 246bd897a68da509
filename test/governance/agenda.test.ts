import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAgenda } from '../../src/pipeline/build-agenda';
import { defaultConfig } from '../../src/config/load';
import { readPdf, type PdfRead } from '../support/pdf';
import { readDocx } from '../support/docx';
import { cabinet } from '../support/cli';
import { ROOT, tempDir } from '../report/fixtures';

const squash = (s: string) => s.replace(/\s+/g, '');
let dir: string;
let pack: PdfRead;
let restricted: PdfRead;
let frontsheet: PdfRead;
const file = (name: string) => fs.readFileSync(path.join(dir, name));

beforeAll(async () => {
  const r = await buildAgenda(path.join(ROOT, 'data/meetings/cabinet-2023-09-12.yaml'), { config: defaultConfig(), outDir: tempDir(), cwd: ROOT });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  dir = r.outputDir!;
  pack = await readPdf(file('Public reports pack 12th-Sep-2023 10.00 Cabinet.pdf'));
  restricted = await readPdf(file('Restricted reports pack 12th-Sep-2023 10.00 Cabinet.pdf'));
  frontsheet = await readPdf(file('Agenda frontsheet 12th-Sep-2023 10.00 Cabinet.pdf'));
}, 120000);

describe('the public reports pack', () => {
  it('has the ModernGov-style title and numbers its pages continuously', () => {
    expect(pack.info.Title).toBe('(Public Pack) Agenda Document for Cabinet, 12/09/2023 10:00');
    pack.pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pack.pageCount}`));
  });

  it("lists each item's page range where the item really starts, and stamps each page with its item", () => {
    for (const item of [7, 8, 9]) {
      const range = pack.pages[0]!.match(new RegExp(`\\n${item} [\\s\\S]*?Pages (\\d+) - (\\d+)`))!;
      const [start, end] = [Number(range[1]), Number(range[2])];
      const stamped = pack.pages.map((p, i) => (p.includes(`Agenda Item ${item}`) ? i + 1 : 0)).filter(Boolean);
      expect({ item, start, end }).toEqual({ item, start: stamped[0], end: stamped[stamped.length - 1] });
    }
  });

  it('has bookmarks for the agenda, each item and its headings', () => {
    const titles = pack.outline.map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(['Cabinet: Agenda', "Children's Social Care Improvement and Development Plan 2023-24", 'Funding Requirements to Deliver the Ofsted Continuous Improvement Plan', '1. Executive Summary', 'A. Impact of leaders on social work practice']));
  });

  it('leaves the exempt item out of the public pack and the agenda front sheet, naming its paragraph', () => {
    for (const pdf of [pack, frontsheet]) {
      expect(squash(pdf.text)).not.toContain('NorthfellCarePartnership');
      expect(squash(pdf.text)).toContain(squash('PART II – Residential Placements Framework Contract Award'));
      expect(squash(pdf.text)).toContain(squash('Exempt: not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A'));
    }
  });

  it('puts the exempt item in the restricted pack, marked on every page, and says so in the manifest', async () => {
    expect(squash(restricted.text)).toContain('NorthfellCarePartnership');
    restricted.pages.forEach((p) => expect(p).toContain('NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A'));
    const docx = await readDocx(file('Public reports pack 12th-Sep-2023 10.00 Cabinet.docx'));
    expect(docx.text).not.toContain('Northfell');
    const manifest = JSON.parse(file('manifest.json').toString('utf8'));
    expect(manifest.documents.map((d: { file: string; classification: string }) => `${d.classification} ${d.file}`)).toEqual([
      'public Public reports pack 12th-Sep-2023 10.00 Cabinet.pdf',
      'public Public reports pack 12th-Sep-2023 10.00 Cabinet.docx',
      'public Agenda frontsheet 12th-Sep-2023 10.00 Cabinet.pdf',
      'public Agenda frontsheet 12th-Sep-2023 10.00 Cabinet.docx',
      'exempt Restricted reports pack 12th-Sep-2023 10.00 Cabinet.pdf',
      'exempt Restricted reports pack 12th-Sep-2023 10.00 Cabinet.docx',
    ]);
  });

  it("keeps each report's contents list to its own headings and restarts Word numbering per report", async () => {
    const docx = await readDocx(file('Public reports pack 12th-Sep-2023 10.00 Cabinet.docx'));
    const lists: string[][] = [];
    for (const p of docx.paragraphs) {
      if (p.style === 'TOCHeading') lists.push([]);
      else if (p.style?.startsWith('TOC')) lists[lists.length - 1]!.push(p.text.split('\t')[0]!);
    }
    // Each report in the pack carries an appendix and so a contents list of its own headings only.
    expect(lists.map((l) => l[0])).toEqual([
      "Children's Social Care Improvement and Development Plan 2023-24",
      'Children’s Social Care Improvement Plan',
      'Funding Requirements to Deliver the Ofsted Continuous Improvement Plan',
    ]);
    expect(lists[2]!.some((t) => t.includes('Executive Summary'))).toBe(false);
    expect(new Set([...docx.documentXml.matchAll(/<w:numId w:val="(\d+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(3);
  });
});

describe('meeting checks', () => {
  it('flags an agenda published after the statutory deadline, with its line', () => {
    const d = tempDir();
    const meeting = path.join(d, 'm.yaml');
    fs.writeFileSync(meeting, 'committee: Cabinet\ndate: 2026-04-14\ntime: "10:00"\nagendaPublished: 2026-04-07\nitems:\n  - { title: Apologies }\n');
    const r = cabinet(['check', meeting]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${meeting}: line 4: error[agenda-late]: agenda published Tuesday 7 April 2026, after the statutory deadline of Thursday 2 April 2026`);
    expect(cabinet(['agenda', meeting, '--out', path.join(d, 'out')]).code).toBe(1);
  });

  it('validates a settings file given to check', () => {
    expect(cabinet(['check', 'data/cabinet.config.yaml']).code).toBe(0);
  });
});
