/**
 * Dates are calendar dates, whatever zone the server runs in. Node fixes its time zone when Date is first
 * used, so setting process.env.TZ inside this process proves nothing: the reader suite and the built reader
 * are run in child processes started with TZ set, west of UTC (New York, Pago Pago) and east (Kiritimati,
 * UTC+14), where a date read through local time moves a day.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { xlsx } from '../../src/bench/hostile-inputs';
import { ROOT } from '../support/cli';

const ZONES = ['America/New_York', 'Pacific/Pago_Pago', 'Pacific/Kiritimati'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-tz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DATE_STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

describe('reading dates in other time zones', () => {
  const file = path.join(dir, 'dates.xlsx');
  beforeAll(() => {
    // 31 August 2023 three ways: an ISO date cell, the same at midnight UTC, and Excel's serial 45169.
    const row = '<row r="1"><c r="A1" t="d" s="1"><v>2023-08-31</v></c><c r="B1" t="d" s="1"><v>2023-08-31T00:00:00Z</v></c><c r="C1" s="1"><v>45169</v></c><c r="D1" s="1"><v>45352</v></c></row>';
    fs.writeFileSync(file, xlsx([{ name: 'Plan', rows: [], sheetDataXml: row }], { stylesXml: DATE_STYLES }));
  });

  it.each(ZONES)('the built reader gives the same calendar days under TZ=%s', (zone) => {
    const script = `const { readWorkbook } = require(${JSON.stringify(path.join(ROOT, 'dist', 'readers', 'read-workbook.js'))});
      const row = readWorkbook(${JSON.stringify(file)}).sheets[0].rows[0];
      console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, cells: Array.from(row, (c) => [c.type, c.text, c.value.toISOString()]) }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { zone: string; cells: string[][] };
    expect(out.zone).toBe(zone);
    expect(out.cells).toEqual([
      ['date', '2023-08-31', '2023-08-31T00:00:00.000Z'],
      ['date', '2023-08-31', '2023-08-31T00:00:00.000Z'],
      ['date', '2023-08-31', '2023-08-31T00:00:00.000Z'],
      // 45352 is 1 March 2024 (a leap year: 29 February 2024 is 45351).
      ['date', '2024-03-01', '2024-03-01T00:00:00.000Z'],
    ]);
  });

  it('the reader suite passes under TZ=America/New_York', () => {
    if (process.env.CABINET_TZ_CHILD) return; // this file, run again inside the child, does not recurse
    const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const r = spawnSync(process.execPath, [jest, '--ci', '--silent', 'test/reader', '--testPathIgnorePatterns', 'time-zone'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'America/New_York', CABINET_TZ_CHILD: '1' },
    });
    expect(r.stderr).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(r.status).toBe(0);
  }, 240000);
});
