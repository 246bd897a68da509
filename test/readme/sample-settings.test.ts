/**
 * The sample settings file is the settings reference an officer copies: every key the settings schema
 * accepts appears in it, set or commented out, under its own section, so no key is only in the code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigSchema } from '../../src/config/schema';
import { ROOT } from '../support/cli';

interface Def { type: string; shape?: Record<string, { _zod: { def: Def } }>; innerType?: { _zod: { def: Def } }; element?: { _zod: { def: Def } } }

/** Every key path of a zod object schema; keys of objects inside lists (a list's recipients) included. */
function keyPaths(def: Def, prefix: string[] = []): string[][] {
  if (def.innerType) return keyPaths(def.innerType._zod.def, prefix);
  if (def.type === 'array' && def.element) return keyPaths(def.element._zod.def, prefix);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([k, v]) => [[...prefix, k], ...keyPaths(v._zod.def, [...prefix, k])]);
}

/** Where a key path stands in the file: each key on a later line than its parent, set or commented. */
function documented(lines: string[], keys: string[]): boolean {
  let from = 0;
  for (const [depth, key] of keys.entries()) {
    const re = new RegExp(`^\\s*(?:#\\s*)?(?:- )?(?:\\{\\s*)?${key}:|[{,]\\s*${key}:`);
    const at = lines.findIndex((l, i) => i >= from && re.test(l) && (depth > 0 || /^#?\s?\w/.test(l)));
    if (at < 0) return false;
    from = at;
  }
  return true;
}

describe('the sample settings file (data/cabinet.config.yaml)', () => {
  const lines = fs.readFileSync(path.join(ROOT, 'data', 'cabinet.config.yaml'), 'utf8').split('\n');
  const paths = keyPaths((ConfigSchema as unknown as { _zod: { def: Def } })._zod.def);

  it('is compared against the whole schema', () => {
    expect(paths.length).toBeGreaterThan(40);
  });

  it('shows every key the settings accept, set or commented out', () => {
    expect(paths.filter((p) => !documented(lines, p)).map((p) => p.join('.'))).toEqual([]);
  });
});
