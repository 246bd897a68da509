/**
 * The template's styles (word/styles.xml) as resolved formats: document defaults, then each style's basedOn
 * chain from its root down, so a style says everything a paragraph in it gets. Theme fonts (minorHAnsi...)
 * are resolved through the theme part. Also which of Word's built-in styles the template has, found by style
 * name first (Word's own names: "heading 1", "toc 1", "caption") and then by built-in style id.
 */
import type { Element } from '@xmldom/xmldom';
import { type BuiltInStyle, type WordPackage, type WordParaFormat, type WordRunFormat, type WordStyle, type WordStyles } from './types';
import { A_NS, attr, child, children, descendants, numAttr, onOff, parsePart, pt } from './word-xml';
import { partBytes, REL, relatedPart } from './parts';

/** Built-in ids and the names Word writes for them (lower case, compared without case or spaces). */
const BUILT_IN_NAMES: Record<BuiltInStyle, string> = {
  Normal: 'Normal', Title: 'Title', Subtitle: 'Subtitle',
  Heading1: 'heading 1', Heading2: 'heading 2', Heading3: 'heading 3', Heading4: 'heading 4', Heading5: 'heading 5', Heading6: 'heading 6',
  ListBullet: 'List Bullet', ListNumber: 'List Number', ListParagraph: 'List Paragraph', Caption: 'caption',
  TOCHeading: 'TOC Heading', TOC1: 'toc 1', TOC2: 'toc 2', TOC3: 'toc 3', TOC4: 'toc 4',
  TableGrid: 'Table Grid', Hyperlink: 'Hyperlink', Header: 'header', Footer: 'footer',
};

const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

interface ThemeFonts {
  major?: string;
  minor?: string;
}

function themeFonts(pkg: WordPackage): ThemeFonts {
  const name = relatedPart(pkg, REL.theme);
  const bytes = partBytes(pkg, name);
  if (!bytes) return {};
  const doc = parsePart(bytes, name!);
  const latin = (which: string) => {
    const font = descendants(doc, which, A_NS)[0];
    const l = font ? children(font, 'latin', A_NS)[0] : undefined;
    return l?.getAttribute('typeface') || undefined;
  };
  const out: ThemeFonts = {};
  const major = latin('majorFont');
  const minor = latin('minorFont');
  if (major) out.major = major;
  if (minor) out.minor = minor;
  return out;
}

/** Run properties as said in one w:rPr (only what is said). */
export function runProps(rPr: Element | undefined, theme: ThemeFonts): WordRunFormat {
  const out: WordRunFormat = {};
  if (!rPr) return out;
  const fonts = child(rPr, 'rFonts');
  if (fonts) {
    const themed = attr(fonts, 'asciiTheme') ?? attr(fonts, 'hAnsiTheme');
    const font = attr(fonts, 'ascii') ?? attr(fonts, 'hAnsi') ?? (themed ? (themed.startsWith('major') ? theme.major : theme.minor) : undefined);
    if (font) out.font = font;
  }
  const sz = numAttr(child(rPr, 'sz'), 'val');
  if (sz !== undefined) out.size = sz / 2;
  const b = onOff(child(rPr, 'b'));
  if (b !== undefined) out.bold = b;
  const i = onOff(child(rPr, 'i'));
  if (i !== undefined) out.italic = i;
  const colour = attr(child(rPr, 'color'), 'val');
  if (colour && /^[0-9a-f]{6}$/i.test(colour)) out.colour = `#${colour.toUpperCase()}`;
  else if (colour === 'auto') out.colour = '#000000';
  const u = child(rPr, 'u');
  if (u) out.underline = attr(u, 'val') !== 'none';
  return out;
}

/** Paragraph properties as said in one w:pPr. */
export function paraProps(pPr: Element | undefined): WordParaFormat {
  const out: WordParaFormat = {};
  if (!pPr) return out;
  const spacing = child(pPr, 'spacing');
  if (spacing) {
    const before = pt(numAttr(spacing, 'before'));
    const after = pt(numAttr(spacing, 'after'));
    if (before !== undefined) out.before = before;
    if (after !== undefined) out.after = after;
    const line = numAttr(spacing, 'line');
    if (line !== undefined) {
      const rule = attr(spacing, 'lineRule');
      out.line = rule === 'exact' || rule === 'atLeast' ? { value: line / 20, rule } : { value: line / 240, rule: 'auto' };
    }
  }
  const ind = child(pPr, 'ind');
  if (ind) {
    const left = pt(numAttr(ind, 'left') ?? numAttr(ind, 'start'));
    const right = pt(numAttr(ind, 'right') ?? numAttr(ind, 'end'));
    const hanging = pt(numAttr(ind, 'hanging'));
    const first = pt(numAttr(ind, 'firstLine'));
    if (left !== undefined) out.indentLeft = left;
    if (right !== undefined) out.indentRight = right;
    if (hanging !== undefined) out.firstLine = -hanging;
    else if (first !== undefined) out.firstLine = first;
  }
  const jc = attr(child(pPr, 'jc'), 'val');
  if (jc) out.align = jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : jc === 'both' || jc === 'distribute' ? 'both' : 'left';
  const flags: [keyof WordParaFormat, string][] = [['keepNext', 'keepNext'], ['keepLines', 'keepLines'], ['pageBreakBefore', 'pageBreakBefore'], ['widowControl', 'widowControl']];
  for (const [k, local] of flags) {
    const v = onOff(child(pPr, local));
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  const outline = numAttr(child(pPr, 'outlineLvl'), 'val');
  if (outline !== undefined) out.outlineLevel = outline;
  const numPr = child(pPr, 'numPr');
  if (numPr) {
    const numId = attr(child(numPr, 'numId'), 'val');
    if (numId && numId !== '0') out.numbering = { numId, level: numAttr(child(numPr, 'ilvl'), 'val') ?? 0 };
  }
  return out;
}

interface RawStyle {
  id: string;
  name: string;
  type: WordStyle['type'];
  basedOn?: string;
  para: WordParaFormat;
  run: WordRunFormat;
}

export function readStyles(pkg: WordPackage): WordStyles {
  const theme = themeFonts(pkg);
  const name = relatedPart(pkg, REL.styles) ?? 'word/styles.xml';
  const bytes = partBytes(pkg, name);
  const defaults = { para: {} as WordParaFormat, run: {} as WordRunFormat };
  const raw = new Map<string, RawStyle>();
  const latent: string[] = [];
  if (bytes) {
    const doc = parsePart(bytes, name);
    const root = doc.documentElement!;
    const dd = child(root, 'docDefaults');
    defaults.run = runProps(child(child(dd, 'rPrDefault'), 'rPr'), theme);
    defaults.para = paraProps(child(child(dd, 'pPrDefault'), 'pPr'));
    for (const l of children(child(root, 'latentStyles'), 'lsdException')) {
      const n = attr(l, 'name');
      if (n) latent.push(n);
    }
    for (const s of children(root, 'style')) {
      const id = attr(s, 'styleId');
      if (!id) continue;
      const type = (attr(s, 'type') ?? 'paragraph') as WordStyle['type'];
      const based = attr(child(s, 'basedOn'), 'val');
      raw.set(id, {
        id, type, name: attr(child(s, 'name'), 'val') ?? id,
        ...(based ? { basedOn: based } : {}),
        para: paraProps(child(s, 'pPr')), run: runProps(child(s, 'rPr'), theme),
      });
    }
  }
  const byId: Record<string, WordStyle> = {};
  const resolve = (id: string, seen: Set<string>): WordStyle | undefined => {
    const known = byId[id];
    if (known) return known;
    const r = raw.get(id);
    if (!r) return undefined;
    // A basedOn loop (a hand-edited file) ends the chain where it would repeat.
    const parent = r.basedOn && !seen.has(r.basedOn) ? resolve(r.basedOn, new Set([...seen, id])) : undefined;
    const base = parent ?? { para: r.type === 'paragraph' ? defaults.para : {}, run: r.type === 'paragraph' || r.type === 'character' ? defaults.run : {} };
    // As in Word, everything is inherited down the chain, numbering and outline level included.
    const style: WordStyle = { id, name: r.name, type: r.type, ...(r.basedOn ? { basedOn: r.basedOn } : {}), para: { ...base.para, ...r.para }, run: { ...base.run, ...r.run } };
    byId[id] = style;
    return style;
  };
  for (const id of raw.keys()) resolve(id, new Set());
  return { defaults, byId, builtIn: builtInIds(byId), latent, fontFamilies: fontFamilies(pkg) };
}

/** Which style of the template is each built-in style: by Word's name first, then by the built-in id. */
function builtInIds(byId: Record<string, WordStyle>): Partial<Record<BuiltInStyle, string>> {
  const byName = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const s of Object.values(byId)) {
    if (!byName.has(key(s.name))) byName.set(key(s.name), s.id);
    byKey.set(key(s.id), s.id);
  }
  const out: Partial<Record<BuiltInStyle, string>> = {};
  for (const [id, name] of Object.entries(BUILT_IN_NAMES) as [BuiltInStyle, string][]) {
    const found = byName.get(key(name)) ?? byKey.get(key(id));
    if (found) out[id] = found;
  }
  return out;
}

function fontFamilies(pkg: WordPackage): Record<string, string> {
  const name = relatedPart(pkg, REL.fontTable);
  const bytes = partBytes(pkg, name);
  const out: Record<string, string> = {};
  if (!bytes) return out;
  for (const f of descendants(parsePart(bytes, name!), 'font')) {
    const n = attr(f, 'name');
    const family = attr(child(f, 'family'), 'val');
    if (n && family) out[n] = family;
  }
  return out;
}

/** The template's style id for a built-in style, or undefined when the template lacks it. */
export function styleIdFor(styles: WordStyles, builtIn: BuiltInStyle): string | undefined {
  return styles.builtIn[builtIn];
}

/** The template's style id for a style name as Word shows it ("Heading 1", "Body Text"), any case. */
export function styleIdByName(styles: WordStyles, name: string): string | undefined {
  const k = key(name);
  return Object.values(styles.byId).find((s) => key(s.name) === k)?.id;
}
