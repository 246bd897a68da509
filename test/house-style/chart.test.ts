import * as path from 'node:path';
import { PNG } from 'pngjs';
import { statusChart } from '../../src/board-pack/chart';
import type { Plan } from '../../src/model/plan';
import { renderDocx } from '../../src/writers/docx';
import { readDocx } from '../support/docx';
import { layoutDocument } from '../support/layout-fixtures';
import { ROOT } from '../report/fixtures';

/** A plan written out by hand: section A has 3 Green and 1 Red, section B 2 Amber. */
function handPlan(): Plan {
  const action = (id: string, label: string) => ({ id, text: `Action ${id}`, leads: [], due: { text: 'March 2024' }, status: { label, text: label }, cell: 'A1' });
  return {
    title: 'Hand plan',
    legend: { source: 'standard', entries: [
      { label: 'Red', meaning: 'Off track', colour: '#C00000', aliases: [] },
      { label: 'Amber', meaning: 'At risk', colour: '#FFC000', aliases: [] },
      { label: 'Green', meaning: 'On track', colour: '#00B050', aliases: [] },
    ] },
    sections: [
      { code: 'A', title: 'First', themes: [{ title: 'T', actions: [action('1', 'Green'), action('2', 'Green'), action('3', 'Green'), action('4', 'Red')] }] },
      { code: 'B', title: 'Second', themes: [{ title: 'T', actions: [action('5', 'Amber'), action('6', 'Amber')] }] },
    ],
    kpis: [], risks: [],
    source: { file: path.join(ROOT, 'hand.xlsx'), sheet: 'Plan' },
  } as unknown as Plan;
}

describe('the board-pack status chart', () => {
  let chart: Awaited<ReturnType<typeof statusChart>>;
  let svg: string;
  beforeAll(async () => {
    chart = await statusChart(handPlan());
    svg = new TextDecoder().decode(chart.data);
  }, 60000);

  it('is an SVG of vector bars, with axis titles, a legend in the plan\'s words and the count on every segment', () => {
    expect(chart.format).toBe('svg');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<image\b/);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['Number of actions', 'Section', 'Status', 'Section A', 'Section B', 'Red', 'Amber', 'Green']));
    // Segment labels: A has 3 Green and 1 Red, B has 2 Amber (counted by hand above).
    expect(texts.filter((t) => t === '3').length).toBeGreaterThanOrEqual(1);
    expect(texts.filter((t) => t === '1').length).toBeGreaterThanOrEqual(1);
    expect(texts.filter((t) => t === '2').length).toBeGreaterThanOrEqual(1);
    // Bars in the legend colours (vega writes the fills as given).
    for (const colour of ['#C00000', '#FFC000', '#00B050']) expect(svg.toUpperCase()).toContain(`FILL="${colour}"`);
  });

  it('states its figures in alt text and caption', () => {
    expect(chart.alt).toContain('Section A: 1 Red, 3 Green; Section B: 2 Amber');
    expect(chart.caption).toContain('Section A: 1 Red, 3 Green; Section B: 2 Amber');
  });

  it('carries a PNG fallback of the same proportions', () => {
    const png = PNG.sync.read(Buffer.from(chart.fallbackPng!));
    expect(Math.abs(png.width / png.height - chart.width / chart.height)).toBeLessThan(0.05);
    expect(chart.width).toBeLessThanOrEqual(480);
  });

  it('tells sections without codes apart, by their titles', async () => {
    const plan = handPlan();
    for (const s of plan.sections) delete (s as { code?: string }).code;
    const c = await statusChart(plan);
    expect(c.alt).toContain('First: 1 Red, 3 Green; Second: 2 Amber');
  }, 60000);

  it('goes into Word as SVG with the PNG fallback and the alt text as its description', async () => {
    const doc = layoutDocument([{ orientation: 'portrait', header: {}, blocks: [chart] }]);
    const docx = await readDocx(await renderDocx(doc));
    expect(docx.files.filter((f) => f.startsWith('word/media/')).map((f) => path.extname(f)).sort()).toEqual(['.png', '.svg']);
    expect(docx.documentXml).toContain('asvg:svgBlip');
    expect(docx.documentXml).toContain('descr="Stacked bar chart of the number of actions');
    expect(docx.text).toContain('Actions by status and section: Section A: 1 Red, 3 Green; Section B: 2 Amber.');
  });
});
