import * as path from 'node:path';
import { readSourceFile, sourceType } from '../model/front-matter';
import { error } from '../diagnostics/diagnostic';
import { buildReport, type BuildOptions, type BuildResult } from './build-report';
import { buildDecision } from './build-decision';

/** Builds a report or a decision record, by the `type:` its front matter declares. */
export async function buildSource(file: string, options: BuildOptions): Promise<BuildResult> {
  const type = sourceType(readSourceFile(path.resolve(options.cwd ?? process.cwd(), file)));
  if (type === 'report') return buildReport(file, options);
  if (type === 'decision') return buildDecision(file, options);
  return { files: [], diagnostics: [error('front-matter-invalid', `type: expected report or decision, found "${type}"`, { file, line: 2 })] };
}
