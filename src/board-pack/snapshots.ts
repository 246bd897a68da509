import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { Plan } from '../model/plan';
import { PlanSchema } from '../model/plan';
import { writeFileAtomic } from '../io/atomic-write';
import { slug } from '../render/ids';

/**
 * Each run keeps every normalised plan of its month as JSON: <history>/<month>/<plan>.json. A run for
 * March never touches February's files; running March again rewrites March's with the same content.
 */
export function snapshotPath(historyDir: string, month: string, plan: Plan): string {
  // The slug is cut at 60 characters; the hash keeps two plans with long, similar titles apart.
  const hash = createHash('sha1').update(plan.title).digest('hex').slice(0, 8);
  return path.join(historyDir, month, `${slug(plan.title)}-${hash}.json`);
}

export function writeSnapshot(historyDir: string, month: string, plan: Plan): void {
  writeFileAtomic(snapshotPath(historyDir, month, plan), JSON.stringify({ month, plan }, null, 2) + '\n');
}

export function readSnapshot(historyDir: string, month: string, plan: Plan): Plan | undefined {
  const file = snapshotPath(historyDir, month, plan);
  if (!fs.existsSync(file)) return undefined;
  const parsed = PlanSchema.safeParse((JSON.parse(fs.readFileSync(file, 'utf8')) as { plan: unknown }).plan);
  return parsed.success ? parsed.data : undefined;
}
