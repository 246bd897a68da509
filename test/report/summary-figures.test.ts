/**
 * Every summary agrees with the plan it summarises: for every sample and council plan, the actions are
 * counted by hand from `cabinet inspect --json`, section by section and status by status, and compared
 * with the status summary table in the built report (the DOCX's own XML) and in the board pack, and with
 * the figures the board pack's chart states (its alt text and caption).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cabinetAsync } from '../cli/run';
import { ROOT } from '../support/cli';
import { readDocx } from '../support/docx';
import { tempDir } from './fixtures';
import { writeWorkbook, type CellSpec, type SheetSpec } from '../../src/samples/xlsx-writer';

interface JsonAction { id?: string; text: string; status?: { label: string } }
interface JsonPlan {
  title: string;
  legend: { entries: { label: string }[] };
  sections: { code?: string; title: string; themes: { number?: string; title: string; actions: JsonAction[] }[] }[];
}

const rel = (f: string) => path.relative(ROOT, f);
const list = (dir: string, re: RegExp) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f)) : []);
const subdirs = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dir, d.name)).sort();

/** data/*.xlsx, data/*.csv, data/councils/*\/*.xlsx, data/monthly/*\/*.xlsx */
const PLANS = [
  ...list(path.join(ROOT, 'data'), /\.(xlsx|csv)$/),
  ...subdirs(path.join(ROOT, 'data/councils')).flatMap((d) => list(d, /\.xlsx$/)),
  ...subdirs(path.join(ROOT, 'data/monthly')).flatMap((d) => list(d, /\.xlsx$/)),
];

/** A copy of the W&F plan whose section bands lack their letter: "Impact of leaders…", not "A. Impact of leaders…". */
async function uncodedCopy(from: string, to: string, letters = 'A-D'): Promise<number> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(name)!.async('string');
  const code = new RegExp(`>([${letters}])\\. `, 'g');
  const bands = (xml.match(code) ?? []).length;
  zip.file(name, xml.replace(code, '>'));
  fs.writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
  return bands;
}

async function inspect(file: string, cwd: string, config?: string): Promise<JsonPlan> {
  const r = await cabinetAsync(['inspect', file, '--json', ...(config ? ['--config', config] : [])], { cwd }).done;
  expect(r.stderr).toBe('');
  const plan = (JSON.parse(r.stdout) as { plan: JsonPlan | null }).plan;
  expect(plan).not.toBeNull();
  return plan!;
}

/** The status columns in the key's order, "Not rated" last when an action has no status. */
function statusColumns(plan: JsonPlan): string[] {
  const all = plan.sections.flatMap((s) => s.themes.flatMap((t) => t.actions));
  return [...plan.legend.entries.map((e) => e.label), ...(all.some((a) => !a.status) ? ['Not rated'] : [])];
}

/** Counted by hand: the actions of each section, by status. */
function handCount(plan: JsonPlan) {
  const columns = statusColumns(plan);
  return plan.sections.map((s) => {
    const actions = s.themes.flatMap((t) => t.actions);
    const byStatus = new Map(columns.map((c) => [c, actions.filter((a) => (a.status?.label ?? 'Not rated') === c).length]));
    return { name: s.code ? `${s.code}. ${s.title}` : s.title, chartName: s.code ? `Section ${s.code}` : s.title, total: actions.length, byStatus };
  });
}

/** The rows the summary table must show: each section, then "All sections" when there are several. */
function expectedRows(plan: JsonPlan): string[][] {
  const columns = statusColumns(plan);
  const sections = handCount(plan);
  const cell = (n: number, total: number) => `${n} (${total ? Math.round((n / total) * 100) : 0}%)`;
  const rows = sections.map((s) => [s.name, ...columns.map((c) => cell(s.byStatus.get(c)!, s.total)), String(s.total)]);
  if (sections.length > 1) {
    const total = sections.reduce((n, s) => n + s.total, 0);
    rows.push(['All sections', ...columns.map((c) => cell(sections.reduce((n, s) => n + s.byStatus.get(c)!, 0), total)), String(total)]);
  }
  return rows;
}

/** What the chart must state: each section that has actions, its non-zero counts in the key's order. */
function expectedChartFigures(plan: JsonPlan): string {
  const columns = statusColumns(plan);
  return handCount(plan)
    .filter((s) => s.total)
    .map((s) => `${s.chartName}: ${columns.filter((c) => s.byStatus.get(c)).map((c) => `${s.byStatus.get(c)} ${c}`).join(', ')}`)
    .join('; ');
}

const summaryTables = (tables: string[][][], plan: JsonPlan) =>
  tables.filter((t) => JSON.stringify(t[0]) === JSON.stringify(['Section', ...statusColumns(plan), 'Total']));

/** A report whose body is the summary table of one plan; `n` keeps each report's output folder its own. */
function reportSource(plan: string, n: number): string {
  return [
    '---',
    'council: Test Council',
    'committee: Cabinet',
    'meeting: { date: 2024-04-23 }',
    `title: Summary ${n} of ${path.basename(plan)}`,
    'reportOf: Director of Testing',
    'portfolioHolder: Councillor Test',
    'author: { name: Ann Smith, jobTitle: Officer }',
    'wards: All',
    'keyDecision: { value: false }',
    `workbooks: { plan: ${JSON.stringify(plan)} }`,
    '---',
    '',
    '## Summary',
    '',
    '{{status-summary}}',
    '',
  ].join('\n');
}

describe('every status summary agrees with a hand count of its plan', () => {
  const dir = tempDir();
  const uncoded = path.join(dir, 'wf-uncoded-sections.xlsx');
  const plans = [...PLANS, uncoded];
  const read = new Map<string, JsonPlan>();
  let reportTables: string[][][][] = [];
  let pack: Awaited<ReturnType<typeof readDocx>>;
  let packXml = '';

  beforeAll(async () => {
    expect(await uncodedCopy(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'), uncoded)).toBe(4);
    for (const p of plans) read.set(p, await inspect(p, dir));
    // One report per plan, each built by the CLI into its own folder, in one run.
    const sources = plans.map((p, i) => {
      const file = path.join(dir, `report-${i}.md`);
      fs.writeFileSync(file, reportSource(p, i));
      return file;
    });
    const built = await cabinetAsync(['build', ...sources, '--out', 'out', '--format', 'docx', '--json'], { cwd: dir }).done;
    expect(built.code).toBe(0);
    const results = (JSON.parse(built.stdout) as { reports: { report: string; outputDir: string }[] }).reports;
    reportTables = await Promise.all(results.map(async (r) => (await readDocx(fs.readFileSync(path.join(r.outputDir, 'report.docx')))).tables));
    const board = await cabinetAsync(['board-pack', '--month', '2024-03', ...plans, '--out', 'out', '--format', 'docx'], { cwd: dir }).done;
    expect(board.code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'out/board-pack/2024-03/board-pack-2024-03.docx'));
    pack = await readDocx(bytes);
    packXml = pack.documentXml;
  }, 180_000);

  it('reads the plans it is asked about (12 sample and council plans and the uncoded copy)', () => {
    expect(PLANS.map(rel)).toEqual(expect.arrayContaining([
      'data/shropshire-improvement-plan-2024.xlsx', 'data/wf-improvement-plan-tracker.csv', 'data/councils/hillbrook/hillbrook-children-and-families-plan.xlsx', 'data/monthly/2024-02/wf-improvement-plan.xlsx',
    ]));
    expect(plans.length).toBeGreaterThanOrEqual(11);
  });

  it.each(PLANS.map(rel).concat(['(W&F plan with uncoded section bands)']))('the report built from %s states each section’s own counts', (name) => {
    const i = name.startsWith('(') ? plans.length - 1 : PLANS.map(rel).indexOf(name);
    const plan = read.get(plans[i]!)!;
    const tables = summaryTables(reportTables[i]!, plan);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.slice(1)).toEqual(expectedRows(plan));
  });

  it('the Shropshire report shows 1 or 2 actions per section, 13 in all, not 13 in every section', () => {
    const i = PLANS.map(rel).indexOf('data/shropshire-improvement-plan-2024.xlsx');
    const rows = summaryTables(reportTables[i]!, read.get(plans[i]!)!)[0]!.slice(1);
    expect(rows.map((r) => r[r.length - 1])).toEqual(['2', '2', '2', '2', '2', '2', '1', '13']);
  });

  it('the board pack states the same rows for every plan, in the order the plans were named', () => {
    const expected = plans.map((p) => expectedRows(read.get(p)!));
    const found = plans.map((p, i) => summaryTables(pack.tables, read.get(p)!).map((t) => t.slice(1)).find((rows) => JSON.stringify(rows) === JSON.stringify(expected[i])));
    found.forEach((rows, i) => expect({ plan: rel(plans[i]!), rows }).toEqual({ plan: rel(plans[i]!), rows: expected[i] }));
  });

  it('the board pack’s chart states the same figures as its table, section by section', () => {
    const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    const alts = [...packXml.matchAll(/descr="Stacked bar chart[^"]*? in order\. ([^"]*)\."/g)].map((m) => unescape(m[1]!));
    expect(alts).toEqual(plans.map((p) => expectedChartFigures(read.get(p)!)));
    const captions = pack.paragraphs.filter((p) => p.text.startsWith('Actions by status and section: ')).map((p) => p.text.replace(/^Actions by status and section: /, '').replace(/\.$/, ''));
    expect(captions).toEqual(alts);
  });
});

describe('the sample reports as published', () => {
  const out = tempDir();
  const cases: [string, string, string | undefined][] = [
    ['data/reports/shropshire-cabinet-2024-03-13.md', 'data/shropshire-improvement-plan-2024.xlsx', 'data/cabinet.config.yaml'],
    ['data/reports/wf-cabinet-2023-09-12.md', 'data/wf-improvement-plan-2023-24.xlsx', 'data/cabinet.config.yaml'],
    ...subdirs(path.join(ROOT, 'data/councils')).map((d): [string, string, string] => [rel(list(d, /\.md$/)[0]!), rel(list(d, /\.xlsx$/)[0]!), rel(path.join(d, 'cabinet.config.yaml'))]),
  ];

  it.each(cases)('%s shows the counts of %s', async (report, workbook, config) => {
    const plan = await inspect(workbook, ROOT, config);
    const r = await cabinetAsync(['build', report, '--out', out, '--format', 'docx', '--json', ...(config ? ['--config', config] : [])], { cwd: ROOT }).done;
    expect(r.code).toBe(0);
    const dir = (JSON.parse(r.stdout) as { reports: { outputDir: string }[] }).reports[0]!.outputDir;
    const docx = await readDocx(fs.readFileSync(path.join(dir, 'report.docx')));
    const tables = summaryTables(docx.tables, plan);
    expect(tables.length).toBeGreaterThanOrEqual(1);
    for (const t of tables) expect(t.slice(1)).toEqual(expectedRows(plan));
  }, 60_000);
});

describe('section bands are known by their shape, with or without a letter code', () => {
  it('the W&F plan with uncoded bands reads to the same sections, themes and actions as the coded plan', async () => {
    const dir = tempDir();
    const uncoded = path.join(dir, 'uncoded.xlsx');
    await uncodedCopy(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'), uncoded);
    const shape = (p: JsonPlan) => p.sections.map((s) => ({ title: s.title, themes: s.themes.map((t) => ({ number: t.number, title: t.title, actions: t.actions.map((a) => [a.id, a.text, a.status?.label]) })) }));
    const coded = await inspect(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'), dir);
    const plain = await inspect(uncoded, dir);
    expect(coded.sections.map((s) => s.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(plain.sections.map((s) => s.code)).toEqual([undefined, undefined, undefined, undefined]);
    expect(plain.sections.map((s) => s.title)).toEqual([
      'Impact of leaders on social work practice', 'Experiences and progress of children who need help and protection',
      'Focus: Experiences and progress of Children in Care', 'Focus: Experiences and progress of Care Leavers',
    ]);
    expect(plain.sections.map((s) => s.themes.reduce((n, t) => n + t.actions.length, 0))).toEqual([17, 30, 11, 6]);
    expect(shape(plain)).toEqual(shape(coded));
  }, 60_000);

  it('inspect prints the uncoded plan as four sections, with the plural right', async () => {
    const dir = tempDir();
    const uncoded = path.join(dir, 'uncoded.xlsx');
    await uncodedCopy(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'), uncoded);
    const r = await cabinetAsync(['inspect', uncoded], { cwd: dir }).done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Impact of leaders on social work practice: 4 themes, 17 actions\n');
    expect(r.stdout).toContain('  Focus: Experiences and progress of Care Leavers: 6 themes, 6 actions\n');
  }, 30_000);

  it('a plan with some bands coded and some not reads to the same sections', async () => {
    const dir = tempDir();
    const mixed = path.join(dir, 'mixed.xlsx');
    expect(await uncodedCopy(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx'), mixed, 'B')).toBe(1);
    const plan = await inspect(mixed, dir);
    expect(plan.sections.map((s) => [s.code, s.themes.length, s.themes.reduce((n, t) => n + t.actions.length, 0)])).toEqual([
      ['A', 4, 17], [undefined, 10, 30], ['C', 4, 11], ['D', 6, 6],
    ]);
  }, 30_000);

  /** A one-sheet plan with merged bands (a merge across all five columns) where `band` says. */
  async function bandPlan(rows: (CellSpec[] | { band: string })[]): Promise<string> {
    const sheet: SheetSpec = { name: 'Plan', rows: [], merges: [] };
    for (const row of rows) {
      if ('band' in row) {
        sheet.merges!.push({ s: { r: sheet.rows.length, c: 0 }, e: { r: sheet.rows.length, c: 4 } });
        sheet.rows.push([row.band]);
      } else sheet.rows.push(row);
    }
    const file = path.join(tempDir(), 'plan.xlsx');
    fs.writeFileSync(file, await writeWorkbook([sheet], new Date('2024-01-01T00:00:00Z')));
    return file;
  }
  const HEADER: CellSpec[] = ['Ref', 'Action', 'By when', 'Lead', 'RAG'];
  const action = (ref: string): CellSpec[] => [ref, `Action ${ref}`, '31/03/2024', 'Head of Service', 'Green'];

  it('uncoded section bands over theme bands: sections; bands straight over actions: themes of one section', async () => {
    const sectioned = await bandPlan([
      ['Hillside Council Improvement Plan 2023-24'], [], HEADER,
      { band: 'Children are safe' }, { band: '1. Early help' }, action('1.1'), action('1.2'), { band: '2. Child protection' }, action('2.1'),
      { band: 'Children achieve' }, { band: '3. Education' }, action('3.1'),
    ]);
    const plan = await inspect(sectioned, path.dirname(sectioned));
    expect(plan.sections.map((s) => [s.code, s.title, s.themes.map((t) => `${t.number}:${t.actions.map((a) => a.id).join(',')}`)])).toEqual([
      [undefined, 'Children are safe', ['1:1.1,1.2', '2:2.1']],
      [undefined, 'Children achieve', ['3:3.1']],
    ]);
    const themed = await bandPlan([['Hillside Council Improvement Plan 2023-24'], [], HEADER, { band: 'Early help' }, action('1.1'), { band: 'Child protection' }, action('2.1')]);
    const one = await inspect(themed, path.dirname(themed));
    expect(one.sections.map((s) => s.themes.map((t) => t.title))).toEqual([['Early help', 'Child protection']]);
  }, 30_000);

  it('a merged subtitle above the table is not taken for a section when the table has no section bands', async () => {
    const file = await bandPlan([
      ['Hillside Council Improvement Plan 2023-24'], { band: 'Children’s services: position at the end of March' }, [],
      ['Theme', 'Action', 'By when', 'Lead', 'RAG'], ['Early help', 'Open family hubs', '31/03/2024', 'Head of Early Help', 'Green'], ['Education', 'Publish the strategy', '31/03/2024', 'Head of Education', 'Green'],
    ]);
    const plan = await inspect(file, path.dirname(file));
    expect(plan.sections.map((s) => [s.title, s.themes.map((t) => t.title)])).toEqual([[plan.title, ['Early help', 'Education']]]);
  }, 30_000);
});
