import type { Plan } from '../model/plan';
import { statusCounts } from '../model/plan-summary-counts';
import { legendColour } from '../render/status-cell';
import { textColourFor } from '../render/contrast';
import type { ImageBlock } from '../render/layout';
import { svgSize, svgToPng } from '../render/svg-png';

/** Widest the chart is drawn, in points (the portrait text width is about 483pt). */
const MAX_WIDTH = 480;
const BAR_STEP = 28;

interface Datum { section: string; status: string; count: number; order: number; ink: string }

/** Longest line of a section's label, in characters: the labels beside the bars are wrapped, never cut. */
const LABEL_LINE = 22;
const LINE_HEIGHT = 13;

/** "Safe and effective front door" -> ["Safe and effective", "front door"]: whole words, a long word on its own line. */
export function wrapLabel(text: string, width = LABEL_LINE): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/** What the chart shows, section by section: the same figures its alt text and the summary table state. */
export function chartData(plan: Plan): { sections: string[]; statuses: string[]; data: Datum[] } {
  // The key's order (and "Not rated" last when some actions have no status), as in the summary table.
  const statuses = statusCounts(plan).byStatus.map((s) => s.label);
  const data: Datum[] = [];
  // Counted by the same function as the summary table, from each section's own actions.
  const names = plan.sections.map((s, i) => (s.code ? `Section ${s.code}` : s.title || `Section ${i + 1}`));
  plan.sections.forEach((s, i) => {
    for (const { label, count } of statusCounts(plan, s).byStatus)
      if (count) data.push({ section: names[i]!, status: label, count, order: statuses.indexOf(label), ink: '' });
  });
  return { sections: names, statuses, data };
}

/** The vega-lite specification: horizontal stacked bars, counts written on each segment, a legend in the plan's own words. */
function chartSpec(plan: Plan, overrides: Record<string, string>, font: string) {
  const { sections, statuses, data } = chartData(plan);
  const colours = statuses.map((s) => legendColour(plan.legend, s, overrides) ?? '#808080');
  // Each bar's label in lines, joined by a line break the axis splits again (splitSectionLabels).
  const label = new Map(sections.map((s) => [s, wrapLabel(s).join('\n')]));
  const inked = data.map((d) => ({ ...d, section: label.get(d.section)!, ink: textColourFor(colours[d.order]!).colour }));
  const most = Math.max(1, ...[...label.values()].map((l) => l.split('\n').length));
  const axis = { labelLimit: 0, labelLineHeight: LINE_HEIGHT };
  const y = { field: 'section', type: 'nominal', sort: sections.map((s) => label.get(s)!), title: 'Section', axis };
  const x = { field: 'count', type: 'quantitative', stack: 'zero', title: 'Number of actions', axis: { tickMinStep: 1, format: 'd' } };
  const order = { field: 'order', type: 'quantitative' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 330,
    height: { step: Math.max(BAR_STEP, most * LINE_HEIGHT + 6) },
    background: '#FFFFFF',
    config: { font, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12 }, view: { stroke: null } },
    data: { values: inked },
    layer: [
      {
        mark: { type: 'bar', stroke: '#FFFFFF', strokeWidth: 1 },
        encoding: { y, x, order, color: { field: 'status', type: 'nominal', title: 'Status', scale: { domain: statuses, range: colours }, legend: { orient: 'right', symbolType: 'square' } } },
      },
      {
        // Each segment states its own count, in black or white, whichever reads on the fill.
        mark: { type: 'text', fontSize: 11, fontWeight: 'bold' },
        encoding: { y, x: { ...x, bandPosition: 0.5 }, order, detail: { field: 'status' }, text: { field: 'count', type: 'quantitative' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
  };
}

interface VegaAxis { orient?: string; encode?: Record<string, unknown> }

/**
 * The section labels in lines: each split at its line breaks, and lifted by half its extra lines (Vega puts
 * a label's first line at the bar's middle). Set on the compiled Vega axis: vega-lite drops a layered
 * chart's custom axis encoding.
 */
function splitSectionLabels(spec: { axes?: VegaAxis[] }): void {
  const lines = "split(datum.value, '\\n')";
  for (const axis of spec.axes ?? [])
    if (axis.orient === 'left')
      axis.encode = { ...axis.encode, labels: { update: { text: { signal: lines }, dy: { signal: `-(length(${lines}) - 1) * ${LINE_HEIGHT / 2}` } } } };
}

/**
 * Stacked bars, one per section, in the plan's legend colours, as a vector chart (vega-lite compiled to
 * SVG in Node, no canvas) with axis titles, a legend and the count on every segment, plus a PNG of it for
 * Word versions that cannot show SVG. The figures are also in the alt text and in the summary table before
 * the chart: colour is never the only way to read it. vega is loaded here only, so report builds never pay for it.
 */
export async function statusChart(plan: Plan, overrides: Record<string, string> = {}, font = 'Arial'): Promise<ImageBlock> {
  const vl = await import('vega-lite');
  const vega = await import('vega');
  const compiled = vl.compile(chartSpec(plan, overrides, font) as unknown as Parameters<typeof vl.compile>[0]).spec;
  splitSectionLabels(compiled as unknown as { axes?: VegaAxis[] });
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const size = svgSize(svg) ?? { width: MAX_WIDTH, height: 200 };
  const scale = Math.min(1, MAX_WIDTH / size.width);
  const { data } = chartData(plan);
  const sections = [...new Set(data.map((d) => d.section))];
  const figures = sections.map((s) => `${s}: ${data.filter((d) => d.section === s).map((d) => `${d.count} ${d.status}`).join(', ')}`).join('; ');
  return {
    kind: 'image',
    format: 'svg',
    data: new TextEncoder().encode(svg),
    fallbackPng: svgToPng(svg),
    width: Math.round(size.width * scale),
    height: Math.round(size.height * scale),
    alt: `Stacked bar chart of the number of actions at each status in each section, one bar per section in order. ${figures || 'No actions'}.`,
    caption: `Actions by status and section: ${figures || 'no actions'}.`,
  };
}
