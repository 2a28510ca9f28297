/**
 * A build that will run out of memory should say so before it starts, and
 * say what to do, rather than leave a maintainer with a V8 stack trace after
 * minutes of garbage collection.
 *
 * `memoryAdvice` compares the estimated peak heap for this many records with
 * the V8 heap limit and the machine's (or container's) memory, and returns a
 * warning for the build log when it does not fit. Estimates can be wrong, so
 * it never fails the build on its own.
 *
 * Measured (npm run bench, 500 synthetic records): the build succeeds with a
 * 492 MB heap limit (--max-old-space-size=300) and, with a 312 MB limit
 * (--max-old-space-size=120), V8 spends about 2.5 minutes collecting garbage
 * and then aborts ("Ineffective mark-compacts near heap limit", signal 6).
 * It does fail, but late and unclearly: hence the warning up front.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

const MB = 1024 * 1024;

/**
 * Estimated peak heap of a build: a fixed part (Astro, Vite, the bundles)
 * plus a part per record (parsed records, the model, rendered pages kept by
 * Astro, the search index input). Calibrated with `npm run bench` (see the
 * README's scale table): 500 records fit in a 492 MB heap limit, not in 312 MB.
 */
export const HEAP_BASE_BYTES = 250 * MB;
export const HEAP_PER_RECORD_BYTES = 200 * 1024;

export function estimateHeapBytes(records: number): number {
  return HEAP_BASE_BYTES + records * HEAP_PER_RECORD_BYTES;
}

/** The memory this process may use: the cgroup limit when there is one, else the machine's. */
export function availableMemoryBytes(readCgroup: () => string | undefined = cgroupLimit): number {
  const total = os.totalmem();
  const cg = Number(readCgroup()?.trim());
  return Number.isFinite(cg) && cg > 0 && cg < total ? cg : total;
}

function cgroupLimit(): string | undefined {
  try {
    return readFileSync('/sys/fs/cgroup/memory.max', 'utf8');
  } catch {
    return undefined;
  }
}

export interface MemoryFacts {
  records: number;
  /** V8's heap limit (`--max-old-space-size`, or Node's default for this machine). */
  heapLimit: number;
  /** Memory available to the process (machine or container). */
  available: number;
}

/** A warning for the build log when the estimated heap for `records` does not fit, else undefined. */
export function memoryAdvice(f: MemoryFacts): string | undefined {
  const need = estimateHeapBytes(f.records);
  const mb = (b: number) => `${Math.round(b / MB).toLocaleString('en')} MB`;
  if (need > f.available) {
    return `${f.records.toLocaleString('en')} records need about ${mb(need)} of memory, but only ${mb(f.available)} is available: the build will probably run out of memory. Build on a larger machine or split the portfolio.`;
  }
  if (need > f.heapLimit) {
    const suggest = Math.min(Math.ceil((need * 1.25) / 256 / MB) * 256, Math.floor(f.available / MB) - 512);
    return `${f.records.toLocaleString('en')} records need about ${mb(need)} of JavaScript heap, above Node's limit of ${mb(f.heapLimit)}. If the build stops for lack of memory, run it with NODE_OPTIONS=--max-old-space-size=${suggest}.`;
  }
  return undefined;
}
