import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cabinet, ROOT } from '../support/cli';

const CACHE = path.join(ROOT, 'dist', '.code-cache');
const HOOK = path.join(ROOT, 'dist', 'cli', 'code-cache.js');

const listing = () => fs.readdirSync(CACHE).sort().map((f) => `${f}:${fs.statSync(path.join(CACHE, f)).mtimeMs}`);
const sums = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort().map((f) => `${f} ${createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')}`);

/** The V8 code cache `npm run build` records (src/cli/code-cache.ts), as the command line uses it. */
describe('the code cache', () => {
  it('is made by the build and read, never written, by a command, which writes the same bytes with or without it and under V8\'s default flags', () => {
    expect(fs.readdirSync(CACHE).length).toBeGreaterThan(100);
    const before = listing();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-cc-'));
    const report = 'data/reports/wf-cabinet-2023-09-12.md';
    const warm = cabinet(['build', report, '--out', path.join(out, 'cached'), '--quiet']);
    const cold = cabinet(['build', report, '--out', path.join(out, 'plain'), '--quiet'], { CABINET_NO_CODE_CACHE: '1' });
    const untuned = cabinet(['build', report, '--out', path.join(out, 'untuned'), '--quiet'], { CABINET_V8_DEFAULTS: '1' });
    expect([warm.code, cold.code, untuned.code]).toEqual([0, 0, 0]);
    expect(warm.stderr).toBe(cold.stderr);
    expect(untuned.stderr).toBe(cold.stderr);
    expect(sums(path.join(out, 'cached'))).toEqual(sums(path.join(out, 'plain')));
    expect(sums(path.join(out, 'untuned'))).toEqual(sums(path.join(out, 'plain')));
    expect(listing()).toEqual(before);
  }, 120_000);

  it('is accepted by V8 under the flags the command sets (v8-tuning.ts), and refused under V8\'s defaults', () => {
    // Counts the cached data each compile offered and V8 refused; V8 refuses data recorded under other flags.
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-cc-probe-')), 'probe.js');
    fs.writeFileSync(
      probe,
      "const vm = require('node:vm'); const Script = vm.Script; let offered = 0, refused = 0;\n" +
        'vm.Script = function (source, options) { const s = new Script(source, options); if (options && options.cachedData) { offered++; if (s.cachedDataRejected) refused++; } return s; };\n' +
        "process.on('exit', () => process.stderr.write(`PROBE ${offered} ${refused}\\n`));\n",
    );
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-cc-flags-'));
    const counts = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['-r', probe, path.join(ROOT, 'dist', 'cli', 'main.js'), 'build', 'data/reports/wf-cabinet-2023-09-12.md', '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(r.status).toBe(0);
      const [offered, refused] = /PROBE (\d+) (\d+)/.exec(r.stderr)!.slice(1).map(Number);
      return { offered, refused };
    };
    const tuned = counts({});
    expect(tuned.offered).toBeGreaterThan(100);
    expect(tuned.refused).toBe(0);
    const defaults = counts({ CABINET_V8_DEFAULTS: '1' });
    expect(defaults.refused).toBe(defaults.offered);
  }, 120_000);

  it('compiles a module from its source once the source has changed, not from the cache of the old one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-cc-stale-'));
    const cache = path.join(dir, 'cache');
    const mod = path.join(dir, 'words.js');
    // Same length both times, so only the hash of the source, not its size, can tell them apart.
    fs.writeFileSync(mod, "module.exports = () => 'old';\n");
    const run = (record: boolean) =>
      spawnSync(process.execPath, ['-e', `require(${JSON.stringify(HOOK)}).useCodeCache(${JSON.stringify(cache)}, ${record}); console.log(require(${JSON.stringify(mod)})())`], { encoding: 'utf8' });
    expect(run(true).stdout).toBe('old\n');
    expect(fs.readdirSync(cache)).toHaveLength(1);
    expect(run(false).stdout).toBe('old\n');
    fs.writeFileSync(mod, "module.exports = () => 'new';\n");
    const r = run(false);
    expect({ out: r.stdout, err: r.stderr }).toEqual({ out: 'new\n', err: '' });
  });

  it('gives a module the require Node would: resolve, cache, main and the module as parent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-cc-req-'));
    fs.writeFileSync(path.join(dir, 'child.js'), 'module.exports = module.parent && module.parent.filename;\n');
    const parent = path.join(dir, 'parent.js');
    fs.writeFileSync(
      parent,
      "module.exports = { parentOf: require('./child'), resolved: require.resolve('./child'), cached: Boolean(require.cache[require.resolve('./child')]), paths: Array.isArray(require.resolve.paths('x')), main: require.main === process.mainModule };\n",
    );
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(HOOK)}).useCodeCache(${JSON.stringify(path.join(dir, 'cache'))}, true); console.log(JSON.stringify(require(${JSON.stringify(parent)})))`], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual({ parentOf: parent, resolved: path.join(dir, 'child.js'), cached: true, paths: true, main: true });
  });
});
