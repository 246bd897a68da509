import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { defaultConfig } from '../../src/config/load';
import type { Config } from '../../src/config/schema';
import { tempDir } from '../report/fixtures';

/** A built folder holding one paper with its manifest, and settings for lists on a loopback SMTP server. */
export function setup(port: number, exempt = false, paperBytes = 0) {
  const dir = tempDir();
  // A large paper keeps a sender writing for a while, so a server can fail in the middle of the message.
  const pdf = paperBytes ? Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(paperBytes)]) : Buffer.from('%PDF-1.7\nfake paper for the test\n%%EOF\n');
  fs.mkdirSync(path.join(dir, 'built'));
  fs.writeFileSync(path.join(dir, 'built', 'report.pdf'), pdf);
  const doc = { file: 'report.pdf', format: 'pdf', kind: 'report', title: "Children's Social Care Improvement and Development Plan", committee: 'Cabinet', meetingDate: '2023-09-12', agendaItem: '7', classification: exempt ? 'exempt' : 'public', ...(exempt ? { exemptParagraphs: [3] } : {}), sha256: createHash('sha256').update(pdf).digest('hex') };
  fs.writeFileSync(path.join(dir, 'built', 'manifest.json'), JSON.stringify({ generator: 'cabinet-reports', source: 'r.md', documents: [doc] }));
  const config: Config = defaultConfig();
  config.delivery.smtp = { ...config.delivery.smtp, host: '127.0.0.1', port, secure: false, user: 'cabinet', from: 'Democratic Services <ds@example.gov.uk>' };
  config.delivery.retry = { attempts: 3, baseDelayMs: 10 };
  const ledger = path.join(dir, 'ledger.jsonl');
  config.delivery.ledger = ledger;
  config.delivery.attachmentLimitBytes = 64 * 1024 * 1024;
  config.delivery.outbox = path.join(dir, 'outbox');
  config.delivery.lockFile = path.join(dir, 'monthly.lock');
  config.delivery.lists = [
    { name: 'members', exemptCleared: false, recipients: [{ name: 'Cllr One', email: 'one@example.gov.uk' }, { name: 'Cllr Two', email: 'two@example.gov.uk' }, { email: 'bad@example.gov.uk' }] },
    { name: 'cleared', exemptCleared: true, recipients: [{ email: 'mo@example.gov.uk' }] },
  ];
  const logs: string[] = [];
  return { dir, pdf, config, ledger, logs, log: (event: string, d?: Record<string, unknown>) => logs.push(JSON.stringify({ event, ...d })), env: { CABINET_SMTP_PASSWORD: 'sekret-pass-123' } };
}

