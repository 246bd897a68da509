/**
 * A full garbage collection before the next document of a build, when the heap is large. V8 runs no full
 * collection while a long document is laid out and drawn (the old-space limit it set early on is far above
 * what a build keeps alive), so the garbage of a 5,000-action report's pages and files stayed until the
 * process ended, and its appendix's own file was laid out on top of it: a peak of 380 MB, and 285 MB when
 * collected between them, for about 0.1 s. A small build never reaches the threshold and pays nothing.
 * Only the command line offers a collector (v8-tuning.ts exposes V8's); in a library user's process this
 * does nothing, and that process keeps its own GC settings.
 */
import * as v8 from 'node:v8';

export const COLLECT_ABOVE_BYTES = 128 * 1024 * 1024;

let collector: (() => void) | undefined;
/** Heap in use just after the last collection made here. */
let settled = 0;

export function offerCollector(collect: (() => void) | undefined): void {
  collector = collect;
  settled = 0;
}

/**
 * Collects when a collector was offered and the heap has grown by more than `above` bytes since the last
 * collection here (so a warm preview holding a large live heap is not collected at every document); says
 * whether it did.
 */
export function collectIfLarge(above = COLLECT_ABOVE_BYTES): boolean {
  if (!collector || v8.getHeapStatistics().used_heap_size - settled <= above) return false;
  collector();
  settled = v8.getHeapStatistics().used_heap_size;
  return true;
}
