import { PNG } from 'pngjs';
import type { Plan } from '../model/plan';
import { statusCounts } from '../model/plan-summary-counts';
import { legendColour } from '../render/status-cell';
import type { ImageBlock } from '../render/layout';

const ROW = 34;
const BAR = 22;
const WIDTH = 900;

function fill(png: PNG, x0: number, y0: number, w: number, h: number, hex: string): void {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * png.width + x) * 4;
      png.data[i] = r!;
      png.data[i + 1] = g!;
      png.data[i + 2] = b!;
      png.data[i + 3] = 255;
    }
}

/**
 * Stacked bars, one per section, in the plan's legend colours (percent of the section's actions). The
 * figures are in the alt text and in the table beside the chart: colour is never the only way to read it.
 */
export function statusChart(plan: Plan, overrides: Record<string, string> = {}): ImageBlock {
  const rows = plan.sections.map((s) => ({ name: s.code ? `Section ${s.code}` : s.title, counts: statusCounts(plan, s.code) }));
  const png = new PNG({ width: WIDTH, height: rows.length * ROW + 8 });
  fill(png, 0, 0, png.width, png.height, '#FFFFFF');
  rows.forEach((row, i) => {
    let x = 0;
    const y = 4 + i * ROW;
    for (const { label, count } of row.counts.byStatus) {
      if (!count) continue;
      const w = Math.round((count / row.counts.total) * WIDTH);
      fill(png, x, y, Math.max(w - 2, 1), BAR, legendColour(plan.legend, label, overrides) ?? '#808080');
      x += w;
    }
  });
  const figures = rows.map((r) => `${r.name}: ${r.counts.byStatus.filter((s) => s.count).map((s) => `${s.count} ${s.label}`).join(', ')}`).join('; ');
  return {
    kind: 'image',
    png: PNG.sync.write(png, { deflateLevel: 9 }),
    width: 500,
    height: Math.round((png.height / WIDTH) * 500),
    alt: `Stacked bar chart of actions by status for each section, one bar per section in order. ${figures}.`,
  };
}
