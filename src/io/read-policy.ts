import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits';

/**
 * What the build in progress may read: the size limits and the folders (paths.readRoots, relative to
 * `cwd`). Readers deep in the pipeline (images, logos, fonts, templates) consult it through readBoundedFile
 * rather than each being handed the settings, so no reader can forget a limit.
 */
export interface ReadPolicy {
  limits: ReadLimits;
  readRoots: readonly string[];
  cwd: string;
}

const scoped = new AsyncLocalStorage<ReadPolicy>();
let processPolicy: ReadPolicy | undefined;

/** The policy of the build in progress: its own scope, else the command's, else the defaults (no roots). */
export function currentReadPolicy(): ReadPolicy {
  return scoped.getStore() ?? processPolicy ?? { limits: DEFAULT_READ_LIMITS, readRoots: [], cwd: process.cwd() };
}

/**
 * Runs `fn` (and every await inside it) under `policy`. Scoped, not global, so two builds with different
 * settings in one warm process (the preview server) never read under each other's rules.
 */
export function withReadPolicy<T>(policy: ReadPolicy, fn: () => T): T {
  return scoped.run(policy, fn);
}

/** The policy for the rest of this process: a CLI command sets it once its settings are read. */
export function setProcessReadPolicy(policy: ReadPolicy | undefined): void {
  processPolicy = policy;
}
