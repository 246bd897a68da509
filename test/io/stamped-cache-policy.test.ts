import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { houseLogo } from '../../src/render/house-style';
import { withReadPolicy, type ReadPolicy } from '../../src/io/read-policy';
import { DEFAULT_READ_LIMITS } from '../../src/io/read-limits';
import { UnreadableInputError } from '../../src/diagnostics/diagnostic';

/**
 * A warm process (cabinet preview) keeps logos and fonts it has read. One build's settings must never lend
 * a file to another build whose settings refuse it.
 */
describe('files cached by a warm process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-stamp-'));
  const logo = path.join(dir, 'brand', 'logo.png');
  fs.mkdirSync(path.dirname(logo));
  fs.copyFileSync(path.resolve(__dirname, '../../data/councils/hillbrook/logo.png'), logo);
  const size = fs.statSync(logo).size;
  const open: ReadPolicy = { limits: DEFAULT_READ_LIMITS, readRoots: [], cwd: dir };

  const read = (policy: ReadPolicy) => withReadPolicy(policy, () => houseLogo({ logo: { path: 'brand/logo.png' } } as Parameters<typeof houseLogo>[0], dir));
  const refusal = (policy: ReadPolicy) => {
    try {
      read(policy);
    } catch (e) {
      if (e instanceof UnreadableInputError) return e.message;
      throw e;
    }
    return undefined;
  };

  it('reads a logo again under settings whose read roots leave it out, and refuses it', () => {
    expect(read(open)).toBeDefined();
    expect(refusal({ ...open, readRoots: ['papers'] })).toMatch(/render\.logo/);
    // The first build's rules still get the logo.
    expect(read(open)).toBeDefined();
  });

  it('reads it again under a smaller image limit, and refuses it', () => {
    expect(read(open)).toBeDefined();
    expect(refusal({ ...open, limits: { ...DEFAULT_READ_LIMITS, maxImageBytes: size - 1 } })).toMatch(/render\.logo/);
  });
});
