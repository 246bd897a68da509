/**
 * Text hygiene at read (characters XML cannot carry removed, with a warning naming the cell), non-Latin text
 * kept intact from cell to DOCX, and hidden rows and sheets left out with a warning unless the settings
 * include them. Workbooks are made here in Excel's own shape (shared strings, hidden flags). Damaged and
 * hostile files say what is wrong in our words, never a parser's; lock files in plan folders are skipped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPlan } from '../../src/model/read-plan';
import { removeXmlInvalid, describeRemoved } from '../../src/text/xml-chars';
import { xlsx, SMALL_PLAN, HOSTILE_WORKBOOKS, smallPlanOds, smallPlanXls, type SheetPlan } from '../../src/bench/hostile-inputs';
import { UnreadableInputError, type Diagnostic } from '../../src/diagnostics/diagnostic';
import { workbooksIn } from '../../src/readers/workbook-files';
import { cabinet } from '../support/cli';
import { buildReport } from '../../src/pipeline/build-report';
import { defaultConfig } from '../../src/config/load';
import { readDocx } from '../support/docx';
import { reportFile } from '../report/fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-reading-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function workbook(name: string, sheets: SheetPlan[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xlsx(sheets));
  return file;
}

const actionsOf = (file: string, options: Parameters<typeof readPlan>[1] = {}) => {
  const r = readPlan(file, options);
  return { ...r, actions: r.plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions)) };
};

describe('removeXmlInvalid', () => {
  it('removes C0 controls except tab, newline and carriage return, U+FFFE/U+FFFF and lone surrogates', () => {
    const r = removeXmlInvalid('a\u0000b\u0007c\td\ne\rf\u000Bg\u001Fh\uFFFEi\uFFFFj\uD800k\uDC00l');
    expect(r.text).toBe('abc\td\ne\rfghijkl');
    expect(r.removed).toEqual(['U+0000', 'U+0007', 'U+000B', 'U+001F', 'U+FFFE', 'U+FFFF', 'U+D800', 'U+DC00']);
  });

  it('keeps surrogate pairs (emoji), Welsh and Arabic letters, and returns clean text untouched', () => {
    const text = 'Gwasanaethau ŵ ŷ Ŵ Ŷ — تحسين الخدمات — 🚀👍🏽 — café';
    const r = removeXmlInvalid(text);
    expect(r.text).toBe(text);
    expect(r.removed).toEqual([]);
  });

  it('words the warning with the count and the code points', () => {
    expect(describeRemoved(['U+0007'])).toBe('1 character a document cannot hold (U+0007) removed');
    expect(describeRemoved(['U+0001', 'U+0002'])).toBe('2 characters a document cannot hold (U+0001, U+0002) removed');
  });
});

describe('control characters in cells', () => {
  it('are removed at read with a warning naming the cell', () => {
    const rows = SMALL_PLAN.map((r) => [...r]);
    rows[4]![1] = 'Review\u000B the\u0007 front door';
    const { actions, diagnostics } = actionsOf(workbook('controls.xlsx', [{ name: 'Plan', rows }]));
    expect(actions[1]!.text).toBe('Review the front door');
    const warnings = diagnostics.filter((d) => d.code === 'invalid-characters');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'Plan', cell: 'B5', message: "2 characters a document cannot hold (U+000B, U+0007) removed from the cell's text" }),
    ]);
  });
});

describe('Welsh, Arabic and emoji text', () => {
  const welsh = 'Gwella’r gwasanaeth i blant ŵ ŷ Ŵ Ŷ';
  const arabic = 'تحسين خدمات الأطفال';
  const emoji = 'Launch the app 🚀 with families 👨‍👩‍👧 👍🏽';
  const rows = [
    ['Improvement Plan 2023-24'],
    [],
    ['Ref', 'Action', 'By when', 'Lead', 'Status'],
    ['1.1', welsh, 'August 2023', 'Pennaeth Gwasanaeth – Siân Ŵyn', 'Green'],
    ['1.2', arabic, 'Q3 2023/24', 'مدير الخدمة', 'Amber'],
    ['1.3', emoji, 'March 2024', 'Head of Service', 'Red'],
  ];

  it('reads intact, code point for code point', () => {
    const { actions, diagnostics } = actionsOf(workbook('scripts.xlsx', [{ name: 'Plan', rows }]));
    expect(actions.map((a) => a.text)).toEqual([welsh, arabic, emoji]);
    expect(diagnostics.filter((d) => d.code === 'invalid-characters')).toEqual([]);
  });

  it('reaches the appendix DOCX intact', async () => {
    const build = path.join(dir, 'scripts-build');
    fs.mkdirSync(build);
    fs.copyFileSync(path.join(dir, 'scripts.xlsx'), path.join(build, 'plan.xlsx'));
    const report = reportFile(build, {}, '# Purpose\n\nTo note the plan.\n');
    const r = await buildReport(report, { config: defaultConfig(), outDir: path.join(build, 'out'), formats: ['docx'], cwd: build });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const appendix = r.files.find((f) => /appendix-a-.*\.docx$/.test(f))!;
    const docx = await readDocx(fs.readFileSync(appendix));
    for (const text of [welsh, arabic, emoji, 'Siân Ŵyn', 'مدير الخدمة']) expect(docx.text).toContain(text);
  }, 60000);
});

describe('hidden rows and sheets', () => {
  const sheets: SheetPlan[] = [
    { name: 'Plan', rows: SMALL_PLAN, hiddenRows: [5] },
    { name: 'Old plan', rows: [['Old'], ['Ref', 'Action', 'Status'], ['9.9', 'Withdrawn action', 'Red']], state: 'hidden' },
  ];

  it('are left out and named in warnings (hidden-rows with the rows, hidden-sheet with the sheet)', () => {
    const file = workbook('hidden.xlsx', sheets);
    const { actions, diagnostics } = actionsOf(file);
    expect(actions.map((a) => a.id)).toEqual(['1.1', '1.3']);
    expect(diagnostics.find((d) => d.code === 'hidden-rows')).toEqual(
      expect.objectContaining({ severity: 'warning', sheet: 'Plan', message: expect.stringMatching(/^row 5 is hidden in Excel and left out \(workbooks\.includeHidden: true/) }),
    );
    expect(diagnostics.find((d) => d.code === 'hidden-sheet')).toEqual(expect.objectContaining({ severity: 'warning', sheet: 'Old plan' }));
  });

  it('runs of hidden rows are named as ranges', () => {
    const rows = [...SMALL_PLAN, ['1.4', 'Fourth', 'May 2024', 'Lead', 'Green'], ['1.5', 'Fifth', 'June 2024', 'Lead', 'Green']];
    const { actions, diagnostics } = actionsOf(workbook('hidden-run.xlsx', [{ name: 'Plan', rows, hiddenRows: [4, 5, 6, 8] }]));
    expect(actions.map((a) => a.id)).toEqual(['1.4']);
    expect(diagnostics.find((d) => d.code === 'hidden-rows')!.message).toMatch(/^rows 4-6, 8 are hidden/);
  });

  it('are read when the settings include them (workbooks.includeHidden)', () => {
    const { actions, diagnostics } = actionsOf(path.join(dir, 'hidden.xlsx'), { includeHidden: true });
    expect(actions.map((a) => a.id)).toEqual(['1.1', '1.2', '1.3']);
    expect(diagnostics.filter((d) => d.code.startsWith('hidden-'))).toEqual([]);
  });
});

describe('hidden columns', () => {
  // SMALL_PLAN's columns: A Ref, B Action, C By when, D Lead, E Status. D is hidden.
  const file = () => workbook('hidden-columns.xlsx', [{ name: 'Plan', rows: SMALL_PLAN, hiddenColumns: [4] }]);

  it('are left out with a hidden-columns warning naming them', () => {
    const { actions, diagnostics } = actionsOf(file());
    expect(actions.map((a) => a.leads.map((l) => l.text))).toEqual([[], [], []]);
    expect(actions.map((a) => a.status?.label)).toEqual(['Green', 'Amber', 'Red']);
    expect(diagnostics.find((d) => d.code === 'hidden-columns')).toEqual(
      expect.objectContaining({ severity: 'warning', sheet: 'Plan', message: expect.stringMatching(/^column D is hidden in Excel and left out \(workbooks\.includeHidden: true/) }),
    );
  });

  it('are read when the settings include them (workbooks.includeHidden)', () => {
    const { actions, diagnostics } = actionsOf(file(), { includeHidden: true });
    expect(actions.map((a) => a.leads.map((l) => l.text).join())).toEqual(['Head of Service', 'Service Manager', 'Principal Social Worker']);
    expect(diagnostics.filter((d) => d.code.startsWith('hidden-'))).toEqual([]);
  });

  it('a hidden column that holds nothing is not mentioned', () => {
    const { diagnostics } = actionsOf(workbook('hidden-empty-column.xlsx', [{ name: 'Plan', rows: SMALL_PLAN, hiddenColumns: [9] }]));
    expect(diagnostics.filter((d) => d.code === 'hidden-columns')).toEqual([]);
  });
});

/** What a JavaScript or system error says, which a person with a spreadsheet cannot act on. */
const INTERNAL_WORDS = /Cannot read propert|is not a function|is not defined|undefined|\bnull\b|TypeError|RangeError|SyntaxError|ReferenceError|ENOENT|EACCES|EISDIR|ERR_|invalid (block|distance|code|stored)|incorrect header check|unexpected end of file|at [\w.<>]+ \(|\bNaN\b|\[object /;

describe('every hostile workbook, in our words', () => {
  it.each(Object.keys(HOSTILE_WORKBOOKS))('%s is read or refused with a plain message', (name) => {
    let messages: string[];
    try {
      messages = readPlan(HOSTILE_WORKBOOKS[name]!(), { fileName: name }).diagnostics.map((d) => d.message);
    } catch (e) {
      // Anything other than our refusal is a crash the user would see as a stack or a library's words.
      expect(e).toBeInstanceOf(UnreadableInputError);
      messages = [(e as UnreadableInputError).reason];
    }
    for (const m of messages) expect(m).not.toMatch(INTERNAL_WORDS);
  });

  it('a truncated .xls names the file, says it is damaged or truncated, and exits 2', () => {
    const file = path.join(dir, 'cut-short.xls');
    fs.writeFileSync(file, HOSTILE_WORKBOOKS['truncated-half.xls']!());
    const r = cabinet(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain('cut-short.xls');
    expect(r.stderr + r.stdout).toMatch(/damaged or truncated/);
    expect(r.stderr + r.stdout).not.toMatch(INTERNAL_WORDS);
  });

  it('a damaged .ods and .xlsx say so too', () => {
    for (const name of ['scribbled-content.ods', 'scribbled-sheet.xlsx', 'truncated-half.ods']) {
      expect(() => readPlan(HOSTILE_WORKBOOKS[name]!(), { fileName: name })).toThrow(/truncated or damaged|damaged or truncated/);
    }
  });

  it('an .xls whose header claims a million sectors is refused before the parser walks them', () => {
    expect(() => readPlan(HOSTILE_WORKBOOKS['lying-sector-count.xls']!(), { fileName: 'lying.xls' })).toThrow(/lists 1,000,000 allocation sectors in a file of \d+/);
  });

  it('an .ods cell repeated over a million rows and 16,384 columns is refused before it is expanded', () => {
    const start = Date.now();
    expect(() => readPlan(HOSTILE_WORKBOOKS['repeated-cells-bomb.ods']!(), { fileName: 'bomb.ods' })).toThrow(/more than 10,000,000 cells.*refused before reading it all/);
    expect(Date.now() - start).toBeLessThan(5000); // a bound on a hostile file's work, not a speed test: expanded, it would not end
  });

  it('100,000 rows of cells without values are read in one pass, not searched to the end once per cell', () => {
    const bytes = HOSTILE_WORKBOOKS['cells-without-values.xlsx']!();
    const start = Date.now();
    expect(() => readPlan(bytes, { fileName: 'no-values.xlsx' })).not.toThrow();
    expect(Date.now() - start).toBeLessThan(10000); // a bound on a hostile file's work: searched to the end per cell, it takes minutes
  });

  it('honest .ods and .xls files of the same plan read all three actions', () => {
    for (const [name, bytes] of [['plan.ods', smallPlanOds()], ['plan.xls', smallPlanXls()]] as const) {
      const { plan } = readPlan(bytes, { fileName: name });
      expect(plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions.map((a) => a.id)))).toEqual(['1.1', '1.2', '1.3']);
    }
  });
});

describe('plan folders', () => {
  it('skip Excel and LibreOffice lock files, Thumbs.db, desktop.ini and dot-files, each with an info line', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'plans-'));
    for (const name of ['plan.xlsx', '~$plan.xlsx', '.~lock.plan.xlsx#', 'Thumbs.db', 'desktop.ini', '._plan.xlsx', '.DS_Store', 'other.csv', 'notes.txt'])
      fs.writeFileSync(path.join(folder, name), 'x');
    const skipped: Diagnostic[] = [];
    expect(workbooksIn(folder, skipped).map((f) => path.basename(f))).toEqual(['other.csv', 'plan.xlsx']);
    expect(skipped.map((d) => [d.severity, d.code, path.basename(d.file!)])).toEqual(
      ['.DS_Store', '._plan.xlsx', '.~lock.plan.xlsx#', 'Thumbs.db', 'desktop.ini', '~$plan.xlsx'].map((n) => ['info', 'not-a-plan-skipped', n]),
    );
    expect(skipped.find((d) => d.file!.endsWith('~$plan.xlsx'))!.message).toBe('skipped ~$plan.xlsx: an Excel lock file (the workbook is open in Excel somewhere), not a plan');
  });
});
