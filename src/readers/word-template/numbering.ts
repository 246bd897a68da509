/**
 * The template's numbering definitions (word/numbering.xml): for each w:num, its abstract list's levels
 * (start, format, level text, what follows the number, indents) with the num's start overrides applied.
 * A heading style's w:numPr points here; Word then numbers every paragraph in that style itself.
 * A list made with Word's "Define New List Style" is two abstract lists: the one a num names holds only
 * w:numStyleLink to the list style, and the levels are in the one whose w:styleLink names that style.
 */
import type { Element } from '@xmldom/xmldom';
import type { WordNumbering, WordNumberingLevel, WordPackage } from './types';
import { attr, child, children, numAttr, parsePart, pt } from './word-xml';
import { partBytes, REL, relatedPart } from './parts';

function level(lvl: Element): WordNumberingLevel {
  const suff = attr(child(lvl, 'suff'), 'val');
  const ind = child(child(lvl, 'pPr'), 'ind');
  const left = pt(numAttr(ind, 'left') ?? numAttr(ind, 'start'));
  const hanging = pt(numAttr(ind, 'hanging'));
  const restart = numAttr(child(lvl, 'lvlRestart'), 'val');
  return {
    start: numAttr(child(lvl, 'start'), 'val') ?? 0,
    format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: attr(child(lvl, 'lvlText'), 'val') ?? '',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    ...(left !== undefined ? { indentLeft: left } : {}),
    ...(hanging !== undefined ? { hanging } : {}),
    ...(restart !== undefined ? { restart } : {}),
  };
}

export function readNumbering(pkg: WordPackage): WordNumbering {
  const name = relatedPart(pkg, REL.numbering);
  const bytes = partBytes(pkg, name);
  const out: WordNumbering = { nums: {} };
  if (!bytes) return out;
  const root = parsePart(bytes, name!).documentElement!;
  const abstracts = new Map<string, WordNumberingLevel[]>();
  const byListStyle = new Map<string, WordNumberingLevel[]>();
  const linked = new Map<string, string>();
  for (const a of children(root, 'abstractNum')) {
    const id = attr(a, 'abstractNumId');
    if (id === undefined) continue;
    const levels: WordNumberingLevel[] = [];
    for (const lvl of children(a, 'lvl')) {
      const i = numAttr(lvl, 'ilvl');
      if (i !== undefined && i >= 0 && i < 9) levels[i] = level(lvl);
    }
    abstracts.set(id, levels);
    const styleLink = attr(child(a, 'styleLink'), 'val');
    if (styleLink !== undefined && !byListStyle.has(styleLink)) byListStyle.set(styleLink, levels);
    const numStyleLink = attr(child(a, 'numStyleLink'), 'val');
    if (numStyleLink !== undefined) linked.set(id, numStyleLink);
  }
  for (const [id, style] of linked) {
    const levels = byListStyle.get(style);
    if (levels && abstracts.get(id)!.length === 0) abstracts.set(id, levels);
  }
  for (const n of children(root, 'num')) {
    const id = attr(n, 'numId');
    const abstract = abstracts.get(attr(child(n, 'abstractNumId'), 'val') ?? '');
    if (id === undefined || !abstract) continue;
    const levels = [...abstract];
    for (const o of children(n, 'lvlOverride')) {
      const i = numAttr(o, 'ilvl');
      if (i === undefined || i < 0 || i >= 9) continue;
      const own = child(o, 'lvl');
      const startOverride = numAttr(child(o, 'startOverride'), 'val');
      const base = own ? level(own) : levels[i];
      if (base) levels[i] = startOverride === undefined ? base : { ...base, start: startOverride };
    }
    out.nums[id] = { levels };
  }
  return out;
}
