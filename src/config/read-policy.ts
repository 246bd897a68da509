import * as path from 'node:path';
import type { Config } from './schema';
import { readLimitsFromSettings } from '../io/read-limits';
import type { ReadPolicy } from '../io/read-policy';

/** The read policy the settings give: their limits, and their read roots relative to where cabinet runs. */
export function readPolicyOf(config: Pick<Config, 'limits' | 'paths'>, cwd: string): ReadPolicy {
  return { limits: readLimitsFromSettings(config.limits), readRoots: config.paths.readRoots, cwd: path.resolve(cwd) };
}
