import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ledger, type LedgerEntry } from '../../src/delivery/ledger';
import { tempDir } from '../report/fixtures';

const entry = (recipient: string, messageKey = 'k1'): LedgerEntry => ({
  time: '2024-04-02T06:00:00.000Z', list: 'board', recipient, subject: 'Improvement Board - March 2024 board pack', messageKey,
  files: [{ name: 'board-pack-2024-03.pdf', sha256: 'ab'.repeat(32) }], messageId: '<x@example.gov.uk>', outcome: 'delivered',
});
const line = (recipient: string) => JSON.stringify(entry(recipient)) + '\n';

describe('the send ledger after a crash', () => {
  it('sets a torn last line aside with a warning, keeps the whole records, and appends on a fresh line', () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    const torn = line('three@example.gov.uk').slice(0, 57); // the crash cut the third record after 57 bytes
    fs.writeFileSync(file, line('one@example.gov.uk') + line('two@example.gov.uk') + torn);

    const ledger = new Ledger(file);
    expect(ledger.warnings).toHaveLength(1);
    expect(ledger.warnings[0]).toMatch(/the last line was torn .* set aside in ledger\.jsonl\.torn-/);
    expect(ledger.has('one@example.gov.uk', 'k1')).toBe(true);
    expect(ledger.has('TWO@example.gov.uk', 'k1')).toBe(true);
    // The torn record was never confirmed: that one recipient is the only one who may get a second copy.
    expect(ledger.has('three@example.gov.uk', 'k1')).toBe(false);

    // The fragment is kept beside the ledger, and cut from it.
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('ledger.jsonl.torn-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), aside[0]!), 'utf8')).toBe(torn);
    expect(fs.readFileSync(file, 'utf8')).toBe(line('one@example.gov.uk') + line('two@example.gov.uk'));

    ledger.record(entry('three@example.gov.uk'));
    const again = new Ledger(file);
    expect(again.warnings).toEqual([]);
    expect(['one', 'two', 'three'].map((r) => again.has(`${r}@example.gov.uk`, 'k1'))).toEqual([true, true, true]);
    expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { recipient: string }).recipient)).toEqual(['one@example.gov.uk', 'two@example.gov.uk', 'three@example.gov.uk']);
  });

  it('starts an append on a fresh line even when the file lost its last newline after it was opened', () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    const ledger = new Ledger(file);
    ledger.record(entry('one@example.gov.uk'));
    fs.appendFileSync(file, '{"time":"2024-04-0'); // another process crashed mid-append meanwhile
    ledger.record(entry('two@example.gov.uk'));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[1]).toBe('{"time":"2024-04-0');
    expect(JSON.parse(lines[2]!)).toMatchObject({ recipient: 'two@example.gov.uk' });
    // On the next opening the fragment in the middle is named and ignored; both real records count.
    const reopened = new Ledger(file);
    expect(reopened.warnings).toEqual([expect.stringMatching(/line 2 is not a ledger record/)]);
    expect(reopened.has('one@example.gov.uk', 'k1') && reopened.has('two@example.gov.uk', 'k1')).toBe(true);
  });

  it('counts a whole record that only lacks its newline, and does not count failures', () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    fs.writeFileSync(file, JSON.stringify({ ...entry('one@example.gov.uk'), outcome: 'failed', error: '421' }) + '\n' + line('two@example.gov.uk').trimEnd());
    const ledger = new Ledger(file);
    expect(ledger.warnings).toEqual([]);
    expect(ledger.has('one@example.gov.uk', 'k1')).toBe(false);
    expect(ledger.has('two@example.gov.uk', 'k1')).toBe(true);
  });

  it('reads lines written before outcomes were recorded as deliveries, and ignores lines that are not records', () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    const { outcome: _ignored, ...old } = entry('one@example.gov.uk');
    fs.writeFileSync(file, JSON.stringify(old) + '\n' + JSON.stringify({ recipient: 'two@example.gov.uk' }) + '\n');
    const ledger = new Ledger(file);
    expect(ledger.has('one@example.gov.uk', 'k1')).toBe(true);
    expect(ledger.has('two@example.gov.uk', 'k1')).toBe(false);
    expect(ledger.warnings).toEqual([expect.stringMatching(/line 2 is not a ledger record/)]);
  });

  it('a ledger path that is a folder is a clear error', () => {
    const dir = path.join(tempDir(), 'ledger.jsonl');
    fs.mkdirSync(dir);
    expect(() => new Ledger(dir)).toThrow(/ledger\.jsonl: the send ledger \(delivery\.ledger\) is not a regular file/);
  });

  it('knows uncertain hand-overs apart from deliveries, and a later delivery outranks them', () => {
    const file = path.join(tempDir(), 'ledger.jsonl');
    const ledger = new Ledger(file);
    ledger.record({ ...entry('one@example.gov.uk'), outcome: 'uncertain', error: 'no reply after the message' });
    ledger.record({ ...entry('two@example.gov.uk'), outcome: 'not-sent', error: 'the server was failing' });
    const reopened = new Ledger(file);
    expect(['one', 'two'].map((r) => reopened.state(`${r}@example.gov.uk`, 'k1'))).toEqual(['uncertain', undefined]);
    expect(reopened.has('one@example.gov.uk', 'k1')).toBe(false);
    reopened.record(entry('one@example.gov.uk'));
    expect(new Ledger(file).state('one@example.gov.uk', 'k1')).toBe('delivered');
  });

  it('says before anything is sent that it cannot be written', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plain'), 'x');
    const ledger = new Ledger(path.join(dir, 'plain', 'ledger.jsonl'));
    expect(() => ledger.ensureWritable()).toThrow(/plain\/ledger\.jsonl: the send ledger('s folder is a file: give a folder| cannot be written \(ENOTDIR\), so nothing was sent: check) \(?delivery\.ledger/);
  });
});

