/**
 * Workbooks behind the Shropshire (seed 002) and Leicestershire (seed 003) sample reports. The section
 * names, risks and the £2.5m growth bid come from the seeds; actions, dates, statuses, scores and the split
 * of the £2.5m are ILLUSTRATIVE, written to exercise other real layouts (Section and Ref columns, dd/mm/yyyy,
 * Aug-24, TBC, Q3 2017/18, 2018/19, a £'000 finance sheet with a typed total).
 */
import type { CellSpec, SheetSpec } from './xlsx-writer';

const RAG: Record<string, string> = { Red: '#C00000', Amber: '#FFC000', Green: '#00B050', Complete: '#0070C0' };
const status = (s: string): CellSpec => ({ v: s, fill: RAG[s]! });

const SHROPSHIRE_SECTIONS: [string, [string, string, string, string, string][]][] = [
  ['Quality of Practice and Quality Assurance', [
    ['QP1', 'Refresh the practice standards for child in need and child protection work', '30/04/2024', 'Service Manager – Safeguarding', 'Green'],
    ['QP2', 'Monthly thematic audits of CIN and CP plans with moderation by senior leaders', 'Ongoing', 'Head of Quality Assurance', 'Green'],
  ]],
  ['Capacity, Caseloads & Demand Management', [
    ['CC1', 'Reduce average caseloads in the safeguarding teams to no more than 18', 'Aug-24', 'Assistant Director Children’s Social Care', 'Amber'],
    ['CC2', 'Weekly demand and capacity dashboard reviewed by the Improvement Board', '31/03/2024', 'Performance Lead', 'Complete'],
  ]],
  ['Management Oversight', [
    ['MO1', 'Supervision recorded on every child’s file at least every four weeks', '31/05/2024', 'Team Managers', 'Amber'],
    ['MO2', 'Team manager development programme on oversight of plans', 'Sep-24', 'Principal Social Worker', 'Green'],
  ]],
  ['Recruitment & Retention', [
    ['RR1', 'Market supplement and relocation package for experienced child protection social workers', '30/04/2024', 'Head of HR', 'Red'],
    ['RR2', 'International recruitment cohort of social workers', 'TBC', 'Head of HR', 'Amber'],
  ]],
  ['Decision Making', [
    ['D1', 'Strategy discussion and threshold decisions reviewed by the MASH manager daily', '31/03/2024', 'MASH Manager', 'Complete'],
    ['D2', 'Escalation protocol for IROs refreshed and relaunched', '30/06/2024', 'IRO Service Manager', 'Green'],
  ]],
  ['Public Law Outline', [
    ['PLO1', 'PLO tracker reviewed fortnightly at the legal gateway panel', '30/04/2024', 'Head of Service – Court and PLO', 'Green'],
    ['PLO2', 'Letters before proceedings written in plain language and checked by legal', '31/05/2024', 'Legal Services Manager', 'Amber'],
  ]],
  ['Resources', [
    ['RS1', 'Business case for additional social work capacity considered within the 2024/25 budget', '29/02/2024', 'Executive Director of Resources', 'Complete'],
  ]],
];

export function shropshireSheets(): SheetSpec[] {
  const plan: CellSpec[][] = [
    ['Shropshire Council Children’s Improvement Plan (March 2024)'],
    ['RAG', 'Meaning'],
    [status('Red'), 'Not on track: action required by the Improvement Board'],
    [status('Amber'), 'Some slippage: on track to recover'],
    [status('Green'), 'On track'],
    [status('Complete'), 'Action complete and evidenced'],
    [],
    ['Section', 'Ref', 'Action', 'Target date', 'Lead officer', 'RAG', 'Latest update'],
  ];
  for (const [section, actions] of SHROPSHIRE_SECTIONS)
    for (const [ref, action, due, lead, rag] of actions) plan.push([section, ref, action, due, lead, status(rag), rag === 'Complete' ? 'Completed and evidenced to the Board' : 'Update to the next Board meeting']);
  const risks: CellSpec[][] = [
    ['Risk', 'Likelihood', 'Impact', 'Rating', 'Mitigation', 'Owner'],
    ['Failure to recruit permanent experienced social workers', 4, 5, 20, 'Project in place to develop an effective recruitment strategy.', 'Executive Director of People'],
    ['Managers /Leaders do not undertake the oversight required.', 3, 4, 12, 'Clarity of expectations and role.', 'Assistant Director Children’s Social Care'],
    ['Failure to deliver the improvements in practice identified by OFSTED.', 3, 5, 15, 'Delivery of the action plan, attached as Appendix B.', 'Chief Executive'],
  ];
  return [
    { name: 'Improvement Plan', rows: plan, widths: [36, 8, 60, 12, 32, 10, 40] },
    { name: 'Risks', rows: risks, widths: [50, 10, 10, 10, 50, 30] },
  ];
}

const LEICS_DUES = ['Q3 2017/18', 'End of March 2018', '2018/19', 'Ongoing', 'Completed', 'Q1 2018/19'];
const LEICS_THEMES = ['Consistent management oversight', 'Robust practice that focuses on improved outcomes'];
const LEICS_ACTIONS = [
  'Launch the Growing Quality assurance framework and practice standards',
  'Publish clear practice and management standards',
  'Remodel First Response with targeted learning and development',
  'Strengthen the front door through performance oversight',
  'Review policies, panels and team models for consistently good case management',
  'Use the growth funding to achieve manageable caseloads',
  'Focus permanence planning through the Permanence Panel',
  'Strengthen support from Early Help for children in need',
  'Embed return interviews for young people who go missing',
  'Strengthen work with children with a disability',
  'Revise support for foster carers and adopters',
  'Increase Personal Assistants for children in care and care leavers',
  'Revise the post-adoption support offer',
  'Improve the quality of pathway planning',
  'Establish a dedicated Leaving Care (16 plus) service',
  'Hold the first annual Leicestershire Social Work conference',
  'Develop a learning programme for first line managers',
];
const LEICS_STATUS = ['Green', 'Blue', 'Green', 'Amber', 'Green', 'Amber', 'Green', 'Green', 'Blue', 'Green', 'Amber', 'Green', 'Grey', 'Amber', 'Green', 'Blue', 'Green'];

export function leicestershireSheets(): SheetSpec[] {
  const plan: CellSpec[][] = [['Ofsted Continuous Improvement Action Plan 2017-2020'], [], ['Ref', 'Strategic aim', 'Action', 'Deadline', 'Responsible officer', 'Status', 'Progress']];
  LEICS_ACTIONS.forEach((action, i) => {
    const theme = i < 8 ? 0 : 1;
    plan.push([`ORG.${theme + 1}.${String(i + 1).padStart(2, '0')}`, LEICS_THEMES[theme]!, action, LEICS_DUES[i % LEICS_DUES.length]!, i % 2 ? 'Assistant Director – Sharon Cooke' : 'Director – Paul Meredith', LEICS_STATUS[i]!, `Addresses Ofsted recommendation ${i + 1}`]);
  });
  const finance: CellSpec[][] = [
    ['Growth bid: Ofsted Continuous Improvement Plan'],
    ["Amounts in £'000"],
    ['Description', 'Type', 'One-off/Recurring', 'Funding source', '2017/18', '2018/19', '2019/20'],
    ['37 additional children’s social care posts', 'Revenue', 'Recurring', 'Corporate growth (MTFS)', 600, 1750, 1750],
    ['2 additional solicitors (Chief Executive’s Department)', 'Revenue', 'Recurring', 'Corporate growth (MTFS)', 0, 120, 120],
    ['Legal cost pressures from care proceedings', 'Revenue', 'Recurring', 'Corporate growth (MTFS)', 200, 480, 480],
    ['Post-adoption support offer', 'Revenue', 'Recurring', 'Corporate growth (MTFS)', 0, 150, 150],
    ['Accreditation and professional development of staff', 'Revenue', 'Recurring', 'Corporate growth (MTFS)', 0, 100, 100],
    ['Vacancy factor', 'Revenue', 'Recurring', 'Saving', 0, -100, -100],
    ['Total', null, null, null, 800, 2500, 2500],
  ];
  return [
    { name: 'Action Plan', rows: plan, widths: [10, 30, 60, 16, 32, 10, 40] },
    { name: 'Finance', rows: finance, widths: [50, 10, 16, 26, 10, 10, 10] },
  ];
}
