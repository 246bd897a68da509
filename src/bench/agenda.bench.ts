import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCase } from './case';
import { buildAgenda } from '../pipeline/build-agenda';
import { defaultConfig } from '../config/load';

/** A meeting of 20 items: short items and the W&F sample reports for that meeting over and over. */
function meetingFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-agenda-'));
  // An agenda refuses reports written for another meeting, so every report here is one of the 12 September 2023 ones.
  const reports = ['wf-cabinet-2023-09-12.md', 'wf-cabinet-2023-09-12-plan-monitoring.md'].map((r) => path.resolve('data/reports', r));
  const items = Array.from({ length: 20 }, (_, i) => (i < 5 ? `  - { title: Item ${i + 1}, text: Short item. }` : `  - { report: "${reports[i % 2]}" }`));
  const file = path.join(dir, 'meeting.yaml');
  fs.writeFileSync(file, `committee: Cabinet\ndate: 2023-09-12\ntime: "10:00"\nitems:\n${items.join('\n')}\n`);
  return file;
}

export const cases: BenchCase[] = [
  {
    name: '20-item agenda pack (15 reports), PDF and DOCX',
    async run() {
      const r = await buildAgenda(meetingFile(), { config: defaultConfig(), outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-out-')) });
      if (!r.outputDir) throw new Error(`the agenda did not build: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      const manifest = JSON.parse(fs.readFileSync(path.join(r.outputDir, 'manifest.json'), 'utf8')) as { documents: { kind: string; pages: number }[] };
      return { pack_pages: manifest.documents.find((d) => d.kind === 'pack')!.pages };
    },
  },
];
