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
    for (const item of [7, 8]) {
      const range = pack.pages[0]!.match(new RegExp(`\\n${item} [\\s\\S]*?Pages (\\d+) - (\\d+)`))!;
      const [start, end] = [Number(range[1]), Number(range[2])];
      const stamped = pack.pages.map((p, i) => (p.includes(`Agenda Item ${item}`) ? i + 1 : 0)).filter(Boolean);
      expect({ item, start, end }).toEqual({ item, start: stamped[0], end: stamped[stamped.length - 1] });
    }
  });

  it('has bookmarks for the agenda, each item and its headings', () => {
    const titles = pack.outline.map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(['Cabinet: Agenda', "Children's Social Care Improvement and Development Plan 2023-24", 'Improvement Plan Monitoring Arrangements', '1. Executive Summary', 'A. Impact of leaders on social work practice']));
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
    // The Part II agenda carries every paragraph in the pack; each paper its own.
    expect(restricted.pages[0]).toContain('NOT FOR PUBLICATION by virtue of paragraphs 1 and 3 of Part 1 of Schedule 12A');
    restricted.pages.forEach((p) => expect(p).toMatch(/NOT FOR PUBLICATION by virtue of paragraphs? [13]/));
    const northfell = restricted.pages.filter((p) => squash(p).includes('NorthfellCarePartnership'));
    northfell.forEach((p) => expect(p).toContain('NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1'));
    const docx = await readDocx(file('Public reports pack 12th-Sep-2023 10.00 Cabinet.docx'));
    expect(docx.text).not.toContain('Northfell');
    const manifest = JSON.parse(file('manifest.json').toString('utf8')) as { documents: { file: string; classification: string }[] };
    expect(manifest.documents.map((d) => `${d.classification} ${d.file}`)).toEqual([
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
    // Item 7 carries an appendix and so a contents list of its own headings only; item 8's appendix is exempt
    // and not in the public pack, so item 8 has no contents list.
    expect(lists.map((l) => l[0])).toEqual(["Children's Social Care Improvement and Development Plan 2023-24"]);
    expect(lists[0]!.some((t) => t.includes('Monitoring Arrangements'))).toBe(false);
    expect(new Set([...docx.documentXml.matchAll(/<w:numId w:val="(\d+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(2);
  });
});

describe('one truth per fact in the pack', () => {
  it("gives item 8's exempt appendix to the restricted pack only, and says so on its front sheet and the agenda", async () => {
    // Public pack: item 8's report without its appendix; the agenda notes where the appendix is.
    const tracker = (o: { title: string }) => o.title.includes('Improvement Plan Tracker with Lead Officers');
    expect(pack.outline.some(tracker)).toBe(false);
    expect(restricted.outline.some(tracker)).toBe(true);
    expect(squash(frontsheet.text)).toContain(squash('Appendix A is exempt (paragraph 1 of Part 1 of Schedule 12A of the Local Government Act 1972) and is in the restricted pack.'));
    const docx = await readDocx(file('Public reports pack 12th-Sep-2023 10.00 Cabinet.docx'));
    const frontSheets = docx.tables.filter((t) => t.some((r) => r[0] === 'Identify exempt information and exemption category'));
    const exemptRows = frontSheets.map((t) => t.find((r) => r[0] === 'Identify exempt information and exemption category')![1]);
    expect(exemptRows).toEqual([
      'Not applicable',
      'Appendix A is exempt. By virtue of paragraph 1 of Part 1 of Schedule 12A of the Local Government Act 1972. The tracker names individual officers against each action; the public interest in withholding their names outweighs that in disclosing them.',
    ]);
    // Restricted pack: the appendix, stamped with its report's item number.
    const appendixPages = restricted.pages.filter((p) => p.includes('Improvement Plan Tracker with Lead Officers'));
    expect(appendixPages.length).toBeGreaterThan(1);
    appendixPages.slice(1).forEach((p) => expect(p).toContain('Agenda Item 8'));
  });

  it('uses the agenda\'s item number on the stamp, front sheet and subtitle, and warns where the front matter differs', async () => {
    const d = tempDir();
    const meeting = path.join(d, 'm.yaml');
    const report = path.join(ROOT, 'data/reports/wf-cabinet-2023-09-12-placements-contract.md');
    fs.writeFileSync(meeting, `council: Westmorland and Furness Council\ncommittee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\nvenue: Kendal\nitems:\n  - { title: Apologies }\n  - { report: ${JSON.stringify(report)} }\n`);
    const r = await buildAgenda(meeting, { config: defaultConfig(), outDir: path.join(d, 'out'), cwd: ROOT, formats: ['pdf', 'docx'] });
    // The front matter says agendaItem 9 on line 6 of the report; the agenda makes it item 2.
    const differs = r.diagnostics.filter((x) => x.code === 'agenda-item-differs');
    expect(differs.map((x) => [x.severity, x.line])).toEqual([['warning', 6]]);
    expect(differs[0]!.message).toContain('the front matter says agendaItem 9, but the agenda makes this report item 2');
    const res = await readPdf(fs.readFileSync(path.join(r.outputDir!, 'Restricted reports pack 12th-Sep-2023 10.00 Cabinet.pdf')));
    expect(res.text).not.toContain('Agenda Item 9');
    res.pages.slice(1).forEach((p) => expect(p).toContain('Agenda Item 2'));
    const docx = await readDocx(fs.readFileSync(path.join(r.outputDir!, 'Restricted reports pack 12th-Sep-2023 10.00 Cabinet.docx')));
    expect(docx.tables.flat()).toContainEqual(['Agenda Item', '2']);
    expect(docx.paragraphs.filter((p) => p.style === 'Subtitle').map((p) => p.text)).toContainEqual(expect.stringMatching(/– Agenda Item 2$/));
    expect(docx.text).not.toContain('Agenda Item 9');
  }, 120000);

  it("refuses a report written for another meeting or council, naming the report's line", async () => {
    const d = tempDir();
    const meeting = path.join(d, 'm.yaml');
    const report = path.join(ROOT, 'data/reports/shropshire-cabinet-2024-03-13.md');
    fs.writeFileSync(meeting, `council: Westmorland and Furness Council\ncommittee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\nvenue: Kendal\nitems:\n  - { report: ${JSON.stringify(report)} }\n`);
    const r = await buildAgenda(meeting, { config: defaultConfig(), outDir: path.join(d, 'out'), cwd: ROOT });
    expect(r.files).toEqual([]);
    const codes = r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['agenda-meeting-mismatch', 'agenda-council-mismatch']));
    const date = r.diagnostics.find((x) => x.code === 'agenda-meeting-mismatch')!;
    expect(date.message).toContain('the report is for the meeting of 13 March 2024');
    expect(date.message).toContain('is for 12 September 2023');
    expect(date.file).toBe(path.relative(ROOT, report));
    expect(r.diagnostics.find((x) => x.code === 'agenda-council-mismatch')!.message).toContain('Shropshire');
    // cabinet check says the same before anything is built, with the report's lines (meeting: line 5, council: line 3).
    const check = cabinet(['check', meeting]);
    expect(check.code).toBe(1);
    const shown = path.relative(ROOT, report);
    expect(check.stdout).toContain(`${shown}: line 5: error[agenda-meeting-mismatch]: the report is for the meeting of 13 March 2024`);
    expect(check.stdout).toContain(`${shown}: line 3: error[agenda-council-mismatch]: the report is for Shropshire Council`);
  }, 120000);
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

describe('a pack of Welsh papers', () => {
  it('is tagged cy, with a Welsh agenda, item stamps and page numbers', async () => {
    const d = tempDir();
    fs.mkdirSync(path.join(d, 'reports'));
    const front = (title: string) => `---\nlanguage: cy\ncommittee: Cabinet\nmeeting: { date: 2023-09-12 }\ntitle: ${title}\nreportOf: Cyfarwyddwr\nportfolioHolder: Cynghorydd\nauthor: { name: Ann Smith }\nwards: All\nkeyDecision: { value: false }\ncouncil: Westmorland and Furness Council\n---\n## Cefndir\n\nTestun.\n`;
    fs.writeFileSync(path.join(d, 'reports', 'un.md'), front('Adroddiad un'));
    fs.writeFileSync(path.join(d, 'meeting.yaml'), 'council: Westmorland and Furness Council\ncommittee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\nvenue: Siambr y Cyngor\nitems:\n  - { title: Ymddiheuriadau }\n  - { report: reports/un.md }\n');
    const r = await buildAgenda(path.join(d, 'meeting.yaml'), { config: defaultConfig(), outDir: path.join(d, 'out'), cwd: d });
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const welsh = await readPdf(fs.readFileSync(path.join(r.outputDir!, 'Public reports pack 12th-Sep-2023 10.00 Cabinet.pdf')));
    expect(welsh.lang).toBe('cy');
    expect(welsh.pages[0]).toContain('Cabinet: Agenda');
    expect(squash(welsh.pages[0]!)).toContain(squash('Dyddiad ac amser: Dydd Mawrth 12 Medi 2023 am 10:00'));
    expect(squash(welsh.pages[0]!)).toContain(squash('Eitem Busnes Tudalennau'));
    expect(welsh.pages[1]).toContain('Eitem 2 ar yr Agenda');
    expect(welsh.pages[1]).toMatch(/Tudalen 2 o \d+/);
  }, 60000);
});
