import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { buildBoardPack } from '../board-pack/build-board-pack';
import { defaultConfig } from '../config/load';
import { writeWorkbook, type CellSpec } from '../samples/xlsx-writer';

const DIR = path.join(os.tmpdir(), 'cabinet-bench-board-pack');
const STATUSES = ['Blue', 'Green', 'Amber', 'Red', 'Grey'];

async function planWorkbook(n: number, k: number): Promise<Buffer> {
  const rows: CellSpec[][] = [[`Service plan ${k + 1} 2024-25`], [], ['Ref', 'Theme', 'Action', 'By when', 'Lead', 'RAG', 'Progress']];
  for (let i = 0; i < n; i++) {
    if (i % 100 === 0) rows.push([`${String.fromCharCode(65 + i / 100)}. Section ${i / 100 + 1}`]);
    rows.push([`${Math.floor(i / 10) + 1}.${(i % 10) + 1}`, i % 10 === 0 ? `${Math.floor(i / 10) + 1}. Theme` : null, `Action ${i + 1} to improve the service`, ['May 2024', 'Q3 2024/25', '2024/25'][i % 3]!, 'Senior Manager – Ann Smith', STATUSES[i % 5]!, `Note ${i + 1}`]);
  }
  return writeWorkbook([{ name: 'Plan', rows }], new Date('2024-01-01T00:00:00Z'));
}

export const cases: BenchCase[] = [
  {
    name: 'board pack of 10 plans x 500 actions, PDF and DOCX',
    async prepare() {
      fs.mkdirSync(DIR, { recursive: true });
      for (let k = 0; k < 10; k++) fs.writeFileSync(path.join(DIR, `plan-${k}.xlsx`), await planWorkbook(500, k));
    },
    async run() {
      const config = defaultConfig();
      config.boardPack.historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-history-'));
      const plans = Array.from({ length: 10 }, (_, k) => path.join(DIR, `plan-${k}.xlsx`));
      const r = await buildBoardPack({ month: '2024-03', plans, config, outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-pack-')) });
      const manifest = JSON.parse(fs.readFileSync(path.join(r.outputDir, 'manifest.json'), 'utf8')) as { documents: { pages: number }[] };
      return { pages: manifest.documents[0]!.pages };
    },
  },
];
