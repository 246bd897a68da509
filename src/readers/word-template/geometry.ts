/**
 * The page setup of the template's last section (the w:sectPr that closes w:body, which Word applies to a
 * document's last section and pandoc copies from a reference document): page size and orientation, margins,
 * header and footer distances, columns, a different first page; and from settings.xml, different even pages.
 */
import type { Element } from '@xmldom/xmldom';
import type { WordGeometry, WordPackage } from './types';
import { attr, child, children, numAttr, onOff, parsePart } from './word-xml';
import { partBytes, REL, relatedPart } from './parts';

/** Word's own defaults for a section that says nothing: Letter in Word, but our house page is A4. */
const A4 = { width: 595.3, height: 841.9 };
const DEFAULT_MARGIN = 72;
const DEFAULT_DISTANCE = 36;

/** The body's last section properties, or undefined for a template without one. */
export function lastSectPr(pkg: WordPackage): Element | undefined {
  const bytes = partBytes(pkg, pkg.mainPart);
  if (!bytes) return undefined;
  const body = child(parsePart(bytes, pkg.mainPart).documentElement!, 'body');
  return child(body, 'sectPr');
}

export function readGeometry(pkg: WordPackage): WordGeometry {
  const sect = lastSectPr(pkg);
  const pgSz = child(sect, 'pgSz');
  const pgMar = child(sect, 'pgMar');
  const cols = child(sect, 'cols');
  const tw = (el: Element | undefined, name: string, fallback: number) => {
    const v = numAttr(el, name);
    return v === undefined ? fallback : Math.abs(v) / 20;
  };
  const width = tw(pgSz, 'w', A4.width);
  const height = tw(pgSz, 'h', A4.height);
  const orient = attr(pgSz, 'orient');
  return {
    width,
    height,
    orientation: orient === 'landscape' || (orient === undefined && width > height) ? 'landscape' : 'portrait',
    margins: {
      top: tw(pgMar, 'top', DEFAULT_MARGIN),
      right: tw(pgMar, 'right', DEFAULT_MARGIN),
      bottom: tw(pgMar, 'bottom', DEFAULT_MARGIN),
      left: tw(pgMar, 'left', DEFAULT_MARGIN),
      header: tw(pgMar, 'header', DEFAULT_DISTANCE),
      footer: tw(pgMar, 'footer', DEFAULT_DISTANCE),
      gutter: tw(pgMar, 'gutter', 0),
    },
    columns: { count: Math.max(1, numAttr(cols, 'num') ?? 1), space: tw(cols, 'space', DEFAULT_DISTANCE) },
    titlePage: onOff(child(sect, 'titlePg')) ?? false,
    evenAndOdd: evenAndOdd(pkg),
  };
}

function evenAndOdd(pkg: WordPackage): boolean {
  const name = relatedPart(pkg, REL.settings);
  const bytes = partBytes(pkg, name);
  if (!bytes) return false;
  return onOff(child(parsePart(bytes, name!).documentElement!, 'evenAndOddHeaders')) ?? false;
}

/** The header and footer references of the last section: type (default, first, even) -> relationship id. */
export function runningReferences(pkg: WordPackage): { headers: Record<string, string>; footers: Record<string, string> } {
  const sect = lastSectPr(pkg);
  const refs = (local: string) => {
    const out: Record<string, string> = {};
    for (const r of children(sect, local)) {
      const id = r.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      if (id) out[attr(r, 'type') ?? 'default'] = id;
    }
    return out;
  };
  return { headers: refs('headerReference'), footers: refs('footerReference') };
}
