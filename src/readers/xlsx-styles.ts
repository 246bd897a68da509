import { BUILT_IN_FORMATS } from './number-format';
import { solidFill } from './cells';
import { unescapeXml } from './xml-text';

/** What a cell's style index means to us: its number format and its solid fill colour. */
export interface CellStyle {
  format: string | undefined;
  fill: string | undefined;
}

export interface Styles {
  cell(index: number): CellStyle;
}

interface Fill {
  patternType?: string;
  fgColor?: { rgb?: string; theme?: number; tint?: number };
}

/**
 * An .xlsx styles part (and its theme, for fills in theme colours) read as SheetJS reads them, so both
 * readers give a cell the same format and fill. Undefined for what SheetJS reads differently from Excel
 * (gradient fills shift its fill numbering; format ids past 392 are renumbered): the caller then uses it.
 */
export function parseStyles(stylesXml: string | undefined, themeXml: string | undefined): Styles | undefined {
  const formats: Record<number, string> = { ...BUILT_IN_FORMATS };
  const xfs: { numFmtId?: number; fillId?: number }[] = [];
  const fills: Fill[] = [];
  if (stylesXml) {
    if (/<(?:\w+:)?gradientFill\b/.test(stylesXml)) return undefined;
    for (const m of section(stylesXml, 'numFmts').matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
      const id = Number(attr(m[0], 'numFmtId'));
      const code = attr(m[0], 'formatCode');
      if (!Number.isInteger(id) || code === undefined) continue;
      if (id > 392) return undefined;
      formats[id] = unescapeXml(code);
    }
    for (const m of section(stylesXml, 'cellXfs').matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
      const numFmtId = attr(m[0], 'numFmtId');
      const fillId = attr(m[0], 'fillId');
      xfs.push({ ...(numFmtId ? { numFmtId: parseInt(numFmtId, 10) } : {}), ...(fillId ? { fillId: parseInt(fillId, 10) } : {}) });
    }
    let fill: Fill | undefined;
    for (const m of section(stylesXml, 'fills').matchAll(/<(?:\w+:)?(fill|patternFill|fgColor)\b[^>]*>/g)) {
      if (m[1] === 'fill') fills.push((fill = {}));
      else if (!fill) continue;
      else if (m[1] === 'patternFill') {
        const type = attr(m[0], 'patternType');
        if (type) fill.patternType = type;
      } else {
        const colour: NonNullable<Fill['fgColor']> = (fill.fgColor ??= {});
        const theme = attr(m[0], 'theme');
        const tint = attr(m[0], 'tint');
        const rgb = attr(m[0], 'rgb');
        if (theme) colour.theme = parseInt(theme, 10);
        if (tint) colour.tint = parseFloat(tint);
        if (rgb !== undefined) colour.rgb = rgb.slice(-6);
      }
    }
  }
  const scheme = themeColours(themeXml);
  const fillColours = fills.map((f) => {
    const fg = f.fgColor;
    // As SheetJS: theme 0 (Background 1) is falsy there and stays unresolved.
    if (fg?.theme && !fg.rgb) {
      const base = scheme[fg.theme];
      return base === undefined ? undefined : solidFill({ ...f, fgColor: { rgb: tint(base, fg.tint ?? 0) } });
    }
    return solidFill(f);
  });
  const cache = new Map<number, CellStyle>();
  return {
    cell(index: number): CellStyle {
      let style = cache.get(index);
      if (!style) {
        const xf = xfs[index];
        style = {
          format: xf?.numFmtId === undefined ? undefined : formats[xf.numFmtId],
          fill: xf?.fillId === undefined ? undefined : fillColours[xf.fillId],
        };
        cache.set(index, style);
      }
      return style;
    },
  };
}

function section(xml: string, name: string): string {
  const re = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`);
  return re.exec(xml)?.[1] ?? '';
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Theme colour index -> RGB, in the order cells number them (lt1, dk1, lt2, dk2, accent1-6, hlink, folHlink). */
const SCHEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

function themeColours(xml: string | undefined): (string | undefined)[] {
  const scheme = xml ? /<a:clrScheme\b[^>]*>([\s\S]*?)<\/a:clrScheme>/.exec(xml)?.[1] : undefined;
  if (!scheme) return [];
  return SCHEME_ORDER.map((name) => {
    const inner = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(scheme)?.[1];
    if (!inner) return undefined;
    return /<a:srgbClr\b[^>]*\sval="([^"]*)"/.exec(inner)?.[1] ?? /<a:sysClr\b[^>]*\slastClr="([^"]*)"/.exec(inner)?.[1];
  });
}

/** ECMA-376 18.8.3's tint: lightness moved towards white (tint > 0) or black (tint < 0), as SheetJS does it. */
export function tint(hex: string, amount: number): string {
  if (amount === 0) return hex;
  const [h, s, l] = rgbToHsl(hex);
  const lightness = amount < 0 ? l * (1 + amount) : 1 - (1 - l) * (1 - amount);
  return hslToHex(h, s, lightness);
}

function rgbToHsl(hex: string): [number, number, number] {
  const o = hex.replace(/^#/, '').slice(0, 6);
  const R = parseInt(o.slice(0, 2), 16) / 255;
  const G = parseInt(o.slice(2, 4), 16) / 255;
  const B = parseInt(o.slice(4, 6), 16) / 255;
  const M = Math.max(R, G, B);
  const m = Math.min(R, G, B);
  const C = M - m;
  if (C === 0) return [0, 0, R];
  const L2 = M + m;
  const S = C / (L2 > 1 ? 2 - L2 : L2);
  const H6 = M === R ? ((G - B) / C + 6) % 6 : M === G ? (B - R) / C + 2 : (R - G) / C + 4;
  return [H6 / 6, S, L2 / 2];
}

function hslToHex(H: number, S: number, L: number): string {
  const C = S * 2 * (L < 0.5 ? L : 1 - L);
  const m = L - C / 2;
  const rgb = [m, m, m];
  const h6 = 6 * H;
  if (S !== 0)
    switch (h6 | 0) {
      case 0: case 6: rgb[0]! += C; rgb[1]! += C * h6; break;
      case 1: rgb[0]! += C * (2 - h6); rgb[1]! += C; break;
      case 2: rgb[1]! += C; rgb[2]! += C * (h6 - 2); break;
      case 3: rgb[1]! += C * (4 - h6); rgb[2]! += C; break;
      case 4: rgb[2]! += C; rgb[0]! += C * (h6 - 4); break;
      case 5: rgb[2]! += C * (6 - h6); rgb[0]! += C; break;
    }
  let o = 1;
  for (const v of rgb) {
    const n = Math.round(v * 255);
    o = o * 256 + (n > 255 ? 255 : n < 0 ? 0 : n);
  }
  return o.toString(16).toUpperCase().slice(1);
}
