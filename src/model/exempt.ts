/** Schedule 12A to the Local Government Act 1972: exempt information and its statutory wording. */

export const SCHEDULE_12A_ENGLAND: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice or to make an order or direction',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};

const list = (ns: number[]) => (ns.length === 1 ? String(ns[0]) : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`);

/** "By virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972" */
export function exemptionWording(paragraphs: number[]): string {
  const sorted = [...new Set(paragraphs)].sort((a, b) => a - b);
  const part = sorted.every((p) => p >= 12) ? 4 : 1;
  return `By virtue of paragraph${sorted.length > 1 ? 's' : ''} ${list(sorted)} of Part ${part} of Schedule 12A of the Local Government Act 1972`;
}

/** The page-header marking for every page of an exempt paper. */
export function exemptMarking(paragraphs: number[]): string {
  return `NOT FOR PUBLICATION ${exemptionWording(paragraphs).replace(/^By/, 'by')}`;
}
