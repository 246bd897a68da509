import type { RenderSettings } from '../config/schema';
import type { LayoutStyle } from './layout';

/** House style from settings: one place, so both writers use the same sizes and colours. */
export function houseStyle(settings: Pick<RenderSettings, 'font' | 'fontSize'>): LayoutStyle {
  const body = Math.max(settings.fontSize, 12);
  return {
    font: settings.font,
    fontSize: body,
    headingSizes: { 1: body + 8, 2: body + 4, 3: body + 2, 4: body },
    tableFontSize: Math.max(body - 1, 11),
    headingColour: '#1F3864',
    tableHeaderFill: '#1F3864',
    tableHeaderText: '#FFFFFF',
    pageSize: 'A4',
    margins: { top: 72, right: 56, bottom: 64, left: 56 },
  };
}
