/**
 * To keep a 200,000-row plan small, actions that inherit their leads share the list of the action above,
 * and actions without sub-items share one frozen empty list (table-walker.ts). What each action holds
 * must be what it held when every action had lists of its own: hand-written rows, hand-counted leads.
 */
import { normalisePlan } from '../../src/model/read-plan';
import { readWorkbook } from '../../src/readers/read-workbook';
import { writeWorkbook, type CellSpec } from '../../src/samples/xlsx-writer';
import type { Action } from '../../src/model/plan';

async function actionsOf(rows: CellSpec[][]): Promise<Action[]> {
  const bytes = await writeWorkbook([{ name: 'Plan', rows }], new Date('2024-01-01T00:00:00Z'));
  const { plan } = normalisePlan(readWorkbook(bytes, { fileName: 'plan.xlsx' }));
  return plan!.sections.flatMap((s) => s.themes.flatMap((t) => t.actions));
}

const names = (a: Action | undefined) => (a?.leads ?? []).map((l) => l.name ?? l.text);

describe('leads and sub-items shared between actions', () => {
  const HEADER: CellSpec[] = ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress'];
  /** An action row: ref, action text, due, lead (null: blank); the first of a theme names it. */
  const row = (ref: string, text: string, due: string, lead: string | null, theme: string | null = null): CellSpec[] => [ref, theme, text, due, lead, 'Green', 'On track'];
  const leadLine = (lead: string): CellSpec[] => [null, null, null, null, lead, null, null];

  it('a lead line under an action that inherited its leads is that action\'s alone', async () => {
    const actions = await actionsOf([
      HEADER,
      row('1.1', 'Review the front door', 'April 2024', 'Head of Service – Ann Smith', '1. Front door'),
      row('1.2', 'Train the duty team', 'May 2024', null),
      leadLine('Team Manager – Bob Jones'),
      row('1.3', 'Audit the referrals', 'June 2024', null),
    ]);
    expect(actions.map((a) => a.id)).toEqual(['1.1', '1.2', '1.3']);
    expect(names(actions[0])).toEqual(['Ann Smith']);
    expect(names(actions[1])).toEqual(['Ann Smith', 'Bob Jones']);
    expect(names(actions[2])).toEqual(['Ann Smith']);
    expect(actions.map((a) => a.leadInherited)).toEqual([false, true, true]);
  });

  it('a lead line under the action that read the lead cell is inherited by the actions after it', async () => {
    const actions = await actionsOf([
      HEADER,
      row('2.1', 'Recruit foster carers', 'April 2024', 'Head of Fostering – Cara Lee', '2. Fostering'),
      leadLine('Marketing Lead – Dan Ross'),
      row('2.2', 'Run an open evening', 'May 2024', null),
      row('2.3', 'Review allowances', 'June 2024', 'Finance Manager – Eve Moss'),
      row('2.4', 'Publish the allowances', 'July 2024', null),
    ]);
    expect(names(actions[0])).toEqual(['Cara Lee', 'Dan Ross']);
    expect(names(actions[1])).toEqual(['Cara Lee', 'Dan Ross']);
    expect(names(actions[2])).toEqual(['Eve Moss']);
    expect(names(actions[3])).toEqual(['Eve Moss']);
  });

  it('with nothing to inherit an action\'s lead line stays its own', async () => {
    const actions = await actionsOf([
      HEADER,
      row('3.1', 'Map the services', 'April 2024', null, '3. Mapping'),
      leadLine('Service Manager – Fay Hart'),
      row('3.2', 'Consult the families', 'May 2024', null),
    ]);
    expect(names(actions[0])).toEqual(['Fay Hart']);
    expect(names(actions[1])).toEqual([]);
    expect(actions[1]!.leadInherited).toBe(false);
  });

  it('a sub-item belongs to its action only; the others have none', async () => {
    const actions = await actionsOf([
      HEADER,
      row('4.1', 'Set up the panel', 'April 2024', 'Chair – Gil Park', '4. Panel'),
      row('4.2', 'Write the terms of reference', 'May 2024', null),
      [null, null, 'Agree them with partners', 'June 2024', null, null, null],
      row('4.3', 'Hold the first meeting', 'July 2024', null),
    ]);
    expect(actions.map((a) => a.subItems.map((s) => s.text))).toEqual([[], ['Agree them with partners'], []]);
    expect(JSON.parse(JSON.stringify(actions[0]!.subItems))).toEqual([]);
  });
});
