import type { Meeting } from '../../model/meeting-source';
import type { Block, LayoutSection, TableCell } from '../layout';
import { longDay } from '../../dates/format';
import { englishWords, type Templates } from '../report/templates';

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

type AgendaWords = Pick<Templates, 'words' | 'language'>;

function titleCell(e: AgendaEntry, w: Templates['words']): TableCell {
  const runs = [{ text: e.exemptWording ? `${w.partTwo} – ${e.title}` : e.title, bold: true }];
  const notes = [e.text, e.exemptWording ? `${w.exemptNotForPublication} ${e.exemptWording.replace(/^By/, 'by')}.` : undefined].filter(Boolean);
  return { runs: notes.length ? [...runs, { text: `\n${notes.join('\n')}` }] : runs };
}

/**
 * The agenda front sheet: where and when, then each item with its page range in the pack, in the pack's
 * language (`t`; English when absent). `part` is which agenda: the public one or Part II.
 */
export function agendaSection(meeting: Meeting, entries: AgendaEntry[], council: string, part: 'agenda' | 'partTwoAgenda' = 'agenda', t?: AgendaWords): LayoutSection {
  const w = t?.words ?? englishWords();
  const language = t?.language ?? 'en';
  const heading = w[part];
  const day = longDay(meeting.date, language);
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'subtitle', runs: [{ text: council }] },
    // The id stays the same in every language, so bookmarks and links do not depend on the words.
    { kind: 'heading', level: 1, text: `${meeting.committee}: ${heading}`, id: part === 'agenda' ? 'agenda-agenda' : 'agenda-part-ii-agenda' },
    { kind: 'paragraph', runs: [{ text: `${w.dateAndTime} `, bold: true }, { text: `${day} ${w.at} ${meeting.time}` }] },
    { kind: 'paragraph', runs: [{ text: `${w.venue} `, bold: true }, { text: meeting.venue }] },
    {
      kind: 'table',
      role: 'data',
      summary: 'Agenda items with the pages of their papers in this pack',
      columns: [{ header: w.item, width: 0.8 }, { header: w.business, width: 7 }, { header: w.pages, width: 1.6 }],
      rows: entries.map((e) => [cell(String(e.number)), titleCell(e, w), cell(e.pages ?? (e.exemptWording ? w.restrictedPack : w.noPapers))]),
    },
  ];
  return { orientation: 'portrait', header: { left: `${meeting.committee} – ${day}`, right: heading }, blocks };
}
