import * as fs from 'node:fs';
import * as path from 'node:path';

/** One delivered (message, recipient) pair. Never holds secrets. */
export interface LedgerEntry {
  time: string;
  list: string;
  recipient: string;
  subject: string;
  messageKey: string;
  files: { name: string; sha256: string }[];
  messageId?: string | undefined;
  response?: string | undefined;
}

/** Append-only JSON lines; a send is skipped when the same message already reached the same recipient. */
export class Ledger {
  private readonly delivered = new Set<string>();

  constructor(readonly file: string) {
    if (!fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as LedgerEntry;
        this.delivered.add(`${e.recipient.toLowerCase()} ${e.messageKey}`);
      } catch {
        // A torn last line from a crash mid-append: that send was not confirmed, so it is not counted.
      }
    }
  }

  has(recipient: string, messageKey: string): boolean {
    return this.delivered.has(`${recipient.toLowerCase()} ${messageKey}`);
  }

  record(entry: LedgerEntry): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, JSON.stringify(entry) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.delivered.add(`${entry.recipient.toLowerCase()} ${entry.messageKey}`);
  }
}
