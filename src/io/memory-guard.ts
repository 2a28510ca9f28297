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
 * (Measured again with the watchdog below, Sätteri Markdown: 500 records
 * finish with --max-old-space-size=110 and Node aborts at 108 on one large
 * page; 1,000 records finish at 135 and thrash at 128.)
 *
 * The warning is a guess; `startHeapWatchdog` watches the real thing during
 * `astro build`. After each full (mark-compact) garbage collection it reads
 * how much of the old generation is still live and how much of the time went
 * to collecting; when full GCs in a row leave the heap nearly full and take
 * most of the time (`heapWatchStep`), the build will not finish, so it prints
 * one message saying what to do and exits with code 1, instead of V8's stack
 * trace or minutes of garbage collection. It cannot see a single allocation
 * that overshoots the limit inside one synchronous step (one large page): V8
 * aborts those by itself, with exit code 134, after the warning above.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

const MB = 1024 * 1024;

/** Bytes as whole megabytes, for messages: `1,536 MB`. */
const mb = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en')} MB`;

/**
 * Estimated heap a build needs (V8's heap limit, young generation included):
 * a fixed part (Astro, Vite, the bundles) plus a part per record (parsed
 * records, the model, the search index input). Calibrated with the bench's
 * portfolios under `--max-old-space-size`: 500 records fit in a 492 MB heap
 * limit, not in 312 MB; 10,000 records fit in 592 MB (62 s, much of it
 * collecting garbage) and 792 MB (53 s), not in 472 MB.
 */
export const HEAP_BASE_BYTES = 380 * MB;
export const HEAP_PER_RECORD_BYTES = 24 * 1024;

export function estimateHeapBytes(records: number): number {
  return HEAP_BASE_BYTES + records * HEAP_PER_RECORD_BYTES;
}

/** What Pagefind's writer needs besides (one part of the index; src/core/search-index.ts). */
export const SEARCH_WRITER_BYTES = 700 * MB;

/**
 * Estimated memory of the whole build: the heap, as much again outside it
 * (code, buffers, the check's worker thread), and Pagefind's writer. 10,000
 * records: 1.8-2.0 GB measured for the process tree, 1.9 GB estimated.
 */
export function estimateMemoryBytes(records: number): number {
  return 2 * estimateHeapBytes(records) + SEARCH_WRITER_BYTES;
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
  if (estimateMemoryBytes(f.records) > f.available) {
    return `${f.records.toLocaleString('en')} records need about ${mb(estimateMemoryBytes(f.records))} of memory, but only ${mb(f.available)} is available: the build will probably run out of memory. Build on a larger machine or split the portfolio.`;
  }
  if (need > f.heapLimit) {
    const suggest = Math.min(roundUpMb(need * 1.25), Math.floor(f.available / MB) - 512);
    return `${f.records.toLocaleString('en')} records need about ${mb(need)} of JavaScript heap, above Node's limit of ${mb(f.heapLimit)}. If the build stops for lack of memory, run it with NODE_OPTIONS=--max-old-space-size=${suggest}.`;
  }
  return undefined;
}

/** Bytes as whole megabytes, rounded up to a multiple of 256 (a tidy `--max-old-space-size`). */
function roundUpMb(bytes: number): number {
  return Math.ceil(bytes / 256 / MB) * 256;
}

// ---------------------------------------------------------------------------
// The watchdog: live heap after full garbage collections, during the build.

/** One full (mark-compact) garbage collection, as the watchdog saw it. */
export interface MajorGcSample {
  /** When it ended, in milliseconds on a monotonic clock (`performance.now()`). */
  at: number;
  /** Bytes still live in the old generation after it. */
  live: number;
  /** Milliseconds spent in garbage collection (all kinds, this one included) since the previous full GC ended. */
  gcMs: number;
}

export interface HeapWatchPolicy {
  /** A full GC is ineffective when it leaves at least this share of the old generation's limit live… */
  ratio: number;
  /** …and collecting took at least this share of the time since the previous full GC. */
  gcShare: number;
  /** Ineffective full GCs in a row that stop the build. */
  consecutive: number;
}

/**
 * V8 gives up by itself ("Ineffective mark-compacts near heap limit") after 4
 * full GCs in a row that each leave ≥ 80% of the old generation live with a
 * mutator utilisation under 0.4 (GC taking > 60% of the time). The watchdog
 * uses a similar test (GC time for V8's speed ratio), a little stricter on
 * the heap (90%), and stops one GC earlier, to speak first and say what to
 * do. It does not always: Node delivers GC entries on the event loop, 1–2 s
 * late while a large page renders synchronously, and V8 may abort meanwhile
 * (1,000 records at 128–130 MB: the watchdog spoke in 2 builds of 5).
 *
 * The heap share alone is not enough. Measured with synthetic records
 * (`npm run bench` data, `--max-old-space-size` just above what fits):
 * builds that finish keep ≥ 90% of the old generation live after up to 9 full
 * GCs in a row (500 records, 110 MB) or for 12 s of page rendering (1,000
 * records, 135 MB, 31 s like with room); in the latter, 7 in a row also took ≥
 * 50% of the time, but never more than 2 in a row ≥ 60%. The build that did
 * not finish (1,000 records, 128 MB) kept 97% live with GC taking 60–86% of
 * the time for 4 full GCs before V8 aborted; this policy stops it at the 3rd.
 */
export const HEAP_WATCH_POLICY: HeapWatchPolicy = { ratio: 0.9, gcShare: 0.6, consecutive: 3 };

/** How far a run of ineffective full GCs has gone. */
export interface HeapWatchState {
  /** Ineffective full GCs in a row (0 after one that left room or let the build work). */
  streak: number;
  /** When the run began: the end of the full GC before its first. */
  since?: number;
  /** The latest full GC: when it ended, and the live size after it. */
  at: number;
  live: number;
}

/** The state when watching starts at `at` (ms, same clock as the samples). */
export function heapWatchStart(at = 0): HeapWatchState {
  return { streak: 0, at, live: 0 };
}

/**
 * One step of the decision, pure: the state after `sample`, and whether the
 * build should stop. A full GC that leaves the live heap under `ratio × limit`
 * (it freed memory) or that left the build most of the time to work ends the run.
 */
export function heapWatchStep(
  state: HeapWatchState,
  sample: MajorGcSample,
  limit: number,
  policy: HeapWatchPolicy = HEAP_WATCH_POLICY,
): { state: HeapWatchState; exhausted: boolean } {
  const elapsed = sample.at - state.at;
  const share = elapsed > 0 ? sample.gcMs / elapsed : 1;
  const ineffective = limit > 0 && sample.live >= policy.ratio * limit && share >= policy.gcShare;
  if (!ineffective) return { state: { streak: 0, at: sample.at, live: sample.live }, exhausted: false };
  const next: HeapWatchState = { streak: state.streak + 1, since: state.streak > 0 ? state.since : state.at, at: sample.at, live: sample.live };
  return { state: next, exhausted: next.streak >= policy.consecutive };
}

/** The decision over a sequence of full GCs, watched from `start`: the state at the end, and the index of the sample that stopped the build (if one did). */
export function heapVerdict(
  samples: readonly MajorGcSample[],
  limit: number,
  policy: HeapWatchPolicy = HEAP_WATCH_POLICY,
  start = 0,
): { state: HeapWatchState; exhaustedAt?: number } {
  let state = heapWatchStart(start);
  for (let i = 0; i < samples.length; i++) {
    const step = heapWatchStep(state, samples[i], limit, policy);
    state = step.state;
    if (step.exhausted) return { state, exhaustedAt: i };
  }
  return { state };
}

/**
 * `--max-old-space-size` in MB from Node's options (NODE_OPTIONS, then the
 * command line, which wins), if set.
 */
export function oldSpaceFlagMb(execArgv: readonly string[], nodeOptions = ''): number | undefined {
  const args = [...nodeOptions.split(/\s+/).filter(Boolean), ...execArgv];
  let mb: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const m = /^--max[-_]old[-_]space[-_]size(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const n = Number(m[1] ?? args[i + 1]);
    if (Number.isFinite(n) && n > 0) mb = n;
  }
  return mb;
}

/**
 * The old generation's limit, which is what runs out. V8's `heap_size_limit`
 * also counts the young generation (192 MB with Node 24's defaults: 312 MB
 * for `--max-old-space-size=120`), which is nearly empty after a full GC, so
 * a share of `heap_size_limit` would never be reached on small heaps. With
 * `--max-old-space-size` the old limit is exactly that. Without it, the young
 * generation is at least 1.5 × the largest new space seen (two semi-spaces
 * plus a large-object space of one), so the limit is at most
 * `heap_size_limit − 1.5 × newSpace`: too high rather than too low, so the
 * watchdog may speak late but never stops a build that has room.
 */
export function oldGenerationLimit(f: { heapSizeLimit: number; flagMb?: number; newSpaceMax: number }): number {
  if (f.flagMb !== undefined && f.flagMb * MB <= f.heapSizeLimit) return f.flagMb * MB;
  return Math.max(f.heapSizeLimit - 1.5 * f.newSpaceMax, 0);
}

export interface ExhaustedFacts {
  records: number;
  /** V8's heap_size_limit. */
  heapLimit: number;
  /** The old generation's limit (`oldGenerationLimit`). */
  oldLimit: number;
  state: HeapWatchState;
  /** The policy that stopped the build (default `HEAP_WATCH_POLICY`). */
  policy?: HeapWatchPolicy;
  available: number;
  /** Pages (HTML files) this build had written (to its staging folder) when it stopped. */
  pagesWritten: number;
  outDir: string;
}

/** The one message printed when the watchdog stops the build. */
export function exhaustedMessage(f: ExhaustedFacts): string {
  const seconds = Math.max(1, Math.round((f.state.at - (f.state.since ?? f.state.at)) / 1000));
  const policy = f.policy ?? HEAP_WATCH_POLICY;
  const records = `${f.records.toLocaleString('en')} record${f.records === 1 ? '' : 's'}`;
  const suggest = Math.max(roundUpMb(estimateHeapBytes(f.records) * 1.25), roundUpMb(f.oldLimit * 1.5));
  const room = Math.floor(f.available / MB) - 512;
  const lines = [
    `[roadmap] Out of memory: the build was stopped (exit code 1). ${records} need more JavaScript heap than Node allows (heap limit ${mb(f.heapLimit)}, of which ${mb(f.oldLimit)} for long-lived data).`,
    `${f.state.streak} full garbage collections in a row (over ${seconds} s) each left at least ${Math.round(policy.ratio * 100)}% of it in use (${mb(f.state.live)} after the last) and took most of the time: the build was collecting garbage instead of building, and would not finish.`,
    'To build it, do one of:',
    suggest <= room
      ? `  - give Node more heap: NODE_OPTIONS=--max-old-space-size=${suggest} npm run build`
      : `  - build on a machine with more memory (this one has ${mb(f.available)} available; ${records} need about ${suggest.toLocaleString('en')} MB of heap)`,
    ...(suggest <= room ? [`  - or build on a machine with more memory (this one has ${mb(f.available)} available)`] : []),
    '  - or build fewer records: an audience that shows fewer of them (ROADMAP_AUDIENCE), or split the portfolio.',
    f.pagesWritten > 0
      ? `${f.pagesWritten.toLocaleString('en')} page${f.pagesWritten === 1 ? ' was' : 's were'} already built; they were discarded, and ${f.outDir} still holds the previous site.`
      : `Nothing was written to ${f.outDir}.`,
  ];
  // On a line of its own: Astro may be half-way through a line of its page list.
  return `\n${lines.join('\n')}\n`;
}

/** HTML files under `dir` modified at or after `since` (ms since the epoch): the pages this build wrote. */
export function pagesWrittenSince(dir: string, since: number): number {
  let n = 0;
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.html')) {
        try {
          if (statSync(full).mtimeMs >= since) n++;
        } catch {
          // removed meanwhile
        }
      }
    }
  };
  walk(dir);
  return n;
}

/** Heap growth allowed between full collections: 1.5 × what the last one kept (V8 picks up to 4× by itself). */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Makes V8 collect garbage sooner during a build: the build allocates far more than it keeps (each
 * page's view models and HTML), and by its own heuristics V8 let the old generation grow to 3–4 × the
 * live data before marking it. A smaller step keeps the peak near what is really in use, at about
 * the same CPU (fewer objects survive to each collection).
 */
export function favourMemoryOverHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export interface HeapWatchdog {
  stop(): void;
}

/**
 * Starts watching full GCs for the rest of the build. `stop()` ends it (call
 * it when the build is done). The observer holds no handle on the event loop,
 * so it never keeps the process alive.
 */
export function startHeapWatchdog(options: {
  records: number;
  /** The output folder the message names. */
  outDir: URL | string;
  /** Where the pages are being written (the staging folder); default `outDir`. */
  pagesDir?: string;
  policy?: HeapWatchPolicy;
  /** Defaults: stderr, `process.exit`. */
  write?: (text: string) => void;
  exit?: (code: number) => void;
}): HeapWatchdog {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const outDir = typeof options.outDir === 'string' ? options.outDir : fileURLToPath(options.outDir);
  const startedAt = Date.now();
  const flagMb = oldSpaceFlagMb(process.execArgv, process.env.NODE_OPTIONS);
  let newSpaceMax = 0;
  let state = heapWatchStart(performance.now());
  let gcMs = 0; // GC time since the last full GC
  let stopped = false;
  const observer = new PerformanceObserver((list) => {
    if (stopped) return;
    const spaces = v8.getHeapSpaceStatistics();
    let young = 0;
    for (const s of spaces) {
      if (s.space_name === 'new_space') newSpaceMax = Math.max(newSpaceMax, s.space_size);
      if (s.space_name === 'new_space' || s.space_name === 'new_large_object_space') young += s.space_used_size;
    }
    const heap = v8.getHeapStatistics();
    // Entries arrive in batches, after the fact: the heap is read once per
    // batch, so every full GC in it is taken to have left what is live now.
    const live = heap.used_heap_size - young;
    const oldLimit = oldGenerationLimit({ heapSizeLimit: heap.heap_size_limit, flagMb, newSpaceMax });
    let exhausted = false;
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      const step = heapWatchStep(state, { at: entry.startTime + entry.duration, live, gcMs }, oldLimit, options.policy);
      state = step.state;
      gcMs = 0;
      if (step.exhausted) {
        exhausted = true;
        break;
      }
    }
    if (!exhausted) return;
    stop();
    write(
      exhaustedMessage({
        records: options.records,
        heapLimit: heap.heap_size_limit,
        oldLimit,
        state,
        policy: options.policy,
        available: availableMemoryBytes(),
        pagesWritten: pagesWrittenSince(options.pagesDir ?? outDir, startedAt),
        outDir,
      }),
    );
    exit(1);
  });
  observer.observe({ entryTypes: ['gc'] });
  function stop() {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
  }
  return { stop };
}

export interface NodeExitFacts {
  /** The last few kilobytes the build wrote to stderr. */
  stderrTail: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** V8's heap_size_limit under the same NODE_OPTIONS as the build. */
  heapLimit: number;
  available: number;
  outDir: string;
}

const V8_OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit|Ineffective mark-compacts near heap limit/;

/**
 * The message for a build that Node itself stopped for lack of heap (V8
 * aborts: exit code 134 or SIGABRT, and its "heap out of memory" line), else
 * undefined. Printed by `npm run build` (scripts/build.ts).
 */
export function nodeOutOfMemoryMessage(f: NodeExitFacts): string | undefined {
  const aborted = f.code === 134 || f.signal === 'SIGABRT';
  if (!aborted || !V8_OUT_OF_MEMORY.test(f.stderrTail)) return undefined;
  const suggest = roundUpMb(f.heapLimit * 2);
  const room = Math.floor(f.available / MB) - 512;
  const lines = [
    `[roadmap] Out of memory: Node stopped the build (V8 ran out of JavaScript heap; heap limit ${mb(f.heapLimit)}).`,
    'To build it, do one of:',
    suggest <= room
      ? `  - give Node more heap: NODE_OPTIONS=--max-old-space-size=${suggest} npm run build`
      : `  - build on a machine with more memory (this one has ${mb(f.available)} available)`,
    '  - or build fewer records: an audience that shows fewer of them (ROADMAP_AUDIENCE), or split the portfolio.',
    `The partial build was discarded: ${f.outDir} still holds the previous site.`,
  ];
  return `\n${lines.join('\n')}\n`;
}
