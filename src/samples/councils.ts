/**
 * Sample councils in shapes other than our three seeds (data/councils/<name>/), each with its own status key
 * kept where real councils keep it. The councils, people and actions are FICTIONAL; the counts in the comments
 * are the hand-counted facts the tests in test/councils/ assert.
 */
import type { CellSpec, SheetSpec } from './xlsx-writer';

type Row = [ref: string, group: string, action: string, lead: string, due: string, status: string, update: string];

/**
 * (a) Eastshire: a Key sheet with fills in the council's own colours and words.
 * 10 actions: Achieved 3, On course 3, Slipping 2, Off track 1, Not yet begun 1.
 * Exceptions, worst first: ES3.1 (Off track), then ES1.3 and ES2.2 (Slipping).
 */
export const EASTSHIRE_KEY: [string, string, string][] = [
  ['Achieved', '#2E75B6', 'Delivered, with evidence checked by the Improvement Board'],
  ['On course', '#70AD47', 'Progressing and expected to meet its target date'],
  ['Slipping', '#F4B183', 'Behind plan; the lead expects to recover by the next review'],
  ['Off track', '#FF0000', 'Will miss its target date without intervention by the Board'],
  ['Not yet begun', '#D9D9D9', 'Not due to start yet'],
];
const EASTSHIRE_ROWS: Row[] = [
  ['ES1.1', 'Safe and effective front door', 'Launch a single front door for all requests for help', 'Head of Early Help – Priya Shah', '30/09/2023', 'Achieved', 'Launched 4 September 2023; audit found 92% of contacts decided within 24 hours'],
  ['ES1.2', 'Safe and effective front door', 'Weekly multi-agency review of repeat contacts', 'MASH Manager – Tom Reid', '31/12/2023', 'Achieved', 'Running weekly since October with police and health'],
  ['ES1.3', 'Safe and effective front door', 'Reduce re-referrals within 12 months to 18%', 'Head of Early Help – Priya Shah', '31/03/2024', 'Slipping', 'Re-referrals at 22% in February; recovery plan agreed'],
  ['ES2.1', 'A stable, skilled workforce', 'Recruit 12 permanent social workers to the assessment teams', 'Head of Workforce – Ellen Brooks', '30/06/2024', 'On course', 'Eight appointed; four offers made'],
  ['ES2.2', 'A stable, skilled workforce', 'Cut agency staff in children’s social care to under 15%', 'Head of Workforce – Ellen Brooks', '31/03/2024', 'Slipping', 'Agency staff at 19%; market supplement under review'],
  ['ES2.3', 'A stable, skilled workforce', 'Launch an Academy for newly qualified social workers', 'Principal Social Worker – Dan Okafor', '30/09/2024', 'On course', 'First cohort of 10 starts in September'],
  ['ES3.1', 'Children in care', 'Open two in-house children’s homes', 'Head of Corporate Parenting – Ruth Lane', '31/01/2024', 'Off track', 'Planning permission refused for the first site; new site sought'],
  ['ES3.2', 'Children in care', 'Review every care plan for children placed out of county', 'Head of Corporate Parenting – Ruth Lane', '31/12/2023', 'Achieved', 'All 46 plans reviewed'],
  ['ES3.3', 'Children in care', 'Refresh the sufficiency strategy with care leavers', 'Commissioning Manager – Sam Ito', '30/06/2024', 'On course', 'Care leavers’ forum workshop held in March'],
  ['ES3.4', 'Children in care', 'Expand the Staying Close offer to all care leavers', 'Commissioning Manager – Sam Ito', '31/03/2025', 'Not yet begun', 'Starts when the 2024/25 budget is confirmed'],
];

export function eastshireSheets(): SheetSpec[] {
  const colour = new Map(EASTSHIRE_KEY.map(([w, c]) => [w, c]));
  const plan: CellSpec[][] = [
    ['Eastshire County Council – Children’s Services Improvement Plan 2023-25'],
    [],
    ['Priority area', 'Ref', 'What we will do', 'Responsible officer', 'Target date', 'Status', 'Latest position'],
    ...EASTSHIRE_ROWS.map(([ref, group, action, lead, due, status, update]): CellSpec[] => [group, ref, action, lead, due, { v: status, fill: colour.get(status)! }, update]),
  ];
  const key: CellSpec[][] = [
    ['Status key'],
    [],
    ['Status', 'What it means'],
    ...EASTSHIRE_KEY.map(([word, fill, meaning]): CellSpec[] => [{ v: word, fill }, meaning]),
  ];
  return [
    { name: 'Action Plan', rows: plan, widths: [30, 8, 60, 36, 12, 14, 60] },
    { name: 'Key', rows: key, widths: [16, 70] },
  ];
}

/**
 * (b) Rivermouth: a title block ("Last updated", "Prepared by") and a key block of words only above the table;
 * Workstream as the theme column, notes under the table.
 * 9 actions: Done 2, Good progress 3, Some concerns 2, Serious concerns 1, Not started 1.
 * Exceptions, worst first: RB2.1 (Serious concerns), then RB1.2 and RB3.1 (Some concerns).
 */
export const RIVERMOUTH_KEY: [string, string][] = [
  ['Done', 'Action delivered and signed off by the portfolio holder'],
  ['Good progress', 'On track to deliver by the deadline'],
  ['Some concerns', 'At risk of missing the deadline; mitigation in hand'],
  ['Serious concerns', 'Will miss the deadline; the board needs to act'],
  ['Not started', 'Work has not yet begun'],
];
const RIVERMOUTH_ROWS: Row[] = [
  ['RB1.1', 'Financial resilience', 'Agree a balanced three-year medium term financial strategy', 'Director of Finance', '29/02/2024', 'Done', 'Agreed by Council on 22 February 2024'],
  ['RB1.2', 'Financial resilience', 'Deliver £2.1m of savings from the transformation programme', 'Director of Finance', '31/03/2024', 'Some concerns', '£1.6m delivered; £0.5m at risk from delayed restructure'],
  ['RB1.3', 'Financial resilience', 'Close the 2022/23 accounts and clear the audit backlog', 'Chief Accountant', '30/09/2024', 'Good progress', 'Draft accounts with the auditors'],
  ['RB2.1', 'Housing and regeneration', 'Bring 120 empty homes back into use', 'Head of Housing', '31/03/2024', 'Serious concerns', '48 homes back in use; enforcement team vacancies'],
  ['RB2.2', 'Housing and regeneration', 'Adopt the town centre regeneration masterplan', 'Head of Regeneration', '31/07/2024', 'Good progress', 'Consultation closed; 640 responses'],
  ['RB2.3', 'Housing and regeneration', 'Open the new homelessness hub', 'Head of Housing', '30/11/2024', 'Not started', 'Awaiting the capital grant decision'],
  ['RB3.1', 'Governance and culture', 'Respond to every recommendation of the peer challenge', 'Chief Executive', '30/04/2024', 'Some concerns', '9 of 14 recommendations addressed'],
  ['RB3.2', 'Governance and culture', 'Member development programme for all councillors', 'Monitoring Officer', '31/01/2024', 'Done', '41 of 44 councillors attended'],
  ['RB3.3', 'Governance and culture', 'Publish a new constitution in plain English', 'Monitoring Officer', '31/05/2024', 'Good progress', 'Draft with the standards committee'],
];

export function rivermouthSheets(): SheetSpec[] {
  const rows: CellSpec[][] = [
    ['Rivermouth Borough Council – Corporate Improvement Plan'],
    ['Last updated: 31/03/2024'],
    ['Prepared by:', 'Policy and Performance Team'],
    [],
    ['Key'],
    ...RIVERMOUTH_KEY.map(([w, m]): CellSpec[] => [w, m]),
    [],
    ['Ref', 'Workstream', 'Action', 'Owner', 'Deadline', 'RAG', 'Commentary'],
    ...RIVERMOUTH_ROWS.map(([ref, group, action, lead, due, status, update]): CellSpec[] => [ref, group, action, lead, due, status, update]),
    [],
    ['Notes: ratings are agreed at the monthly improvement board.'],
    ['Source: service returns to the Policy and Performance Team, March 2024'],
  ];
  return [{ name: 'Improvement Plan', rows, widths: [8, 28, 60, 28, 12, 18, 50] }];
}

/**
 * (c) Hillbrook: a numeric 1-4 rating with its key beside the table (columns J:K, level with the first
 * actions), Outcome and Theme columns.
 * 8 actions: rating 1 ×1 (HB2), 2 ×2 (HB4, HB7), 3 ×3, 4 ×2.
 * Exceptions, worst first: HB2 (1), then HB4 and HB7 (2).
 */
export const HILLBROOK_KEY: [string, string][] = [
  ['1', 'Off track: significant delay, intervention needed'],
  ['2', 'Some slippage: recovery plan in place'],
  ['3', 'On track'],
  ['4', 'Complete'],
];
const HILLBROOK_ROWS: [string, string, string, string, string, string, number, string][] = [
  ['HB1', 'Children are safe', 'Early help', 'Publish the early help strategy with partners', 'Head of Early Help', '31/12/2023', 4, 'Published in December'],
  ['HB2', 'Children are safe', 'Early help', 'Family hubs open in all three localities', 'Head of Early Help', '31/03/2024', 1, 'One hub open; two sites delayed by building works'],
  ['HB3', 'Children are safe', 'Child protection', 'Child protection conference chairs review every plan at 3 months', 'Safeguarding Manager', '30/06/2024', 3, 'Reviews in place for new plans'],
  ['HB4', 'Children are safe', 'Child protection', 'Reduce children on a plan for a second time to below 20%', 'Safeguarding Manager', '31/03/2024', 2, 'At 23%; audit of repeat plans under way'],
  ['HB5', 'Children achieve', 'Education', 'Personal education plans completed on time for 95% of children in care', 'Virtual School Head', '31/07/2024', 3, 'At 91% this term'],
  ['HB6', 'Children achieve', 'Education', 'Appoint a designated teacher lead for care leavers', 'Virtual School Head', '30/11/2023', 4, 'Appointed in November'],
  ['HB7', 'Children achieve', 'SEND', 'Issue 60% of EHC plans within 20 weeks', 'Head of SEND', '31/03/2024', 2, 'At 48%; extra educational psychologists from April'],
  ['HB8', 'Children achieve', 'SEND', 'Co-produce the local offer website with parents', 'Head of SEND', '30/09/2024', 3, 'Parent carer forum leading the design'],
];

export function hillbrookSheets(): SheetSpec[] {
  const rows: CellSpec[][] = [['Hillbrook District Council – Children and Families Plan'], []];
  rows.push(['No.', 'Outcome', 'Theme', 'Activity', 'Lead', 'By when', 'Rating', 'Update', null, 'Rating key', 'Meaning']);
  HILLBROOK_ROWS.forEach(([ref, outcome, theme, action, lead, due, rating, update], i) => {
    const key = HILLBROOK_KEY[i];
    rows.push([ref, outcome, theme, action, lead, due, rating, update, null, key?.[0] ?? null, key?.[1] ?? null]);
  });
  return [{ name: 'Plan', rows, widths: [6, 20, 18, 60, 24, 12, 8, 50, 4, 10, 50] }];
}

/**
 * (d) Lowfield: a tidy tracker with title lines, the commonest shape, in the standard BRAG words.
 * 7 actions: Blue 1, Green 2, Amber 2, Red 1, Grey 1. Exceptions: LF5 (Red), then LF2 and LF6 (Amber).
 */
const LOWFIELD_ROWS: [string, string, string, string, string, string][] = [
  ['LF1', 'Publish the SEND sufficiency plan', 'Head of SEND – Amy Patel', '31/01/2024', 'Blue', 'Published 25 January'],
  ['LF2', 'Clear the backlog of annual reviews of EHC plans', 'SEND Casework Manager – Joe Hart', '31/03/2024', 'Amber', '212 of 340 overdue reviews completed'],
  ['LF3', 'Open 40 resourced provision places in mainstream schools', 'Head of SEND – Amy Patel', '30/09/2024', 'Green', '24 places agreed with schools'],
  ['LF4', 'Agree a joint commissioning plan for therapies with the ICB', 'Joint Commissioner – Lee Wong', '31/07/2024', 'Green', 'Draft with the ICB'],
  ['LF5', 'Reduce waiting times for autism assessment to 18 weeks', 'Joint Commissioner – Lee Wong', '31/03/2024', 'Red', 'Waiting time is 52 weeks; extra provider sought'],
  ['LF6', 'Train all SENCOs in the new graduated approach', 'Inclusion Lead – Mo Khan', '31/03/2024', 'Amber', '61 of 80 SENCOs trained'],
  ['LF7', 'Launch the preparation for adulthood pathway', 'Inclusion Lead – Mo Khan', '31/12/2024', 'Grey', 'Starts in September'],
];

export function lowfieldTrackerSheets(): SheetSpec[] {
  const rows: CellSpec[][] = [
    ['Lowfield City Council – SEND Improvement Tracker'],
    ['Last updated: 31/03/2024'],
    ['Prepared by: Performance and Intelligence'],
    [],
    ['ID', 'Action', 'Lead', 'Due', 'Status', 'Update'],
    ...LOWFIELD_ROWS.map((r): CellSpec[] => [...r]),
    [],
    ['Notes: Status is agreed with each lead at the monthly SEND board.'],
  ];
  return [{ name: 'Tracker', rows, widths: [6, 60, 36, 12, 10, 50] }];
}
