/**
 * A V8 code cache for every CommonJS module, loaded with `node --require` by the start-up bench only: it
 * measures what compiling from cached data would save before we adopt one (issue 15). Node 20 has no
 * module.enableCompileCache, so this does what v8-compile-cache does: compile each module's wrapper with
 * vm.Script and its cachedData, kept in CABINET_CODE_CACHE (a folder) between runs.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module from 'node:module';

const dir = process.env.CABINET_CODE_CACHE;

interface Compilable {
  _compile(content: string, filename: string): unknown;
  paths: string[];
  exports: unknown;
}

if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  // Written at exit, after the run compiled the functions it called: a cache made at load holds only the
  // eagerly compiled top level.
  const fresh = new Map<string, vm.Script>();
  process.on('exit', () => {
    for (const [key, script] of fresh) fs.writeFileSync(key, script.createCachedData());
  });
  const proto = (Module as unknown as { prototype: Compilable }).prototype;
  proto._compile = function compile(this: Compilable, content: string, filename: string): unknown {
    const key = path.join(dir, crypto.createHash('sha1').update(filename).update(content).digest('hex'));
    const cachedData = fs.existsSync(key) ? fs.readFileSync(key) : undefined;
    const body = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const wrapper = `(function (exports, require, module, __filename, __dirname) { ${body}\n});`;
    const script = new vm.Script(wrapper, { filename, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) fresh.set(key, script);
    const fn = script.runInThisContext() as (...a: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
}
