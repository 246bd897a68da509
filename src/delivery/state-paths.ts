import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeliverySettings } from '../config/schema';

export const LEDGER_FILE = 'send-ledger.jsonl';

export interface StatePaths {
  ledger: string;
  /** Taken by every send that records in this ledger, so two sends never read it at once and both send. */
  ledgerLock: string;
  /** Taken by `cabinet monthly` for the whole run (build and send); by default the ledger's own lock. */
  runLock: string;
}

/**
 * Where the record of what was sent lives. Beside the settings file by default, because the settings file
 * names the lists the ledger is about and is kept, backed up and versioned, while output/ is routinely
 * cleared to start fresh: a ledger there would forget every send and let the next run email everyone again.
 * A relative delivery.ledger is read from where cabinet runs, like every other path in the settings.
 */
export function statePaths(delivery: DeliverySettings, o: { cwd: string; settingsFile?: string | undefined }): StatePaths {
  const ledger = delivery.ledger ? path.resolve(o.cwd, delivery.ledger) : path.resolve(o.cwd, o.settingsFile ? path.dirname(o.settingsFile) : '.', LEDGER_FILE);
  const ledgerLock = `${ledger}.lock`;
  return { ledger, ledgerLock, runLock: delivery.lockFile ? path.resolve(o.cwd, delivery.lockFile) : ledgerLock };
}

/** Where the ledger was kept by default before it moved beside the settings file. */
const EARLIER_DEFAULT = path.join('output', 'send-ledger.jsonl');

/**
 * A ledger left at the earlier default while the new default has none: sending now would forget every
 * delivery it records and email everyone again, so the send stops and says how to carry it over.
 */
export function earlierLedgerProblem(delivery: DeliverySettings, paths: StatePaths, cwd: string): string | undefined {
  if (delivery.ledger || fs.existsSync(paths.ledger)) return undefined;
  const earlier = path.resolve(cwd, EARLIER_DEFAULT);
  if (!fs.existsSync(earlier)) return undefined;
  return `the send ledger now lives beside the settings file, and the one from before is still at ${EARLIER_DEFAULT}: move it to ${path.relative(cwd, paths.ledger) || paths.ledger} (or set delivery.ledger: ${EARLIER_DEFAULT}); nothing was sent, so nobody gets a second copy`;
}
