/**
 * The template's headers and footers (default, first page, even pages) of its last section, as paragraphs of
 * text, PAGE / NUMPAGES fields, tabs and images (inline, or floating with their place), each with its formats
 * resolved through the template's styles. Any other field is read as the text Word last showed for it.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { ImageAnchor, RunningParagraph, RunningPart, RunningPiece, WordGeometry, WordPackage, WordRunFormat, WordRunning, WordStyles } from './types';
import { A_NS, attr, child, descendants, parsePart, R_NS, W_NS, WP_NS } from './word-xml';
import { paraProps, runProps } from './styles';
import { runningReferences } from './geometry';

const EMU_PER_PT = 12700;
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const FIELDS = ['PAGE', 'NUMPAGES', 'SECTIONPAGES'] as const;
type FieldName = (typeof FIELDS)[number];

export function readRunning(pkg: WordPackage, styles: WordStyles, warnings: string[], geometry?: WordGeometry): WordRunning {
  const refs = runningReferences(pkg);
  const rels = pkg.relationships.get(pkg.mainPart) ?? [];
  const read = (byType: Record<string, string>) => {
    const out: WordRunning['headers'] = {};
    for (const type of ['default', 'first', 'even'] as const) {
      const id = byType[type];
      const part = id ? rels.find((r) => r.id === id)?.part : undefined;
      const bytes = part ? pkg.parts.get(part) : undefined;
      if (part && bytes) out[type] = readPart(pkg, part, bytes, styles, warnings, geometry);
    }
    return out;
  };
  return { headers: read(refs.headers), footers: read(refs.footers) };
}

const ownRunFormat = (styles: WordStyles, rPr: Element | undefined): WordRunFormat => {
  const rStyle = attr(child(rPr, 'rStyle'), 'val');
  const fromStyle = rStyle ? (styles.byId[rStyle]?.run ?? {}) : {};
  // Theme fonts in direct formatting are rare in headers; the style's font stands in for them.
  return { ...fromStyle, ...runProps(rPr, {}) };
};

function readPart(pkg: WordPackage, part: string, bytes: Uint8Array, styles: WordStyles, warnings: string[], geometry: WordGeometry | undefined): RunningPart {
  const root = parsePart(bytes, part).documentElement!;
  const paragraphs: RunningParagraph[] = [];
  for (const p of descendants(root, 'p')) {
    if (inside(p, 'txbxContent')) continue;
    const pPr = child(p, 'pPr');
    const styleId = attr(child(pPr, 'pStyle'), 'val') ?? styles.builtIn.Normal;
    const style = styleId ? styles.byId[styleId] : undefined;
    const para = { ...(style?.para ?? styles.defaults.para), ...paraProps(pPr) };
    const run = { ...(style?.run ?? styles.defaults.run) };
    const pieces: RunningPiece[] = [];
    let field: { instr: string; result: string; format: WordRunFormat; state: 'instr' | 'result' } | undefined;
    const text = (t: string, format: WordRunFormat) => {
      if (field?.state === 'result') field.result += t;
      else if (!field) pieces.push({ kind: 'text', text: t, ...format });
    };
    const onRun = (r: Element) => {
      const format = ownRunFormat(styles, child(r, 'rPr'));
      for (let n: Node | null = r.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        let el = n as Element;
        // A floating picture as LibreOffice and Word write it: the drawing in mc:Choice, a VML copy in mc:Fallback.
        if (el.namespaceURI === MC_NS && el.localName === 'AlternateContent') {
          const drawing = child(child(el, 'Choice', MC_NS), 'drawing');
          if (!drawing) continue;
          el = drawing;
        }
        if (el.namespaceURI !== W_NS) continue;
        switch (el.localName) {
          case 't':
            text(el.textContent ?? '', format);
            break;
          case 'tab':
          case 'ptab':
            if (!field) pieces.push({ kind: 'tab' });
            break;
          case 'instrText':
            if (field?.state === 'instr') field.instr += el.textContent ?? '';
            break;
          case 'fldChar': {
            const type = attr(el, 'fldCharType');
            if (type === 'begin') field = { instr: '', result: '', format, state: 'instr' };
            else if (type === 'separate' && field) field.state = 'result';
            else if (type === 'end' && field) {
              const done = field;
              field = undefined;
              pushField(pieces, done.instr, done.result, done.format);
            }
            break;
          }
          case 'drawing': {
            const image = drawingImage(pkg, part, el, warnings, geometry);
            if (image && !field) pieces.push(image);
            break;
          }
        }
      }
    };
    walk(p, (el) => {
      if (el.localName === 'r') onRun(el);
      else if (el.localName === 'fldSimple') {
        const result = descendants(el, 't').map((t) => t.textContent ?? '').join('');
        pushField(pieces, attr(el, 'instr') ?? '', result, ownRunFormat(styles, child(descendants(el, 'r')[0], 'rPr')));
        return false;
      }
      return true;
    });
    paragraphs.push({ ...(styleId ? { styleId } : {}), para, run, pieces });
  }
  return { part, paragraphs };
}

function pushField(pieces: RunningPiece[], instr: string, result: string, format: WordRunFormat): void {
  const name = instr.trim().split(/\s+/)[0]?.toUpperCase() as FieldName | undefined;
  if (name && FIELDS.includes(name)) pieces.push({ kind: 'field', field: name, ...format });
  else if (result) pieces.push({ kind: 'text', text: result, ...format });
}

/** The paragraph's own content in order: runs, and fields, hyperlinks and content controls around runs. */
function walk(p: Element, visit: (el: Element) => boolean): void {
  for (let n: Node | null = p.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.namespaceURI !== W_NS || el.localName === 'pPr' || el.localName === 'p') continue;
    if (visit(el) && el.localName !== 'r') walk(el, visit);
  }
}

function inside(el: Element, local: string): boolean {
  for (let n = el.parentNode; n; n = n.parentNode) if ((n as Element).localName === local) return true;
  return false;
}

function drawingImage(pkg: WordPackage, part: string, drawing: Element, warnings: string[], geometry: WordGeometry | undefined): RunningPiece | undefined {
  const anchored = child(drawing, 'anchor', WP_NS);
  const holder = child(drawing, 'inline', WP_NS) ?? anchored;
  const extent = child(holder, 'extent', WP_NS);
  const blip = descendants(drawing, 'blip', A_NS)[0];
  if (!holder || !extent || !blip) return undefined;
  const embed = blip.getAttributeNS(R_NS, 'embed');
  const rel = embed ? pkg.relationships.get(part)?.find((r) => r.id === embed) : undefined;
  if (!rel || rel.external || !rel.part) {
    warnings.push(`${part}: a linked (external) image in the header or footer is not carried`);
    return undefined;
  }
  const data = pkg.parts.get(rel.part);
  if (!data) return undefined;
  const format = data[0] === 0x89 && data[1] === 0x50 ? 'png' : data[0] === 0xff && data[1] === 0xd8 ? 'jpeg' : undefined;
  if (!format) {
    warnings.push(`${part}: an image that is neither PNG nor JPEG (${rel.part}) is left out of the PDF`);
    return undefined;
  }
  const docPr = child(holder, 'docPr', WP_NS);
  const cx = Number(extent.getAttribute('cx'));
  const cy = Number(extent.getAttribute('cy'));
  if (!(cx > 0 && cy > 0)) return undefined;
  const width = cx / EMU_PER_PT;
  const height = cy / EMU_PER_PT;
  const alt = docPr?.getAttribute('descr') || docPr?.getAttribute('name') || '';
  const anchor = anchored ? anchorPlace(anchored, height, geometry) : undefined;
  return { kind: 'image', format, data, width, height, alt, ...(anchor ? { anchor } : {}) };
}

/** A floating picture's place (wp:positionH / wp:positionV), in the terms ImageAnchor keeps. */
function anchorPlace(anchor: Element, height: number, geometry: WordGeometry | undefined): ImageAnchor {
  const axis = (local: string) => {
    const pos = child(anchor, local, WP_NS);
    const offset = Number(child(pos, 'posOffset', WP_NS)?.textContent ?? '0') / EMU_PER_PT;
    const align = child(pos, 'align', WP_NS)?.textContent?.trim();
    return { from: pos?.getAttribute('relativeFrom') ?? 'column', offset: Number.isFinite(offset) ? offset : 0, align };
  };
  const h = axis('positionH');
  const v = axis('positionV');
  const hAlign = h.align === 'center' || h.align === 'right' || h.align === 'left' ? h.align : h.align === 'inside' ? 'left' : h.align === 'outside' ? 'right' : undefined;
  const x: ImageAnchor['x'] = { from: h.from === 'page' ? 'page' : h.from === 'character' ? 'character' : 'margin', offset: h.offset, ...(hAlign ? { align: hAlign } : {}) };
  const vAlign = v.align === 'top' || v.align === 'center' || v.align === 'bottom' ? v.align : undefined;
  if (v.from === 'paragraph' || v.from === 'line') return { x, y: { from: 'paragraph', offset: v.offset } };
  // Down from the page or a margin: resolved now against the template's page, as it is laid out.
  const g = geometry;
  const [top, bottom] =
    !g || v.from === 'page' ? [0, g?.height ?? 0]
      : v.from === 'topMargin' ? [0, g.margins.top]
        : v.from === 'bottomMargin' ? [g.height - g.margins.bottom, g.height]
          : [g.margins.top, g.height - g.margins.bottom];
  const y = vAlign === 'center' ? (top + bottom - height) / 2 : vAlign === 'bottom' ? bottom - height : top + (vAlign ? 0 : v.offset);
  return { x, y: { from: 'page', offset: y } };
}

/** Every paragraph's text with fields shown as {PAGE}: for messages and tests. */
export function runningText(part: RunningPart | undefined): string[] {
  return (part?.paragraphs ?? []).map((p) => p.pieces.map((x) => (x.kind === 'text' ? x.text : x.kind === 'field' ? `{${x.field}}` : x.kind === 'tab' ? '\t' : '')).join(''));
}

