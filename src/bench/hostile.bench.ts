/**
 * Hostile inputs against the hardening targets (issue 12): every one refused or read within 5 s and 300 MB
 * peak RSS; a 200,000-row plan read within 10 s and 500 MB. Inputs are written by prepare() in a process of
 * their own, so making a bomb does not count in its reading's peak RSS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { bigPlan, deepYaml, HOSTILE_WORKBOOKS } from './hostile-inputs';
import { normalisePlan, readPlan } from '../model/read-plan';
import { readWorkbook } from '../readers/read-workbook';
import { readMeeting } from '../model/meeting-source';
import { UnreadableInputError } from '../diagnostics/diagnostic';

const DIR = path.join(os.tmpdir(), 'cabinet-bench-hostile');
const HOSTILE = { ms: 5000, mb: 300 };

/** Refused (with the start of its reason) or read (with its action count): either is fine if quick and small. */
function outcome(read: () => number): Record<string, string | number> {
  try {
    return { outcome: 'read', actions: read() };
  } catch (e) {
    if (!(e instanceof UnreadableInputError)) throw e;
    return { outcome: 'refused', reason: JSON.stringify(e.reason.slice(0, 70)) };
  }
}

const actionsIn = (file: string) => {
  const { plan } = readPlan(file);
  return plan ? plan.sections.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.actions.length, 0), 0) : 0;
};

function workbookCase(name: string): BenchCase {
  const file = path.join(DIR, name);
  return {
    name,
    target: HOSTILE,
    async prepare() {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(file, HOSTILE_WORKBOOKS[name]!());
    },
    async run() {
      return outcome(() => actionsIn(file));
    },
  };
}

function deviceCase(file: string): BenchCase {
  return { name: file, target: HOSTILE, run: async () => outcome(() => actionsIn(file)) };
}

const deepMeeting: BenchCase = {
  name: 'meeting file nested 100,000 deep',
  target: HOSTILE,
  async prepare() {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, 'deep.yaml'), deepYaml(100000));
  },
  async run() {
    return outcome(() => readMeeting(path.join(DIR, 'deep.yaml')).diagnostics.length);
  },
};

const bigSheet: BenchCase = {
  name: '200,000-row plan (Excel shape)',
  target: { ms: 10000, mb: 500 },
  async prepare() {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, 'plan-200000.xlsx'), bigPlan(200000));
  },
  async run() {
    // The reader and the normaliser timed apart, so each stage's share of the target is visible.
    const start = process.hrtime.bigint();
    const workbook = readWorkbook(path.join(DIR, 'plan-200000.xlsx'));
    const read = process.hrtime.bigint();
    const readRssMb = process.resourceUsage().maxRSS / 1024;
    const { plan } = normalisePlan(workbook);
    const ms = (a: bigint, b: bigint) => (Number(b - a) / 1e6).toFixed(0);
    const actions = plan ? plan.sections.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.actions.length, 0), 0) : 0;
    if (actions !== 200000) throw new Error(`read ${actions} actions, expected 200000`);
    return { outcome: 'read', actions, reader_ms: ms(start, read), reader_peak_mb: readRssMb.toFixed(0), normalise_ms: ms(read, process.hrtime.bigint()) };
  },
};

export const cases: BenchCase[] = [
  ...Object.keys(HOSTILE_WORKBOOKS).map(workbookCase),
  deviceCase('/dev/zero'),
  deviceCase('/dev/urandom'),
  deviceCase('/proc/self/environ'),
  deepMeeting,
  bigSheet,
];
