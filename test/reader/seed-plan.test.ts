/**
 * The sample workbooks against the facts of seed 001 (shared/seeds/001_*.txt). Expected values are copied
 * from the seed text, not derived from data/sources, so a slip in the transcription fails here.
 */
import * as path from 'node:path';
import { readPlan } from '../../src/model/read-plan';
import { planActions, type Plan } from '../../src/model/plan';
import { PlanSchema } from '../../src/model/plan';

const data = (f: string) => path.join(__dirname, '..', '..', 'data', f);
const read = (f: string) => {
  const r = readPlan(data(f));
  if (!r.plan) throw new Error(JSON.stringify(r.diagnostics));
  return r as { plan: Plan; diagnostics: typeof r.diagnostics };
};
const council = read('wf-improvement-plan-2023-24.xlsx');
const plan = council.plan;
const action = (id: string) => [...planActions(plan)].find((x) => x.action.id === id)!.action;

const SEED_IDS = [
  '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '3.5', '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '7.1', '7.2', '7.3', '8.1', '8.2', '8.3', '9.1', '9.2', '9.3',
  '10.1', '10.2', '10.3', '11.1', '11.2', '11.3', '12.1', '13.1', '13.2', '13.3', '14.1', '14.2',
  '15.1', '15.2', '15.3', '16.1', '16.2', '16.3', '17.1', '17.2', '18.1', '18.2', '18.3',
];

describe('seed 001 read from the council layout', () => {
  it('is a valid Plan', () => {
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it('has the four sections with their codes and titles', () => {
    expect(plan.sections.map((s) => [s.code, s.title])).toEqual([
      ['A', 'Impact of leaders on social work practice'],
      ['B', 'Experiences and progress of children who need help and protection'],
      ['C', 'Focus: Experiences and progress of Children in Care'],
      ['D', 'Focus: Experiences and progress of Care Leavers'],
    ]);
  });

  it('has every theme in order, numbered 1-18 then section D unnumbered', () => {
    const themes = plan.sections.flatMap((s) => s.themes.map((t) => (t.number ? `${t.number}. ${t.title}` : t.title)));
    expect(themes.slice(0, 3)).toEqual(['1. Providing strategic leadership', '2. Creating a learning culture', '3. Developing the workforce']);
    expect(themes[17]).toBe('18. Legal pathways and planning');
    expect(themes.slice(18)).toEqual([
      'Health and emotional wellbeing', 'Employment, education and training', 'Support into adulthood',
      'Local Offer for Care Leavers', 'Health and emotional wellbeing', 'Relationships and participation',
    ]);
  });

  it('has every action id of the seed in order, and section D without ids', () => {
    const all = [...planActions(plan)];
    expect(all.filter((x) => x.action.id).map((x) => x.action.id)).toEqual(SEED_IDS);
    expect(all.filter((x) => x.section.code === 'D').map((x) => x.action.id)).toEqual(Array(6).fill(undefined));
  });

  it('takes ids off the front of the action text', () => {
    expect(action('1.1').text).toBe('Develop a Children and Families Quality Assurance Framework');
  });

  it('inherits blank leads from the row above', () => {
    expect(action('5.2').leadInherited).toBe(true);
    expect(action('5.2').leads).toEqual([{ text: 'Senior Manager Stefan Chapleo', role: 'Senior Manager', name: 'Stefan Chapleo' }]);
    expect(action('6.6').leads[0]!.name).toBe('Lorraine Hopkins');
    expect(action('5.1').leadInherited).toBe(false);
  });

  it('keeps "&" inside a job title and splits two-lead cells', () => {
    expect(action('1.1').leads).toEqual([{ text: 'Assistant Director Children & Families – Jonathan Taylor', role: 'Assistant Director Children & Families', name: 'Jonathan Taylor' }]);
    expect(action('3.4').leads.map((l) => l.name)).toEqual(['Tracey Thompson', 'Jonathan Taylor']);
    expect(action('16.3').leads.map((l) => [l.role, l.name])).toEqual([
      ['Assistant Director Children & Families', 'Jonathan Taylor'],
      ['Assistant Director Commissioning and Procurement', 'Sharon Simpson'],
    ]);
    expect(action('1.4').leads.map((l) => [l.role, l.name])).toEqual([['Senior Manager', 'Jean Mawdsley'], ['Senior Manager', 'Stefan Chapleo']]);
  });

  it('reads strategic leads and aims of each section', () => {
    expect(plan.sections[0]!.strategicLeads[0]).toMatchObject({ role: 'Assistant Director Children & Families', name: 'Jonathan Taylor' });
    expect(plan.sections[3]!.strategicLeads[0]).toMatchObject({ role: 'Senior Manager', name: 'Jean Mawdsley' });
    expect(plan.sections[1]!.aim).toMatch(/^Our aim is to ensure that our response to children and young people in need of help/);
  });

  it('keeps month-precision dates with their text', () => {
    expect(action('1.1').due).toMatchObject({ text: 'August 2023', precision: 'month', start: '2023-08-01', date: '2023-08-31' });
    expect(action('8.3').due.date).toBe('2024-02-29');
  });

  it("attaches 18.3's id-less workstreams to it with their own dates", () => {
    expect(action('18.3').subItems.map((s) => [s.text, s.due.text])).toEqual([
      ['Notification and Transfer across Local Authority Boundaries Procedure', 'July 2023'],
      ['Northwest Pre- Care and Care Proceeding', 'August 2023'],
      ['CAFCASS pilot to be considered', 'October 2023'],
      ['Review pre proceedings guidance and process', 'October 2023'],
    ]);
  });

  it("reads the plan's own BRAG key", () => {
    expect(plan.legend.origin).toBe('workbook');
    expect(plan.legend.basis).toBe('Progress against timescale');
    expect(plan.legend.entries.map((e) => [e.label, e.meaning.split(' (')[0]])).toEqual([
      ['Grey', 'Action not started'],
      ['Blue', 'Action completed and signed off'],
      ['Green', 'Action on target'],
      ['Amber', 'Action delayed and likely to miss completion deadline'],
      ['Red', 'Action significantly delayed and has missed completion deadline'],
    ]);
    expect(plan.legend.entries.find((e) => e.complete)!.label).toBe('Blue');
  });

  it('reads the impact measures of each section', () => {
    expect(plan.sections[0]!.impact).toEqual({
      kpis: ['Supervision frequency', 'Workforce retention', 'EPW rates'],
      quality: ['Supervision audits', 'Observations of practice', 'Collaborative practice audits'],
      interdependencies: ['Workforce strategy', 'Council Delivery Framework', 'QA framework', 'Signs of Safety Implementation plan'],
    });
    expect(plan.sections[1]!.impact.kpis).toContain('Number of repeat missing episodes');
  });

  it("warns about the seed's own quirks: theme 7 due after the plan's period, D leads repeating the action", () => {
    const warnings = council.diagnostics.map((d) => `${d.code} ${d.cell}`);
    expect(warnings.filter((w) => w.startsWith('due-outside-plan-period'))).toHaveLength(3);
    expect(warnings.filter((w) => w.startsWith('lead-repeats-action'))).toHaveLength(2);
    expect(council.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('reads the KPIs sheet beside the plan', () => {
    expect(plan.kpis.find((k) => k.name === 'Re-referral rates')).toMatchObject({ baseline: 24, target: 20, current: 22, polarity: 'down', section: 'B' });
  });
});

describe('the same plan as a flat tracker and as CSV', () => {
  const project = (p: Plan) =>
    [...planActions(p)].map(({ section, theme, action: a }) => ({
      section: `${section.code}. ${section.title}`,
      theme: `${theme.number ?? ''} ${theme.title}`,
      id: a.id,
      text: a.text,
      leads: a.leads,
      status: a.status?.label,
      progress: a.progress,
      due: a.due.date,
      subItems: a.subItems.map((s) => [s.text, s.due.date]),
    }));

  it.each(['wf-improvement-plan-tracker.xlsx', 'wf-improvement-plan-tracker.csv'])('%s gives the same actions', (file) => {
    const other = read(file).plan;
    expect(project(other)).toEqual(project(plan));
  });

  it('reads real date cells at day precision and status letters through the legend', () => {
    const tracker = read('wf-improvement-plan-tracker.xlsx').plan;
    const first = [...planActions(tracker)][0]!.action;
    expect(first.due).toMatchObject({ precision: 'day', date: '2023-08-31' });
    expect(first.status).toMatchObject({ label: 'Blue', text: 'B' });
  });
});
