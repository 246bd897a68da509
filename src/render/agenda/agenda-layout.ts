import type { Meeting } from '../../model/meeting-source';
import type { Block, LayoutSection, TableCell } from '../layout';
import { longDay } from '../../dates/format';

export interface AgendaEntry {
  number: number;
  title: string;
  /** Short items printed on the agenda itself. */
  text?: string;
  /** "Pages 7 - 12"; absent for items with no papers. */
  pages?: string;
  /** Part II: the statutory wording, in place of the papers. */
  exemptWording?: string | undefined;
}

const cell = (text: string): TableCell => ({ runs: [{ text }] });

function titleCell(e: AgendaEntry): TableCell {
  const runs = [{ text: e.exemptWording ? `PART II – ${e.title}` : e.title, bold: true }];
  const notes = [e.text, e.exemptWording ? `Exempt: not for publication ${e.exemptWording.replace(/^By/, 'by')}.` : undefined].filter(Boolean);
  return { runs: notes.length ? [...runs, { text: `\n${notes.join('\n')}` }] : runs };
}

/** The agenda front sheet: where and when, then each item with its page range in the pack. */
export function agendaSection(meeting: Meeting, entries: AgendaEntry[], council: string, heading = 'Agenda'): LayoutSection {
  const when = `${longDay(meeting.date)} at ${meeting.time}`;
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: council }] },
    { kind: 'heading', level: 1, text: `${meeting.committee}: ${heading}`, id: `agenda-${heading.toLowerCase().replace(/[^a-z]+/g, '-')}` },
    { kind: 'paragraph', runs: [{ text: 'Date and time: ', bold: true }, { text: when }] },
    { kind: 'paragraph', runs: [{ text: 'Venue: ', bold: true }, { text: meeting.venue }] },
    {
      kind: 'table',
      role: 'data',
      summary: 'Agenda items with the pages of their papers in this pack',
      columns: [{ header: 'Item', width: 0.8 }, { header: 'Business', width: 7 }, { header: 'Pages', width: 1.6 }],
      rows: entries.map((e) => [cell(String(e.number)), titleCell(e), cell(e.pages ?? (e.exemptWording ? 'Restricted pack' : 'No papers'))]),
    },
  ];
  return { orientation: 'portrait', header: { left: `${meeting.committee} – ${longDay(meeting.date)}`, right: heading }, blocks };
}
