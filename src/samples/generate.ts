/**
 * `npm run samples:data`: writes the sample workbooks in data/ from the readable sources in data/sources/.
 * Deterministic: the same sources give the same bytes.
 */
import * as path from 'node:path';
import { writeFileAtomic } from '../io/atomic-write';
import { loadPlanSource, type Month, type PlanSource } from './plan-source';
import { councilLayout } from './council-layout';
import { kpiSheet } from './kpi-layout';
import { toCsv, trackerRows, trackerSheet } from './tracker-layout';
import { writeWorkbook, type SheetSpec } from './xlsx-writer';
import { writeBrokenWorkbooks } from './broken-workbooks';
import { leicestershireSheets, shropshireSheets } from './other-councils';
import { eastshireSheets, hillbrookSheets, lowfieldTrackerSheets, rivermouthSheets } from './councils';

const CREATED = new Date('2024-03-28T09:00:00Z');

async function councilWorkbook(plan: PlanSource, month: Month): Promise<Buffer> {
  const sheets: SheetSpec[] = [councilLayout(plan, month)];
  const kpis = kpiSheet(plan);
  if (kpis) sheets.push(kpis);
  return writeWorkbook(sheets, CREATED);
}

export async function generateSamples(dataDir: string): Promise<string[]> {
  const wf = loadPlanSource(path.join(dataDir, 'sources', 'wf-improvement-plan-2023-24.yaml'));
  const files: [string, Buffer | string][] = [
    ['wf-improvement-plan-2023-24.xlsx', await councilWorkbook(wf, 'mar')],
    ['wf-improvement-plan-tracker.xlsx', await writeWorkbook([trackerSheet(wf)], CREATED)],
    ['wf-improvement-plan-tracker.csv', toCsv(trackerRows(wf, 'text'))],
    ['monthly/2024-02/wf-improvement-plan.xlsx', await councilWorkbook(wf, 'feb')],
    ['monthly/2024-03/wf-improvement-plan.xlsx', await councilWorkbook(wf, 'mar')],
    ['shropshire-improvement-plan-2024.xlsx', await writeWorkbook(shropshireSheets(), CREATED)],
    ['leicestershire-continuous-improvement-plan-2017.xlsx', await writeWorkbook(leicestershireSheets(), new Date('2017-08-31T09:00:00Z'))],
    ['councils/eastshire/eastshire-improvement-plan.xlsx', await writeWorkbook(eastshireSheets(), CREATED)],
    ['councils/rivermouth/rivermouth-improvement-plan.xlsx', await writeWorkbook(rivermouthSheets(), CREATED)],
    ['councils/hillbrook/hillbrook-children-and-families-plan.xlsx', await writeWorkbook(hillbrookSheets(), CREATED)],
    ['councils/lowfield/lowfield-send-tracker.xlsx', await writeWorkbook(lowfieldTrackerSheets(), CREATED)],
  ];
  for (const [name, data] of files) writeFileAtomic(path.join(dataDir, name), data);
  const broken = await writeBrokenWorkbooks(path.join(dataDir, 'broken'));
  return [...files.map(([name]) => path.join(dataDir, name)), ...broken];
}

if (require.main === module) {
  generateSamples(path.resolve(process.argv[2] ?? 'data')).then(
    (files) => console.log(`Wrote ${files.length} sample files:\n${files.map((f) => `  ${path.relative(process.cwd(), f)}`).join('\n')}`),
    (e: unknown) => {
      console.error(`samples: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
