/**
 * checked-plan.ts keeps the normaliser's action objects instead of zod's copies (memory: issue 17). The
 * plan it returns must be the plan a parse of the whole plan gives, byte for byte as JSON, and a plan
 * that does not fit the model must still be refused with the schema's own words.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkbook } from '../../src/readers/read-workbook';
import { normalisePlan } from '../../src/model/read-plan';
import { checkedPlan } from '../../src/model/checked-plan';
import { ACTION_KEYS, ACTION_SOURCE_KEYS, CELL_REF_KEYS, DUE_KEYS, LEAD_KEYS, STATUS_KEYS, SUB_ITEM_KEYS, isExactAction } from '../../src/model/action-check';
import { ActionSchema, CellRefSchema, DueDateSchema, LeadSchema, PlanSchema, StatusSchema, SubItemSchema, type Action, type Plan } from '../../src/model/plan';
import { planWorkbook } from '../../src/bench/read-plan.bench';

const ROOT = path.resolve(__dirname, '..', '..');
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const workbooks = walk(path.join(ROOT, 'data')).filter((f) => /\.(xlsx|csv)$/.test(f) && !/encrypted|not-a-spreadsheet|empty\.xlsx/.test(f));

function normalised(file: string) {
  return normalisePlan(readWorkbook(file));
}

const ACTION: Action = {
  id: '1.1',
  text: 'Review the service',
  due: { text: 'April 2024', precision: 'month', date: '2024-04-30', start: '2024-04-01', source: { sheet: 'Plan', cell: 'D5' } },
  leads: [{ text: 'Senior Manager – Ann Smith', role: 'Senior Manager', name: 'Ann Smith' }],
  leadInherited: false,
  status: { label: 'Blue', text: 'Blue', source: { sheet: 'Plan', cell: 'F5' } },
  progress: 'Progress note',
  percentComplete: 50,
  subItems: [{ text: 'A part', due: { text: '', precision: 'none' }, leads: [], source: { sheet: 'Plan', cell: 'C6' } }],
  source: { sheet: 'Plan', row: 5 },
};

const clone = (a: Action): Record<string, unknown> => JSON.parse(JSON.stringify(a)) as Record<string, unknown>;

describe('checked plan', () => {
  it('has workbooks to compare', () => expect(workbooks.length).toBeGreaterThanOrEqual(15));

  it.each(workbooks.map((f) => path.relative(ROOT, f)))('%s: the same plan, as JSON, as parsing the whole plan gave', (file) => {
    const result = normalised(path.join(ROOT, file));
    if (!result.plan) return expect(result.diagnostics.some((d) => d.code === 'no-plan-table')).toBe(true);
    const whole = PlanSchema.parse(result.plan);
    const checked = checkedPlan(result, file);
    expect(checked.diagnostics).toBe(result.diagnostics);
    expect(JSON.stringify(checked.plan)).toBe(JSON.stringify(whole));
  });

  it('keeps the normaliser\'s own action objects (no copy of each action)', async () => {
    const file = path.join(os.tmpdir(), `checked-plan-${process.pid}.xlsx`);
    fs.writeFileSync(file, await planWorkbook(300));
    try {
      const result = normalised(file);
      const first = result.plan!.sections[0]!.themes[0]!.actions[0]!;
      const checked = checkedPlan(result, file);
      expect(checked.plan!.sections[0]!.themes[0]!.actions[0]).toBe(first);
      expect(JSON.stringify(checked.plan)).toBe(JSON.stringify(PlanSchema.parse(result.plan)));
      expect(checked.plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions))).toHaveLength(300);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('an action out of key order or with a key the schema does not know is replaced by the schema\'s copy', () => {
    const plan = normalised(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx')).plan!;
    const theme = plan.sections[0]!.themes[0]!;
    const { id, ...rest } = theme.actions[0]!;
    theme.actions[0] = { ...rest, id, extra: 'x' } as unknown as Action;
    const checked = checkedPlan({ plan, diagnostics: [] }, 'plan.xlsx');
    expect(JSON.stringify(checked.plan)).toBe(JSON.stringify(PlanSchema.parse(plan)));
    expect(Object.keys(checked.plan!.sections[0]!.themes[0]!.actions[0]!)[0]).toBe('id');
  });

  it('a plan that does not fit the model is refused, naming the action field', () => {
    const plan: Plan = normalised(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx')).plan!;
    (plan.sections[0]!.themes[0]!.actions[1] as unknown as Record<string, unknown>).leadInherited = 'yes';
    const checked = checkedPlan({ plan, diagnostics: [] }, 'plan.xlsx');
    expect(checked.plan).toBeUndefined();
    expect(checked.diagnostics).toHaveLength(1);
    expect(checked.diagnostics[0]!.code).toBe('plan-model-invalid');
    expect(checked.diagnostics[0]!.message).toContain('sections.0.themes.0.actions.1.leadInherited');
  });

  it('a fault outside the actions is still found by the schema', () => {
    const plan = normalised(path.join(ROOT, 'data/wf-improvement-plan-2023-24.xlsx')).plan!;
    (plan.source as unknown as Record<string, unknown>).headerRow = 2.5;
    const checked = checkedPlan({ plan, diagnostics: [] }, 'plan.xlsx');
    expect(checked.plan).toBeUndefined();
    expect(checked.diagnostics[0]!.message).toContain('source.headerRow');
  });
});

describe('isExactAction agrees with ActionSchema', () => {
  it('lists each schema\'s keys in its order', () => {
    expect(ACTION_KEYS).toEqual(Object.keys(ActionSchema.shape));
    expect(DUE_KEYS).toEqual(Object.keys(DueDateSchema.shape));
    expect(LEAD_KEYS).toEqual(Object.keys(LeadSchema.shape));
    expect(STATUS_KEYS).toEqual(Object.keys(StatusSchema.shape));
    expect(SUB_ITEM_KEYS).toEqual(Object.keys(SubItemSchema.shape));
    expect(CELL_REF_KEYS).toEqual(Object.keys(CellRefSchema.shape));
    expect(ACTION_SOURCE_KEYS).toEqual(Object.keys(ActionSchema.shape.source.shape));
  });

  it('says yes to a full action and to one with every optional field left out', () => {
    expect(ActionSchema.safeParse(ACTION).success).toBe(true);
    expect(isExactAction(ACTION)).toBe(true);
    const bare = { text: 't', due: { text: '', precision: 'none' }, leads: [], leadInherited: true, subItems: [], source: { sheet: 'S', row: 1 } };
    expect(isExactAction(bare)).toBe(true);
  });

  // Each case breaks one thing; whenever zod refuses it, isExactAction must say no too.
  const broken: [string, (a: Record<string, unknown>) => void][] = [
    ['text a number', (a) => (a.text = 1)],
    ['id null', (a) => (a.id = null)],
    ['due missing', (a) => delete a.due],
    ['unknown precision', (a) => ((a.due as Record<string, unknown>).precision = 'week')],
    ['date not ISO', (a) => ((a.due as Record<string, unknown>).date = '30/04/2024')],
    ['start not ISO', (a) => ((a.due as Record<string, unknown>).start = '2024-4-1')],
    ['due source without cell', (a) => ((a.due as Record<string, unknown>).source = { sheet: 'Plan' })],
    ['leads not an array', (a) => (a.leads = 'Ann')],
    ['lead without text', (a) => (a.leads = [{ role: 'x' }])],
    ['lead role a number', (a) => (a.leads = [{ text: 'x', role: 1 }])],
    ['leadInherited a string', (a) => (a.leadInherited = 'false')],
    ['status without label', (a) => (a.status = { text: 'Blue' })],
    ['progress a number', (a) => (a.progress = 3)],
    ['percent NaN', (a) => (a.percentComplete = NaN)],
    ['percent Infinity', (a) => (a.percentComplete = Infinity)],
    ['percent a string', (a) => (a.percentComplete = '50')],
    ['subItems missing', (a) => delete a.subItems],
    ['sub item without due', (a) => (a.subItems = [{ text: 'x', leads: [] }])],
    ['row not whole', (a) => ((a.source as Record<string, unknown>).row = 1.5)],
    ['row a string', (a) => ((a.source as Record<string, unknown>).row = '5')],
    ['source missing', (a) => delete a.source],
  ];
  it.each(broken)('%s: zod refuses it and so does isExactAction', (_name, breakIt) => {
    const a = clone(ACTION);
    breakIt(a);
    expect(ActionSchema.safeParse(a).success).toBe(false);
    expect(isExactAction(a)).toBe(false);
  });

  // Accepted by zod but not what zod gives back: checked-plan.ts must then use zod's copy.
  const notExact: [string, (a: Record<string, unknown>) => Record<string, unknown>][] = [
    ['an extra key', (a) => ({ ...a, extra: 1 })],
    ['keys out of order', ({ id, ...rest }) => ({ ...rest, id })],
    ['due keys out of order', (a) => {
      const { start, date, ...due } = a.due as Record<string, unknown>;
      return { ...a, due: { ...due, start, date } };
    }],
    ['a lead with an extra key', (a) => ({ ...a, leads: [{ text: 'x', cell: 'E5' }] })],
  ];
  it.each(notExact)('%s: not kept as it is', (_name, change) => {
    const a = change(clone(ACTION));
    const parsed = ActionSchema.safeParse(a);
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.data)).not.toBe(JSON.stringify(a));
    expect(isExactAction(a)).toBe(false);
  });
});
