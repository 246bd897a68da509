import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { DeliverySettings } from '../config/schema';
import { BUILTIN_TEMPLATES } from '../render/report/templates';
import { exemptionWording } from '../model/exempt';
import { longDate } from '../dates/format';
import type { Paper } from './papers';
import { attachmentNames } from './attachment-names';
import { readBoundedText } from '../io/safe-read';
import { humanSize } from '../io/read-limits';

export interface Composed {
  subject: string;
  /** Same subject and same file contents: the same message, whoever it goes to. */
  messageKey: string;
  attach: boolean;
  /** The name of each paper as attached, in order: from the document, unique within the message. */
  attachmentNames: string[];
  body: (recipientName: string) => string;
}

const engine = Handlebars.create();
const template = (name: string, councilDir?: string) => {
  const own = councilDir && path.join(councilDir, 'email', name);
  return engine.compile(readBoundedText(own && fs.existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, 'email', name), { kind: 'text' }), { noEscape: true });
};

/**
 * Subject and body from templates/email/, about the main paper (the report or pack, else the first file).
 * When exempt papers go with public ones (an agenda folder holds both packs), the exempt one is the main
 * paper: a message carrying the restricted pack must never be titled "(Public Pack)".
 */
export function compose(papers: Paper[], delivery: DeliverySettings, templatesDir?: string): Composed {
  const mains = papers.filter((p) => p.doc && ['report', 'pack', 'board-pack', 'decision'].includes(p.doc.kind));
  const main = mains.find((p) => p.exempt) ?? mains[0] ?? papers[0]!;
  const size = papers.reduce((n, p) => n + p.bytes.length, 0);
  const attach = size <= delivery.attachmentLimitBytes;
  const exempt = papers.filter((p) => p.exempt).flatMap((p) => p.doc?.exemptParagraphs ?? []);
  const names = attachmentNames(papers);
  // A board pack's title already names the board ("Improvement Board: monthly board pack, March 2024"):
  // the subject says "<board> - <month> board pack", the board once.
  const boardPack = main.doc?.kind === 'board-pack' && main.doc.meetingDate ? longDate(main.doc.meetingDate).replace(/^\d+\s+/, '') : undefined;
  const data = {
    committee: main.doc?.committee ?? 'Papers',
    meetingDateText: main.doc?.meetingDate ? longDate(main.doc.meetingDate) : '',
    agendaItem: main.doc?.agendaItem,
    boardPack: Boolean(boardPack),
    month: boardPack ?? '',
    title: boardPack ? `${boardPack} board pack` : (main.doc?.title ?? main.name.replace(/\.pdf$/i, '')),
    attached: attach,
    exempt: exempt.length > 0,
    exemptWording: exempt.length ? exemptionWording(exempt) : '',
    sizeText: humanSize(size),
    // Linked papers keep their file names: that is where they are published.
    files: papers.map((p, i) => ({ name: attach ? names[i]! : p.name, url: `${(delivery.publishedUrlBase ?? '').replace(/\/$/, '')}/${encodeURIComponent(p.name)}` })),
  };
  const subject = template('subject.hbs', templatesDir)(data).trim().replace(/\s+/g, ' ');
  const messageKey = createHash('sha256').update([subject, ...papers.map((p) => p.sha256).sort()].join('\n')).digest('hex').slice(0, 32);
  const body = template('body.hbs', templatesDir);
  return { subject, messageKey, attach, attachmentNames: names, body: (recipientName) => body({ ...data, recipientName }).replace(/\n{3,}/g, '\n\n') };
}
