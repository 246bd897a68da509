/**
 * The font a template names, set in a font we ship with the same metrics, as Word users expect and as
 * LibreOffice does (its VCL.xcu replacement table): the DOCX and the PDF then break lines in the same places.
 */
import type { ShippedFamily } from './font-set';

const METRIC_COMPATIBLE: Record<string, ShippedFamily> = {
  arial: 'arimo', helvetica: 'arimo', 'liberation sans': 'arimo', arimo: 'arimo',
  calibri: 'carlito', carlito: 'carlito',
  cambria: 'caladea', caladea: 'caladea',
  'times new roman': 'tinos', times: 'tinos', 'liberation serif': 'tinos', tinos: 'tinos',
  'courier new': 'cousine', courier: 'cousine', 'liberation mono': 'cousine', cousine: 'cousine',
};

const SHOWN: Record<ShippedFamily, string> = { arimo: 'Arimo', carlito: 'Carlito', caladea: 'Caladea', tinos: 'Tinos', cousine: 'Cousine' };

export interface FontChoice {
  /** The family we set it in; undefined: the council's own render.fontFiles. */
  family?: ShippedFamily;
  /** Said once per build when the font has neither a metric-compatible substitute nor font files. */
  warning?: string;
}

/**
 * What a named font is set in: its metric-compatible substitute; else the council's render.fontFiles; else,
 * with a warning naming both, the shipped font closest in kind (the font table's generic family: roman is
 * a serif, modern a fixed pitch).
 */
export function fontChoice(name: string, hasFontFiles: boolean, generic?: string): FontChoice {
  const known = METRIC_COMPATIBLE[name.trim().toLowerCase()];
  if (known) return { family: known };
  if (hasFontFiles) return {};
  const family: ShippedFamily = generic === 'roman' ? 'tinos' : generic === 'modern' ? 'cousine' : 'arimo';
  return {
    family,
    warning: `the Word template's font "${name}" has no metric-compatible substitute and render.fontFiles is not set: it is set in ${SHOWN[family]}, so lines may break in other places than in Word`,
  };
}
