/**
 * Status keys are data: the plan's own key wherever the council put it, settings that refine it, and every
 * status outside it an error at its cell. Each workbook is built here, so the expected cells are counted from
 * the rows below (row 1 is the first row).
 */
import { readPlan, type ReadPlanOptions } from '../../src/model/read-plan';
import { PlanSchema, planActions, type Plan } from '../../src/model/plan';
import { writeWorkbook, type CellSpec, type SheetSpec } from '../../src/samples/xlsx-writer';
import { eastshireSheets } from '../../src/samples/councils';
import { exceptions, changes, inconsistencies } from '../../src/board-pack/analysis';
import { familyOfColour, familyOfWords } from '../../src/model/normalise/status-family';

const CREATED = new Date('2024-03-28T09:00:00Z');

async function read(sheets: SheetSpec[], options: ReadPlanOptions = {}) {
  return readPlan(await writeWorkbook(sheets, CREATED), { fileName: 'plan.xlsx', ...options });
}
const where = (d: { code: string; sheet?: string | undefined; cell?: string | undefined }) => `${d.code} ${d.sheet}!${d.cell}`;
const statuses = (plan: Plan) => [...planActions(plan)].map(({ action }) => `${action.id}=${action.status?.label ?? '-'}`);

/** Eastshire's workbook with one status cell changed (row 4 is ES1.1, its Status in column F). */
function eastshireWith(edit: (rows: CellSpec[][], key: CellSpec[][]) => void): SheetSpec[] {
  const [plan, key] = eastshireSheets();
  edit(plan!.rows, key!.rows);
  return [plan!, key!];
}

describe('a status not in the key', () => {
  it('is an error at its cell naming the key’s words and the nearest one: "Delayed" is not silently Slipping', async () => {
    const { plan, diagnostics } = await read(eastshireWith((rows) => (rows[4]![5] = 'Delayed')));
    expect(diagnostics.map(where)).toEqual(['unknown-status Action Plan!F5']);
    expect(diagnostics[0]!.message).toBe(
      '"Delayed" is not in this plan\'s legend (Achieved, On course, Slipping, Off track, Not yet begun); nearest: "Slipping" (Behind plan; the lead expects to recover by the next review). ' +
        'Write the key\'s word, or list "Delayed" under aliases of "Slipping" in the settings\' legend:',
    );
    expect(statuses(plan!)[1]).toBe('ES1.2=-');
  });

  it('is an error under the standard legend too: "Delayed" does not become Amber', async () => {
    const rows: CellSpec[][] = [['Ref', 'Action', 'Lead', 'Due', 'RAG'], ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Delayed']];
    const { diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(diagnostics.map(where)).toEqual(['unknown-status Plan!E2']);
    expect(diagnostics[0]!.message).toContain('nearest: "Amber"');
  });

  it('takes no letter as a guess in a key of words: "A" is not Achieved', async () => {
    const { diagnostics } = await read(eastshireWith((rows) => (rows[3]![5] = 'A')));
    expect(diagnostics.map(where)).toEqual(['unknown-status Action Plan!F4']);
    expect(diagnostics[0]!.message).not.toContain('nearest');
  });

  it('accepts the key’s word followed by a note, and a spelling the settings add as an alias', async () => {
    const sheets = eastshireWith((rows) => {
      rows[3]![5] = 'Achieved - see evidence log';
      rows[4]![5] = 'Delayed';
    });
    const { plan, diagnostics } = await read(sheets, { legend: [{ label: 'Slipping', aliases: ['Delayed'] }] });
    expect(diagnostics).toEqual([]);
    expect(statuses(plan!).slice(0, 2)).toEqual(['ES1.1=Achieved', 'ES1.2=Slipping']);
  });
});

describe('warnings about the key and the fills', () => {
  it('warns at the cell when the key lists one word twice, and uses the first', async () => {
    const { plan, diagnostics } = await read(eastshireWith((_rows, key) => key.push([{ v: 'Slipping', fill: '#FF0000' }, 'Said twice'])));
    expect(diagnostics.map(where)).toEqual(['legend-duplicate Key!A9']);
    expect(diagnostics[0]!.message).toContain('(first at A6)');
    expect(plan!.legend.entries.filter((e) => e.label === 'Slipping')).toHaveLength(1);
  });

  it('warns at the cell when an action’s fill says another status than its word, and keeps the word', async () => {
    const { plan, diagnostics } = await read(eastshireWith((rows) => (rows[3]![5] = { v: 'Achieved', fill: '#FF0000' })));
    expect(diagnostics.map(where)).toEqual(['status-fill-contradicts Action Plan!F4']);
    expect(diagnostics[0]!.message).toContain('like "Off track"');
    expect(statuses(plan!)[0]).toBe('ES1.1=Achieved');
  });

  it('warns when it cannot tell how serious a key word is, and does not make it an exception', async () => {
    const rows: CellSpec[][] = [
      ['Key'], ['1', 'Stage one'], ['2', 'Stage two'], [],
      ['Ref', 'Action', 'Lead', 'Due', 'Status'], ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 1],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(diagnostics.map(where)).toEqual(['legend-severity-unknown Plan!A2', 'legend-severity-unknown Plan!A3']);
    expect(plan!.legend.entries.map((e) => e.exception)).toEqual([false, false]);
  });
});

describe('rank, complete and exceptions come from the key, or from the settings', () => {
  it('ranks a words-and-fills key by severity, whatever its order', async () => {
    const { plan } = await read(eastshireSheets());
    const byRank = [...plan!.legend.entries].sort((a, b) => a.rank - b.rank).map((e) => e.label);
    expect(byRank).toEqual(['Off track', 'Slipping', 'Not yet begun', 'On course', 'Achieved']);
    expect(plan!.legend.entries.filter((e) => e.complete).map((e) => e.label)).toEqual(['Achieved']);
    expect(exceptions(plan!).map((l) => l.action.id)).toEqual(['ES3.1', 'ES1.3', 'ES2.2']);
  });

  it('lets the settings rank, complete and except a word', async () => {
    const legend = [{ label: 'Not yet begun', rank: 0, exception: true }, { label: 'On course', complete: true }];
    const { plan } = await read(eastshireSheets(), { legend });
    const entry = (l: string) => plan!.legend.entries.find((e) => e.label === l)!;
    expect(entry('Not yet begun')).toMatchObject({ rank: 0, exception: true });
    expect(entry('On course')).toMatchObject({ complete: true });
    // Not yet begun shares rank 0 with Off track: equal ranks keep plan order.
    expect(exceptions(plan!).map((l) => l.action.id)).toEqual(['ES3.1', 'ES3.4', 'ES1.3', 'ES2.2']);
  });

  it('uses the settings legend when the workbook has no key', async () => {
    const rows: CellSpec[][] = [['Ref', 'Action', 'Lead', 'Due', 'Status'], ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Behind'], ['2', 'Another', 'Ann Smith', '31/03/2024', 'Met']];
    const legend = [{ label: 'Met', colour: '#2E75B6', complete: true }, { label: 'Behind', meaning: 'Behind schedule', colour: '#FF0000' }];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }], { legend });
    expect(diagnostics).toEqual([]);
    expect(plan!.legend.origin).toBe('settings');
    expect(plan!.legend.entries.map((e) => [e.label, e.colour, e.complete, e.exception])).toEqual([['Met', '#2E75B6', true, false], ['Behind', '#FF0000', false, true]]);
  });

  it('reads a status moving between two words of a council key as up or down by rank', async () => {
    const now = (await read(eastshireSheets())).plan!;
    const before = (await read(eastshireWith((rows) => {
      rows[3]![5] = { v: 'Off track', fill: '#FF0000' }; // ES1.1 was Off track, is Achieved: up
      rows[5]![5] = { v: 'On course', fill: '#70AD47' }; // ES1.3 was On course, is Slipping: down
    }))).plan!;
    expect(changes(now, before).moved.map((m) => [m.item.action.id, m.from, m.to, m.direction])).toEqual([
      ['ES1.1', 'Off track', 'Achieved', 'up'],
      ['ES1.3', 'On course', 'Slipping', 'down'],
    ]);
  });
});

describe('a tracker with a title block, header synonyms, notes and gaps', () => {
  const rows: CellSpec[][] = [
    ['Northvale Council – Adult Social Care Improvement Tracker'], // 1
    ['Last updated', '31/03/2024'], // 2
    ['Prepared by:', 'Performance Team'], // 3
    [], // 4
    ['No.', 'Priority area', 'Workstream', 'What we will do', 'Responsible Officer', 'By when', 'Rating', 'Latest position'], // 5
    ['1', 'Safe services', 'Safeguarding', 'Clear the safeguarding enquiry backlog', 'Head of Safeguarding', '31/03/2024', 'Green', 'Backlog at 12'], // 6
    ['2', null, null, 'Audit 50 enquiries a quarter', 'Head of Safeguarding', '30/06/2024', 'Amber', 'First audit done'], // 7
    [], // 8
    [null, null, null, null, null, '31/05/2024', 'Red', null], // 9: no action text
    ['No.', 'Priority area', 'Workstream', 'What we will do', 'Responsible Officer', 'By when', 'Rating', 'Latest position'], // 10
    ['3', 'Good outcomes', 'Reablement', 'Expand reablement to 7 days a week', 'Head of Reablement', '30/09/2024', 'Blue', 'Live from March'], // 11
    [], // 12
    ['Note: ratings are agreed by the Adults Improvement Board.'], // 13
  ];

  it('reads every action, with section and theme from the synonyms, and names every other row', async () => {
    const { plan, diagnostics } = await read([{ name: 'Tracker', rows }]);
    expect(plan!.sections.map((s) => [s.title, s.themes.map((t) => t.title)])).toEqual([
      ['Safe services', ['Safeguarding']],
      ['Good outcomes', ['Reablement']],
    ]);
    expect(statuses(plan!)).toEqual(['1=Green', '2=Amber', '3=Blue']);
    expect([...planActions(plan!)].map(({ action }) => [action.leads[0]?.text, action.due.text, action.progress])[2]).toEqual(['Head of Reablement', '30/09/2024', 'Live from March']);
    expect(diagnostics.map((d) => `${d.severity} ${where(d)}`)).toEqual([
      'info row-not-an-action Tracker!A2',
      'info row-not-an-action Tracker!A3',
      'warning row-not-an-action Tracker!D9',
      'info row-not-an-action Tracker!A13',
    ]);
    expect(diagnostics[2]!.message).toBe('row 9 has no action text: expected what will be done in the action column, found "31/05/2024", "Red"; the row is not read as an action');
  });

  it('reads a key written one entry per cell under a Key heading ("Off track = …")', async () => {
    const keyed: CellSpec[][] = [
      ['Plan'], ['Key:'], ['On track = delivering to plan'], ['Off track = will miss its date'], ['Done = delivered'], [],
      ['Ref', 'Action', 'Lead', 'Due', 'Status'], ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Off track'],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows: keyed }]);
    expect(diagnostics).toEqual([]);
    expect(plan!.legend.entries.map((e) => [e.label, e.meaning, e.exception, e.complete])).toEqual([
      ['On track', 'delivering to plan', false, false],
      ['Off track', 'will miss its date', true, false],
      ['Done', 'delivered', false, true],
    ]);
  });
});

describe('the colour and word families a key is ranked by', () => {
  it.each([
    ['#C00000', 'red'], ['#FF0000', 'red'], ['#FFC7CE', 'red'], ['#FFC000', 'amber'], ['#F4B183', 'amber'], ['#FFFF00', 'amber'],
    ['#00B050', 'green'], ['#C6EFCE', 'green'], ['#70AD47', 'green'], ['#0070C0', 'blue'], ['#2E75B6', 'blue'],
    ['#A6A6A6', 'grey'], ['#D9D9D9', 'grey'], ['#FFFFFF', undefined], ['#7030A0', undefined],
  ])('fill %s is %s', (hex, family) => expect(familyOfColour(hex)).toBe(family));

  it.each([
    ['Not yet begun', 'grey'], ['Off track', 'red'], ['Not on track: action required', 'red'], ['Slipping', 'amber'],
    ['Action delayed and likely to miss completion deadline', 'amber'], ['Achieved', 'blue'], ['Done', 'blue'],
    ['On course', 'green'], ['Good progress', 'green'], ['Stage one', undefined],
  ])('"%s" names %s', (words, family) => expect(familyOfWords(words)).toBe(family));
});

describe('a column beside the table is not a key', () => {
  it('reads "RAG last month" and its notes as table columns, not as a key beside the table', async () => {
    const rows: CellSpec[][] = [
      ['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Update', 'RAG last month', 'Notes'],
      ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Green', 'Fine', 'Amber', 'Was behind in February'],
      ['2', 'Do another', 'Ann Smith', '31/03/2024', 'Red', 'Late', 'Green', 'Fell behind in March'],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(diagnostics).toEqual([]);
    expect(plan!.legend.origin).toBe('standard');
    expect(statuses(plan!)).toEqual(['1=Green', '2=Red']);
  });

  it('nor is a second rating column headed like a status', async () => {
    const rows: CellSpec[][] = [
      ['Ref', 'Action', 'Lead', 'Due', 'Status', 'Update', 'Rating', 'Comments'],
      ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Green', 'Fine', 'Amber', 'Was behind in February'],
      ['2', 'Do another', 'Ann Smith', '31/03/2024', 'Red', 'Late', 'Green', 'Fell behind in March'],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(diagnostics).toEqual([]);
    expect(plan!.legend.origin).toBe('standard');
  });
});

describe('a summary of counts above the table is not a key', () => {
  it('reads "Red | 2" rows as a summary: the standard legend applies and they are named as notes', async () => {
    const rows: CellSpec[][] = [
      ['Summary'], ['Red', 1], ['Amber', 1], [],
      ['Ref', 'Action', 'Lead', 'Due', 'RAG'], ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Red'], ['2', 'Another', 'Ann Smith', '31/03/2024', 'Amber'],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(plan!.legend.origin).toBe('standard');
    expect(diagnostics.map((d) => `${d.severity} ${where(d)}`)).toEqual(['info row-not-an-action Plan!A2', 'info row-not-an-action Plan!A3']);
  });
});

describe('downstream reads flags, not words', () => {
  it('flags an overdue action rated with the key’s on-track word, in that word', async () => {
    const { plan } = await read(eastshireSheets());
    const problems = inconsistencies(plan!, '2024-07-31').filter((p) => p.item.action.id === 'ES2.1').map((p) => p.problem);
    expect(problems).toEqual(['Rated On course but its due date (30/06/2024) has passed']);
  });

  it('reads "2 - some slippage" as rating 2 in a numeric key, but not "2 weeks late"', async () => {
    const rows: CellSpec[][] = [
      ['Ref', 'Action', 'Lead', 'Due', 'Rating', 'Update', null, 'Rating key'],
      ['1', 'Do a thing', 'Ann Smith', '31/03/2024', '2 - some slippage', 'Late', null, '1', 'Off track'],
      ['2', 'Another', 'Ann Smith', '31/03/2024', '2 weeks late', 'Late', null, '2', 'Some slippage'],
      [null, null, null, null, null, null, null, '3', 'On track'],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(statuses(plan!)).toEqual(['1=2', '2=-']);
    expect(diagnostics.map(where)).toEqual(['unknown-status Plan!E3']);
  });

  it('keeps snapshots written before exception and notStarted existed readable', async () => {
    const { plan } = await read(eastshireSheets());
    const old = JSON.parse(JSON.stringify(plan)) as { legend: { entries: Record<string, unknown>[] } };
    for (const e of old.legend.entries) {
      delete e.exception;
      delete e.notStarted;
    }
    const parsed = PlanSchema.parse(old);
    expect(parsed.legend.entries.map((e) => [e.exception, e.notStarted])).toEqual(Array(5).fill([false, false]));
  });
});

describe('a key across one row', () => {
  it('reads "Key: | Achieved | On course | Off track" in filled cells above the table', async () => {
    const rows: CellSpec[][] = [
      ['Plan'],
      ['Key:', { v: 'Achieved', fill: '#2E75B6' }, { v: 'On course', fill: '#70AD47' }, { v: 'Off track', fill: '#FF0000' }],
      [],
      ['Ref', 'Action', 'Lead', 'Due', 'Status'], ['1', 'Do a thing', 'Ann Smith', '31/03/2024', 'Off track'], ['2', 'Another', 'Ann Smith', '31/03/2024', { v: '', fill: '#70AD47' }],
    ];
    const { plan, diagnostics } = await read([{ name: 'Plan', rows }]);
    expect(diagnostics).toEqual([]);
    expect(plan!.legend.entries.map((e) => [e.label, e.colour, e.rank, e.exception])).toEqual([
      ['Achieved', '#2E75B6', 2, false], ['On course', '#70AD47', 1, false], ['Off track', '#FF0000', 0, true],
    ]);
    expect(statuses(plan!)).toEqual(['1=Off track', '2=On course']);
  });
});
