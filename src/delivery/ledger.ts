import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { UnreadableInputError } from '../diagnostics/diagnostic';
import { outputFolderProblem } from '../io/atomic-write';

/**
 * One (message, recipient) outcome. Never holds secrets. Lines without `outcome` were written before it existed.
 * `uncertain`: the whole message was handed to the server and the connection then went silent or closed before
 * it confirmed; it may have arrived, so it is not sent again unless asked (--resend-uncertain).
 */
export const LedgerEntrySchema = z.object({
  time: z.string(),
  list: z.string(),
  recipient: z.string(),
  subject: z.string(),
  messageKey: z.string().min(1),
  files: z.array(z.object({ name: z.string(), sha256: z.string() })),
  messageId: z.string().optional(),
  response: z.string().optional(),
  outcome: z.enum(['delivered', 'failed', 'uncertain', 'not-sent']).default('delivered'),
  error: z.string().optional(),
});
export type LedgerEntry = z.input<typeof LedgerEntrySchema>;

/** What the ledger knows of a message to a recipient: delivered outranks uncertain (a later re-send confirmed it). */
export type LedgerState = 'delivered' | 'uncertain' | undefined;

/**
 * Append-only JSON lines, fsync'd per record; a send is skipped when the same message already reached the
 * same recipient.
 *
 * Crash safety: a crash mid-append can leave a torn last line (no newline, not JSON). On opening, such a
 * fragment is copied to `<ledger>.torn-<time>` and cut from the ledger (a warning says so), and every append
 * starts on a fresh line, so the next record never joins the fragment. The torn record's delivery is not
 * counted: at most that one recipient can get a second copy. Failures are recorded too, for the audit; only
 * deliveries (and uncertain hand-overs, unless re-sending them is asked for) count for skipping, so a re-run
 * sends exactly what is missing.
 */
export class Ledger {
  private readonly delivered = new Set<string>();
  private readonly uncertain = new Set<string>();
  /** Problems found on opening, in words for the log. */
  readonly warnings: string[] = [];

  constructor(readonly file: string) {
    if (!fs.existsSync(file)) return;
    if (!fs.statSync(file).isFile()) throw new UnreadableInputError(file, 'the send ledger (delivery.ledger) is not a regular file; set delivery.ledger to a file path');
    let text = fs.readFileSync(file, 'utf8');
    if (text.length && !text.endsWith('\n')) text = this.setAsideTornTail(text);
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const entry = parseLine(line);
      if (!entry) {
        this.warnings.push(`${file} line ${i + 1} is not a ledger record and was ignored (it does not count as a delivery)`);
        return;
      }
      this.count(entry);
    });
  }

  has(recipient: string, messageKey: string): boolean {
    return this.delivered.has(key(recipient, messageKey));
  }

  state(recipient: string, messageKey: string): LedgerState {
    const k = key(recipient, messageKey);
    return this.delivered.has(k) ? 'delivered' : this.uncertain.has(k) ? 'uncertain' : undefined;
  }

  private count(entry: z.infer<typeof LedgerEntrySchema>): void {
    if (entry.outcome === 'delivered') this.delivered.add(key(entry.recipient, entry.messageKey));
    if (entry.outcome === 'uncertain') this.uncertain.add(key(entry.recipient, entry.messageKey));
  }

  /**
   * Called before anything is sent: a ledger that cannot be written would lose the record of what this run
   * sends, and the next run would send it all again.
   */
  ensureWritable(): void {
    const problem = outputFolderProblem(path.dirname(this.file));
    if (problem) throw new UnreadableInputError(this.file, `the send ledger's folder ${problem} (delivery.ledger)`);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.closeSync(fs.openSync(this.file, 'a'));
    } catch (e) {
      throw new UnreadableInputError(this.file, `the send ledger cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'}), so nothing was sent: check delivery.ledger and the folder's permissions`);
    }
  }

  record(entry: LedgerEntry): void {
    const parsed = LedgerEntrySchema.parse(entry);
    // Refused before mkdir: a recursive mkdir under /proc never returns.
    const problem = outputFolderProblem(path.dirname(this.file));
    if (problem) throw new UnreadableInputError(this.file, `the send ledger's folder ${problem} (delivery.ledger)`);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, 'a+');
    try {
      // Another process (or a crash before we opened) may have left the file without a final newline.
      const size = fs.fstatSync(fd).size;
      let lead = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        fs.readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 0x0a) lead = '\n';
      }
      fs.writeSync(fd, lead + JSON.stringify(parsed) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.count(parsed);
  }

  /** Copies the unterminated last line aside and cuts it from the ledger; returns the text that remains. */
  private setAsideTornTail(text: string): string {
    const cut = text.lastIndexOf('\n') + 1;
    const fragment = text.slice(cut);
    // A whole record that only lacks its newline (a hand edit, or a write cut at its very last byte) is valid,
    // so it counts; the next append adds the newline.
    if (parseLine(fragment)) return text + '\n';
    const aside = `${this.file}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.writeFileSync(aside, fragment);
    const fd = fs.openSync(aside, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.truncateSync(this.file, Buffer.byteLength(text.slice(0, cut)));
    this.warnings.push(
      `${this.file}: the last line was torn (a crash while recording a delivery); it was set aside in ${path.basename(aside)} and that one delivery is treated as not confirmed`,
    );
    return text.slice(0, cut);
  }
}

const key = (recipient: string, messageKey: string) => `${recipient.toLowerCase()} ${messageKey}`;

function parseLine(line: string): z.infer<typeof LedgerEntrySchema> | undefined {
  try {
    const parsed = LedgerEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
