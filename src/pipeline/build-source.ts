import * as path from 'node:path';
import { readSourceFile, sourceType } from '../model/front-matter';
import { error } from '../diagnostics/diagnostic';
import { buildReport, type BuildOptions, type BuildResult } from './build-report';
import { buildDecision } from './build-decision';
import { withReadPolicy } from '../io/read-policy';
import { readPolicyOf } from '../config/read-policy';

/**
 * Builds a report or a decision record, by the `type:` its front matter declares. Everything the build
 * reads, rendering included, is held to the settings' limits and read roots.
 */
export function buildSource(file: string, options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  return withReadPolicy(readPolicyOf(options.config, cwd), async () => {
    const type = sourceType(readSourceFile(path.resolve(cwd, file), file));
    if (type === 'report') return buildReport(file, options);
    if (type === 'decision') return buildDecision(file, options);
    return { files: [], diagnostics: [error('front-matter-invalid', `type: expected report or decision, found "${type}"`, { file, line: 2 })] };
  });
}
