import type { Paper } from './papers';

/**
 * The name each attachment carries in the email: what the document is, not how it is stored ("report.pdf"
 * for every report). Board packs are "2024-03 Improvement Board pack.pdf", reports their title, appendices
 * "Appendix A - <title>.pdf"; agenda packs already have ModernGov's names. Names are unique within one
 * message (a recipient's mail program would otherwise show two "report.pdf" and save one over the other).
 */
export function attachmentNames(papers: readonly Paper[]): string[] {
  const taken = new Set<string>();
  return papers.map((p) => {
    const ext = (p.name.match(/\.[a-z0-9]+$/i)?.[0] ?? '.pdf').toLowerCase();
    const base = safeFileName(documentName(p) ?? p.name.slice(0, p.name.length - ext.length)) || 'paper';
    let name = `${base}${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function documentName(p: Paper): string | undefined {
  const doc = p.doc;
  if (!doc) return undefined;
  switch (doc.kind) {
    case 'board-pack':
      return doc.meetingDate && doc.committee ? `${doc.meetingDate.slice(0, 7)} ${doc.committee.replace(/\s+pack$/i, '')} pack` : doc.title;
    case 'report':
      return doc.title;
    case 'appendix':
      return doc.appendix && !/^appendix\b/i.test(doc.title) ? `Appendix ${doc.appendix} - ${doc.title}` : doc.title;
    case 'decision':
      return `Decision - ${doc.title}`;
    default:
      // Agenda front sheets and reports packs are already named as ModernGov names them.
      return undefined;
  }
}

/** Characters Windows, macOS or mail programs refuse in a file name are replaced; length kept readable. */
export function safeFileName(text: string): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned.length > 120 ? cleaned.slice(0, 120).replace(/\s+\S*$/, '').trim() : cleaned;
}
