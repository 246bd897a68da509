import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../config/schema';
import { readMeeting } from '../model/meeting-source';
import { readReportSource } from '../model/report-source';
import type { Paper } from './paper';

/** Markdown images: `![alt](path "title")`, relative to the Markdown file. */
function imagesIn(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)].filter((m) => !/^[a-z]+:/i.test(m[1]!)).map((m) => path.resolve(path.dirname(file), decodeURI(m[1]!)));
}

/** A report or decision record, its workbooks and its images. */
function markdownSources(file: string): string[] {
  const out = [file, ...imagesIn(file)];
  try {
    const source = readReportSource(file);
    for (const rel of Object.values(source.front?.workbooks ?? {})) out.push(path.resolve(path.dirname(file), rel));
  } catch {
    // Unreadable now (deleted mid-edit): the file itself is still watched, so it is read again when it is back.
  }
  return out;
}

/**
 * Every file a paper is made from, absolute: what the preview watches. Read afresh after each build, so a
 * workbook added to the front matter is watched from the next save on.
 */
export function paperSources(paper: Paper, cwd: string, config: Config | undefined): string[] {
  if (paper.kind === 'board-pack') return paper.plans?.map((p) => path.resolve(cwd, p)) ?? config?.boardPack.planFolders ?? [];
  const file = path.resolve(cwd, paper.file);
  if (paper.kind !== 'meeting') return markdownSources(file);
  const out = [file];
  try {
    for (const item of readMeeting(file).meeting?.items ?? []) if ('report' in item) out.push(...markdownSources(path.resolve(path.dirname(file), item.report)));
  } catch {
    // As above: the meeting file stays watched.
  }
  return out;
}
