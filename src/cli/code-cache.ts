/**
 * Compiles each module from a V8 code cache when there is one: most of a small build's CPU is start-up, and
 * compiling the modules a build loads is a fifth of it (src/bench/startup.bench.ts measures it). Node 20
 * has no module.enableCompileCache, so this does what v8-compile-cache does, with two rules of our own:
 * - the cache is written only by `npm run build` (warm-code-cache.ts records one sample build), into
 *   dist/.code-cache beside the code, never at run time and never in a shared temporary folder: cached data
 *   is code, and only whoever installs the code may write it;
 * - an entry is named by the hash of the module's path and source, so an edited or upgraded module is
 *   compiled from source (and V8 itself refuses data from another V8 version or other flags).
 * Without the folder, or with CABINET_NO_CODE_CACHE set (the bench's comparison), Node compiles as usual.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module from 'node:module';
import { isCommandLine } from './command-line';

export const CODE_CACHE_DIR = path.join(__dirname, '..', '.code-cache');

interface LoadedModule {
  _compile(content: string, filename: string): unknown;
  require(id: string): unknown;
  exports: unknown;
}

interface ModuleStatics {
  prototype: LoadedModule;
  _resolveFilename(request: string, parent: LoadedModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: LoadedModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

const statics = Module as unknown as ModuleStatics;

/** The `require` Node hands a module (its makeRequireFunction), so modules see no difference. */
function requireFor(module: LoadedModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => statics._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => statics._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = statics._extensions as NodeJS.Require['extensions'];
  require.cache = statics._cache as NodeJS.Require['cache'];
  return require;
}

export function useCodeCache(dir = CODE_CACHE_DIR, record = process.env.CABINET_CODE_CACHE_RECORD === '1'): void {
  if (process.env.CABINET_NO_CODE_CACHE || (!record && !fs.existsSync(dir))) return;
  // Recorded at exit, after the run compiled the functions it called: data made at load holds only the top level.
  const fresh = new Map<string, vm.Script>();
  if (record) {
    fs.mkdirSync(dir, { recursive: true });
    process.on('exit', () => {
      for (const [file, script] of fresh) {
        const temp = `${file}.tmp-${process.pid}`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, file);
      }
    });
  }
  statics.prototype._compile = function compile(this: LoadedModule, content: string, filename: string): unknown {
    const file = path.join(dir, crypto.createHash('sha1').update(filename).update('\0').update(content).digest('hex'));
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // Node's own wrapper, on the source's first line, so line numbers in stack traces are unchanged.
    const body = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${body}\n});`, { filename, ...(cachedData ? { cachedData } : {}) });
    if (record && (!cachedData || script.cachedDataRejected)) fresh.set(file, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
}

// Imported first by main.ts: the command line gets the cache; a library user or a test importing main does not.
if (isCommandLine) useCodeCache();
