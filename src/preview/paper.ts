import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSourceFile, sourceType } from '../model/front-matter';
import { UnreadableInputError } from '../diagnostics/diagnostic';

/** What `cabinet preview` shows: one report, decision record, meeting's agenda pack, or the month's board pack. */
export type Paper =
  | { kind: 'report' | 'decision' | 'meeting'; file: string }
  | { kind: 'board-pack'; month: string; plans?: string[] | undefined };

/** A named file's kind: a meeting is YAML, a report or decision record is Markdown told apart by `type:`. */
export function paperOf(file: string, cwd: string): Paper {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return { kind: 'meeting', file };
  if (ext !== '.md') throw new UnreadableInputError(file, 'expected a report or decision record (.md) or a meeting file (.yaml)');
  const abs = path.resolve(cwd, file);
  if (!fs.existsSync(abs)) throw new UnreadableInputError(file, 'file not found');
  return { kind: sourceType(readSourceFile(abs)) === 'decision' ? 'decision' : 'report', file };
}

/** How the paper is named on the page and in messages. */
export function paperName(paper: Paper): string {
  return paper.kind === 'board-pack' ? `board pack ${paper.month}` : paper.file;
}
