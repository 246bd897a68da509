/** The chart's section labels are wrapped onto lines, never cut ("Safe and effective fr…"). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cabinetAsync } from '../cli/run';
import { ROOT } from '../support/cli';
import { tempDir } from '../report/fixtures';

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The y-axis labels of each chart SVG in the pack, each as its lines. */
async function axisLabels(plan: string): Promise<string[][]> {
  const dir = tempDir();
  const r = await cabinetAsync(['board-pack', '--month', '2024-03', plan, '--out', 'out', '--format', 'docx'], { cwd: dir }).done;
  expect(r.code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out/board-pack/2024-03/board-pack-2024-03.docx')));
  const svgs = await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.svg')).map((f) => zip.file(f)!.async('string')));
  expect(svgs).toHaveLength(1);
  const svg = svgs[0]!;
  expect(svg).not.toContain('…');
  // The left axis's labels are the second group of axis labels (the first is the count axis at the bottom).
  const groups = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => m[1]!);
  const left = groups.find((g) => /text-anchor="end" transform="translate\(-/.test(g))!;
  return [...left.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((t) => {
    const spans = [...t[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]!));
    return spans.length ? spans : [unescape(t[1]!)];
  });
}

describe('chart section labels', () => {
  it('Eastshire: long titles wrap onto two lines, whole words, nothing cut', async () => {
    expect(await axisLabels(path.join(ROOT, 'data/councils/eastshire/eastshire-improvement-plan.xlsx'))).toEqual([
      ['Safe and effective', 'front door'], ['A stable, skilled', 'workforce'], ['Children in care'],
    ]);
  }, 60_000);

  it('Shropshire: every section title is shown in full', async () => {
    const labels = await axisLabels(path.join(ROOT, 'data/shropshire-improvement-plan-2024.xlsx'));
    expect(labels.map((l) => l.join(' '))).toEqual([
      'Quality of Practice and Quality Assurance', 'Capacity, Caseloads & Demand Management', 'Management Oversight',
      'Recruitment & Retention', 'Decision Making', 'Public Law Outline', 'Resources',
    ]);
    for (const l of labels) for (const line of l) expect(line.length).toBeLessThanOrEqual(22);
  }, 60_000);
});
