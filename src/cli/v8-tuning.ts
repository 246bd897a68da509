/**
 * Tunes V8 for a command. A build is over in about a second, and V8's default tiering starts optimising a
 * function after little use, so the optimising compiler's threads spent more CPU on a small build than the
 * optimised code gave back (a quarter of the W&F build's CPU). Waiting for about 15x the default use
 * (V8 11.3's budget is 67,584) before optimising keeps what a long build needs optimised (the 5,000-action
 * report also takes less CPU) and compiles little else. V8's collector is exposed, to this module only,
 * for a full collection between the documents of a large build (io/heap-collect.ts).
 * src/bench/startup.bench.ts measures it; CABINET_V8_DEFAULTS=1 turns it all off.
 * Set before code-cache.ts, because V8 accepts cached code only under the flags it was recorded with.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { offerCollector } from '../io/heap-collect';
import { isCommandLine } from './command-line';

export const V8_FLAGS = ['--interrupt-budget=1000000', '--expose-gc'];

if (isCommandLine && !process.env.CABINET_V8_DEFAULTS) {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
  // A context made after --expose-gc has V8's gc(); this process's own global was made before, so no
  // module sees a gc it did not ask for.
  offerCollector(vm.runInNewContext('gc') as () => void);
}
