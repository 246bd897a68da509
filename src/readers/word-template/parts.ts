import { REL, type WordPackage } from './types';

/** The part the main document relates to with this relationship type (styles, theme, settings...). */
export function relatedPart(pkg: WordPackage, type: string, owner = pkg.mainPart): string | undefined {
  return pkg.relationships.get(owner)?.find((r) => r.type === type && !r.external)?.part;
}

export function partBytes(pkg: WordPackage, name: string | undefined): Uint8Array | undefined {
  return name ? pkg.parts.get(name) : undefined;
}

export { REL };
