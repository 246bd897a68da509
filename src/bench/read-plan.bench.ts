import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { writeWorkbook, type CellSpec } from '../samples/xlsx-writer';
import { readPlan } from '../model/read-plan';

const STATUSES = ['Blue', 'Green', 'Amber', 'Red', 'Grey'];
const MONTHS = ['April 2024', 'June 2024', 'Q3 2024/25', '31/01/2025', '2024/25', 'Ongoing'];

/** A council-layout plan of n actions: sections of 10 themes of 10 actions, blank leads, merged nothing. */
export async function planWorkbook(n: number): Promise<Buffer> {
  const rows: CellSpec[][] = [['Generated Improvement Plan 2024-25'], [], ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress']];
  for (let i = 0; i < n; i++) {
    const section = Math.floor(i / 100);
    const theme = Math.floor(i / 10);
    if (i % 100 === 0) rows.push([`${String.fromCharCode(65 + (section % 26))}. Section ${section + 1}`]);
    rows.push([
      `${theme + 1}.${(i % 10) + 1}`,
      i % 10 === 0 ? `${theme + 1}. Theme ${theme + 1}` : null,
      `Action ${i + 1}: review and improve the service with partners`,
      MONTHS[i % MONTHS.length]!,
      i % 10 === 0 ? 'Senior Manager – Ann Smith' : null,
      STATUSES[i % STATUSES.length]!,
      `Progress note ${i + 1}`,
    ]);
  }
  return writeWorkbook([{ name: 'Plan', rows }], new Date('2024-01-01T00:00:00Z'));
}

function readCase(n: number): BenchCase {
  const file = path.join(os.tmpdir(), `cabinet-bench-plan-${n}.xlsx`);
  return {
    name: `read ${n.toLocaleString('en-GB')} action rows (parse + normalise)`,
    async prepare() {
      fs.writeFileSync(file, await planWorkbook(n));
    },
    async run() {
      const bytes = fs.readFileSync(file);
      const start = process.hrtime.bigint();
      const { plan, diagnostics } = readPlan(file);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const actions = plan!.sections.reduce((s, x) => s + x.themes.reduce((t, y) => t + y.actions.length, 0), 0);
      if (actions !== n) throw new Error(`read ${actions} actions, expected ${n} (${diagnostics.length} diagnostics)`);
      return { read_ms: ms.toFixed(0), bytes: bytes.length, us_per_row: ((ms * 1000) / n).toFixed(1) };
    },
  };
}

export const cases: BenchCase[] = [readCase(1000), readCase(10000), readCase(50000)];
