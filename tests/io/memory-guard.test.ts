/**
 * The build's memory guard: the up-front estimate against the heap limit and
 * the machine, and the watchdog's decision on live heap after full garbage
 * collections (samples are made up or taken from measured builds; no real
 * memory pressure needed).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  availableMemoryBytes,
  estimateHeapBytes,
  estimateMemoryBytes,
  exhaustedMessage,
  HEAP_BASE_BYTES,
  HEAP_PER_RECORD_BYTES,
  HEAP_WATCH_POLICY,
  heapVerdict,
  heapWatchStart,
  heapWatchStep,
  memoryAdvice,
  oldGenerationLimit,
  oldSpaceFlagMb,
  pagesWrittenSince,
  startHeapWatchdog,
  type MajorGcSample,
} from '../../src/io/memory-guard.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('memoryAdvice', () => {
  it('the estimate is linear in records', () => {
    expect(estimateHeapBytes(0)).toBe(HEAP_BASE_BYTES);
    expect(estimateHeapBytes(10_000) - estimateHeapBytes(5_000)).toBe(5_000 * HEAP_PER_RECORD_BYTES);
  });
  it('says nothing when the estimate fits', () => {
    expect(memoryAdvice({ records: 2_000, heapLimit: 4 * GB, available: 16 * GB })).toBeUndefined();
    expect(memoryAdvice({ records: 10_000, heapLimit: 4288 * MB, available: 7 * GB })).toBeUndefined();
  });
  it('warns for 500 records under a 312 MB heap limit (measured to fail) and not under 492 MB (measured to pass)', () => {
    expect(memoryAdvice({ records: 500, heapLimit: 312 * MB, available: 16 * GB })).toContain('500 records need about 392 MB');
    expect(memoryAdvice({ records: 500, heapLimit: 492 * MB, available: 16 * GB })).toBeUndefined();
  });
  it('warns for 10,000 records under a 472 MB heap limit (measured to fail) and not under 792 MB (measured to pass)', () => {
    expect(memoryAdvice({ records: 10_000, heapLimit: 472 * MB, available: 16 * GB })).toContain('10,000 records need about 614 MB');
    expect(memoryAdvice({ records: 10_000, heapLimit: 792 * MB, available: 16 * GB })).toBeUndefined();
    // Node's default heap limit on a 7 GB runner is about 2 GB: no false alarm.
    expect(memoryAdvice({ records: 10_000, heapLimit: 2 * GB, available: 7 * GB })).toBeUndefined();
  });
  it('suggests --max-old-space-size when the heap limit is too low but the machine has room', () => {
    const msg = memoryAdvice({ records: 100_000, heapLimit: 2 * GB, available: 16 * GB })!;
    expect(msg).toContain('100,000 records need about 2,724 MB of JavaScript heap');
    expect(msg).toContain("above Node's limit of 2,048 MB");
    expect(msg).toContain('NODE_OPTIONS=--max-old-space-size=3584');
  });
  it('says the machine is too small when the whole build would not fit in its memory', () => {
    // 10,000 records measured 1.8-2.0 GB for the whole process tree.
    expect(estimateMemoryBytes(10_000)).toBeGreaterThan(1.8 * GB);
    const msg = memoryAdvice({ records: 50_000, heapLimit: 4 * GB, available: 2 * GB })!;
    expect(msg).toContain('50,000 records need about 3,804 MB of memory, but only 2,048 MB is available');
    expect(msg).not.toContain('NODE_OPTIONS');
  });
  it('uses a cgroup limit below the machine memory, and ignores "max"', () => {
    expect(availableMemoryBytes(() => `${512 * MB}\n`)).toBe(512 * MB);
    expect(availableMemoryBytes(() => 'max\n')).toBeGreaterThan(512 * MB);
    expect(availableMemoryBytes(() => undefined)).toBeGreaterThan(512 * MB);
  });
});

/** Full GCs `every` ms apart, each leaving `shares[i] × limit` live and having taken `gc[i]` (a share of the interval) collecting. */
function samples(limit: number, shares: number[], gc: number | number[] = 0.8, every = 1000): MajorGcSample[] {
  return shares.map((share, i) => ({ at: (i + 1) * every, live: share * limit, gcMs: (typeof gc === 'number' ? gc : gc[i]) * every }));
}
const times = (n: number, x: number) => Array.from({ length: n }, () => x);

describe('heapVerdict', () => {
  const limit = 150 * MB;

  it('never stops a build whose full GCs leave under 90% of the limit live, however long and costly', () => {
    const v = heapVerdict(samples(limit, times(600, 0.89), 0.95), limit);
    expect(v.exhaustedAt).toBeUndefined();
    expect(v.state.streak).toBe(0);
  });

  it('never stops a build that keeps the heap nearly full but has time to work', () => {
    // 97% live after every full GC for 10 minutes, GC taking 55% of the time: V8 keeps going, so does the build.
    expect(heapVerdict(samples(limit, times(600, 0.97), 0.55), limit).exhaustedAt).toBeUndefined();
  });

  it('stops it at the 3rd full GC in a row that leaves ≥ 90% live and takes ≥ 60% of the time', () => {
    const v = heapVerdict(samples(limit, [0.5, 0.6, 0.95, 0.96, 0.97, 0.97], 0.7), limit);
    expect(v.exhaustedAt).toBe(4);
    expect(v.state).toEqual({ streak: 3, since: 2000, at: 5000, live: 0.97 * limit });
    // Exactly at both thresholds counts.
    expect(heapVerdict(samples(limit, times(3, 0.9), 0.6), limit).exhaustedAt).toBe(2);
    // Two are not enough.
    expect(heapVerdict(samples(limit, times(2, 0.99), 0.99), limit).exhaustedAt).toBeUndefined();
  });

  it('starts over after a full GC that frees memory, or one that leaves the build time to work', () => {
    const freed = heapVerdict(samples(limit, [0.97, 0.97, 0.7, 0.97, 0.97, 0.97]), limit);
    expect(freed.exhaustedAt).toBe(5);
    expect(freed.state.since).toBe(3000);
    const worked = heapVerdict(samples(limit, [0.97, 0.97, 0.97, 0.97], [0.8, 0.8, 0.3, 0.8]), limit);
    expect(worked.exhaustedAt).toBeUndefined();
    expect(worked.state.streak).toBe(1);
    const step = heapWatchStep({ streak: 2, since: 0, at: 5000, live: 0.95 * limit }, { at: 6000, live: 0.5 * limit, gcMs: 900 }, limit);
    expect(step).toEqual({ state: { streak: 0, at: 6000, live: 0.5 * limit }, exhausted: false });
  });

  it('measures GC time against the time since the previous full GC, from the start of watching', () => {
    // 700 ms of GC in the 1 s since the previous full GC: 70%; in the 2 s since the start: 35%.
    expect(heapWatchStep(heapWatchStart(4000), { at: 5000, live: limit, gcMs: 700 }, limit).state.streak).toBe(1);
    expect(heapWatchStep(heapWatchStart(3000), { at: 5000, live: limit, gcMs: 700 }, limit).state.streak).toBe(0);
  });

  it('on measured builds: lets through the tightest that finished, stops the one that did not, before V8 did', () => {
    // [end of full GC (ms into the build), live old generation (MB), GC ms since the previous full GC], from `astro build`
    // on 1,000 synthetic records (PerformanceObserver + v8.getHeapSpaceStatistics, as the watchdog reads them).
    const toSamples = (rows: number[][]) => rows.map(([at, live, gcMs]) => ({ at, live: live * MB, gcMs }));
    // --max-old-space-size=135: finished in 31 s (as with 150). 12 s of page rendering at 89–95% of the limit.
    const finished = toSamples([[15558,107,20],[15699,107,19],[15838,125,12],[16009,125,55],[16169,125,72],[16330,125,81],[16528,125,106],[16681,125,79],[16833,125,85],[16977,124,76],[17161,124,121],[17919,124,175],[18054,123,95],[18218,128,52],[18314,124,33],[18455,120,77],[18597,122,63],[18749,124,57],[18886,122,63],[19012,121,92],[19150,121,58],[19301,122,26],[19480,121,34],[19666,120,26],[19866,122,25],[20036,121,22],[20195,121,22],[20388,122,22],[20537,120,21],[20703,121,30],[20871,121,29],[21032,121,22],[21210,121,29],[21370,122,27],[21526,122,23],[21680,123,34],[21846,122,27],[21993,122,30],[22150,122,28],[22301,122,25],[22454,122,20],[22625,122,21],[22786,123,27],[22936,122,21],[23110,122,28],[23250,122,25],[23413,124,32],[23580,124,82],[23750,123,24],[23918,123,30],[24076,123,41],[24224,124,29],[24360,123,21],[24514,123,23],[24664,124,27],[24846,124,40],[25004,124,36],[25134,123,22],[25276,123,21],[25434,123,23],[25586,123,22],[25725,124,25],[25854,124,53],[25993,126,68],[26100,125,59],[26236,124,58],[26359,124,68],[26482,125,78],[26598,125,49],[26712,126,57],[26822,124,57],[26938,125,76],[27057,124,60],[27185,125,81],[27298,125,79],[27434,126,79],[27653,123,116]]);
    expect(heapVerdict(finished, 135 * MB, HEAP_WATCH_POLICY, 15399).exhaustedAt).toBeUndefined();
    // The heap share alone would have stopped it (3 in a row ≥ 90%, whatever the GC time).
    expect(heapVerdict(finished, 135 * MB, { ...HEAP_WATCH_POLICY, gcShare: 0 }, 15399).exhaustedAt).toBe(4);
    // --max-old-space-size=128: V8 aborted at 36.5 s ("Ineffective mark-compacts near heap limit").
    const aborted = toSamples([[29213,103,36],[29734,105,66],[30149,103,23],[30566,100,17],[30941,124,76],[31456,124,320],[32242,124,111],[33068,124,537],[33641,124,255],[33928,124,158],[34298,125,242],[34912,125,465],[35357,125,441],[36033,125,587]]);
    const v = heapVerdict(aborted, 128 * MB, HEAP_WATCH_POLICY, 28780);
    expect(v.exhaustedAt).toBe(12);
    expect(v.state.at).toBeLessThan(36_463);
  });

  it('does nothing without a known limit', () => {
    expect(heapWatchStep(heapWatchStart(), { at: 1000, live: 10 * MB, gcMs: 1000 }, 0).state.streak).toBe(0);
  });
});

describe('the old generation limit', () => {
  it('reads --max-old-space-size from NODE_OPTIONS and the command line (which wins)', () => {
    expect(oldSpaceFlagMb([], '--max-old-space-size=150')).toBe(150);
    expect(oldSpaceFlagMb(['--max_old_space_size=300'], '--max-old-space-size=150 --enable-source-maps')).toBe(300);
    expect(oldSpaceFlagMb(['--max-old-space-size', '200'])).toBe(200);
    expect(oldSpaceFlagMb(['--max-semi-space-size=8'], '--inspect')).toBeUndefined();
    expect(oldSpaceFlagMb(['--max-old-space-size=lots'])).toBeUndefined();
  });
  it('is the flag when set, else the heap limit less the young generation seen', () => {
    // Node 24: heap_size_limit is 342 MB for --max-old-space-size=150 (192 MB of young generation).
    expect(oldGenerationLimit({ heapSizeLimit: 342 * MB, flagMb: 150, newSpaceMax: 16 * MB })).toBe(150 * MB);
    expect(oldGenerationLimit({ heapSizeLimit: 4288 * MB, newSpaceMax: 128 * MB })).toBe(4096 * MB);
    // Early in the build the new space is small: the limit is over- not under-estimated.
    expect(oldGenerationLimit({ heapSizeLimit: 342 * MB, newSpaceMax: 16 * MB })).toBe(318 * MB);
    // A flag above the heap limit is not what V8 used (e.g. another flag capped it).
    expect(oldGenerationLimit({ heapSizeLimit: 342 * MB, flagMb: 4096, newSpaceMax: 128 * MB })).toBe(150 * MB);
  });
});

describe('exhaustedMessage', () => {
  const base = {
    records: 500,
    heapLimit: 342 * MB,
    oldLimit: 150 * MB,
    state: { streak: 7, since: 40_000, at: 56_400, live: 141 * MB },
    available: 16 * GB,
    pagesWritten: 0,
    outDir: '/site/dist',
  };
  it('says how many records, the limits, what was seen and what to do', () => {
    const msg = exhaustedMessage(base);
    expect(msg).toContain('[roadmap] Out of memory: the build was stopped (exit code 1). 500 records need more JavaScript heap than Node allows (heap limit 342 MB, of which 150 MB for long-lived data).');
    expect(msg).toContain('7 full garbage collections in a row (over 16 s) each left at least 90% of it in use (141 MB after the last) and took most of the time');
    // 500 records: estimate 392 MB × 1.25 = 490 → 512 (more than 1.5 × 150 MB = 225 → 256).
    expect(msg).toContain('NODE_OPTIONS=--max-old-space-size=512 npm run build');
    expect(msg).toContain('a machine with more memory');
    expect(msg).toContain('ROADMAP_AUDIENCE');
    expect(msg).toContain('Nothing was written to /site/dist.');
    expect(msg.endsWith('\n')).toBe(true);
  });
  it('suggests at least 1.5 × the heap that was not enough', () => {
    expect(exhaustedMessage({ ...base, records: 100, oldLimit: 1000 * MB })).toContain('--max-old-space-size=1536 ');
  });
  it('says the pages built so far were discarded and the previous site is untouched', () => {
    expect(exhaustedMessage({ ...base, pagesWritten: 14 })).toContain('14 pages were already built; they were discarded, and /site/dist still holds the previous site.');
    expect(exhaustedMessage({ ...base, pagesWritten: 1 })).toContain('1 page was already built');
  });
  it('says the machine is too small when the heap it needs is not there', () => {
    const msg = exhaustedMessage({ ...base, records: 20_000, oldLimit: 2 * GB, available: 3 * GB });
    expect(msg).not.toContain('NODE_OPTIONS');
    expect(msg).toContain('build on a machine with more memory (this one has 3,072 MB available; 20,000 records need about 3,072 MB of heap)');
  });
});

describe('pagesWrittenSince', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  it('counts the HTML files written since the build started, not older ones or other files', () => {
    dir = mkdtempSync(join(tmpdir(), 'memory-guard-'));
    mkdirSync(join(dir, 'projects', 'a'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '');
    writeFileSync(join(dir, 'projects', 'a', 'index.html'), '');
    writeFileSync(join(dir, 'projects', 'a', 'style.css'), '');
    writeFileSync(join(dir, 'old.html'), '');
    const start = Date.now() - 60_000;
    utimesSync(join(dir, 'old.html'), new Date(start - 60_000), new Date(start - 60_000));
    expect(pagesWrittenSince(dir, start)).toBe(2);
    expect(pagesWrittenSince(join(dir, 'missing'), start)).toBe(0);
  });
});

describe('startHeapWatchdog', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
  };

  it('after a full GC that trips the policy, writes one message and exits with 1; stopped, it does nothing', async () => {
    const written: string[] = [];
    const exits: number[] = [];
    // A policy any full GC trips: the first one stops the "build".
    const dog = startHeapWatchdog({ records: 3, outDir: '/nonexistent-dist', policy: { ratio: 0, gcShare: 0, consecutive: 1 }, write: (t) => written.push(t), exit: (c) => exits.push(c) });
    gc();
    for (let i = 0; i < 20 && exits.length === 0; i++) await turns(1);
    expect(exits).toEqual([1]);
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('[roadmap] Out of memory: the build was stopped (exit code 1). 3 records need more JavaScript heap');
    expect(written[0]).toContain('Nothing was written to /nonexistent-dist.');
    // It stopped itself: more GCs say nothing.
    gc();
    await turns(5);
    expect(exits).toEqual([1]);
    dog.stop();
  });

  it('says nothing under the default policy, nor after stop()', async () => {
    const exits: number[] = [];
    const dog = startHeapWatchdog({ records: 3, outDir: '/nonexistent-dist', write: () => {}, exit: (c) => exits.push(c) });
    for (let i = 0; i < 3; i++) gc();
    await turns(5);
    dog.stop();
    const tripwire = startHeapWatchdog({ records: 3, outDir: '/nonexistent-dist', policy: { ratio: 0, gcShare: 0, consecutive: 1 }, write: () => {}, exit: (c) => exits.push(c) });
    tripwire.stop();
    gc();
    await turns(5);
    expect(exits).toEqual([]);
  });
});
