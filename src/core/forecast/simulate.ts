/**
 * The Monte Carlo engine, on typed arrays: projects in topological order
 * (upstream first), incoming edges as compressed rows, one row of end days
 * per project. Per iteration and project: the delay its upstreams pass on
 * (the rules of src/core/propagation.ts: an upstream moved Δ > 0 days later
 * delays it by clamp(gap + Δ, 0, Δ), the largest over its edges; a
 * start-to-start edge compares the upstream's start, which moves by the
 * upstream's inherited delay only), then its own draw on its end, shifted by
 * its drift's extra days (fixed per project). Nothing is
 * allocated inside the loops, so the cost is iterations × (projects + edges),
 * plus a linear-time selection of three percentiles per project.
 */
import { empirical, triangular } from './distribution.ts';

/** How a project's own end is drawn. */
export const MODE = {
  /** Done, cancelled or without an end: never moves. */
  frozen: 0,
  /** Slip ratio (portfolio or default) × its duration. */
  slip: 1,
  /** Its own end_range (triangular). */
  range: 2,
  /** Open with an end but no start: no duration to scale, moves only with its upstreams (and its drift). */
  inherit: 3,
} as const;

export interface SimInput {
  /** Project count; every array below is indexed by topological position. */
  n: number;
  mode: Uint8Array;
  end: Int32Array;
  /** end − start (days), for MODE.slip. */
  duration: Float64Array;
  /** The earliest day a draw may move an end to: min(end, as-of day): open work does not finish in the past. */
  floor: Int32Array;
  /** MODE.range: optimistic and pessimistic days. */
  low: Int32Array;
  high: Int32Array;
  /** Per project's first state of its generator (src/core/forecast/random.ts). */
  seed: Int32Array;
  /** Days its own drift adds to every draw (./drift.ts), ≥ 0; absent: none. */
  extra?: Int32Array;
  /** Ascending slip ratios to draw from; empty: the triangular `fallback`. */
  ratios: Float64Array;
  fallback: { a: number; c: number; b: number };
  /** Edges: dependent and upstream positions, gap (upstream date − date needed; NaN when unknown), start-to-start. */
  edgeFrom: Int32Array;
  edgeOn: Int32Array;
  edgeGap: Float64Array;
  edgeStartToStart: Uint8Array;
}

export interface SimOutput {
  /** Per project: P50, P80 and P95 end days (nearest rank). */
  p50: Int32Array;
  p80: Int32Array;
  p95: Int32Array;
  /** Per project: iterations ending on or before the typed end. */
  onTime: Int32Array;
  /** Per edge: iterations in which the upstream date was on or before the date needed (0 where the gap is unknown). */
  delivered: Int32Array;
}

/** Counts the work done (for the operation-count test): loop steps of the simulation and of the selection. */
export interface OpCounter {
  ops: number;
}

export function simulate(input: SimInput, iterations: number, counter?: OpCounter): SimOutput {
  const { n, mode, end, duration, floor, low, high, ratios, edgeFrom, edgeOn, edgeGap, edgeStartToStart } = input;
  const { a: fa, c: fc, b: fb } = input.fallback;
  const extra = input.extra ?? new Int32Array(n);
  const useRatios = ratios.length > 0;
  const m = edgeFrom.length;
  let ops = 0;

  // Incoming edges per dependent, as compressed rows (only edges with a known gap can delay).
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) if (!Number.isNaN(edgeGap[e])) inStart[edgeFrom[e] + 1]++;
  for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i];
  const fill = inStart.slice(0, n);
  const inOn = new Int32Array(inStart[n]);
  const inGap = new Float64Array(inStart[n]);
  const inSS = new Uint8Array(inStart[n]);
  for (let e = 0; e < m; e++) {
    if (Number.isNaN(edgeGap[e])) continue;
    const k = fill[edgeFrom[e]]++;
    inOn[k] = edgeOn[e];
    inGap[k] = edgeGap[e];
    inSS[k] = edgeStartToStart[e];
  }

  const state = input.seed.slice();
  const startShift = new Float64Array(n);
  const endShift = new Float64Array(n);
  // Run ends only for projects that can move (frozen ones keep their end): rows × iterations × 4 bytes.
  const row = new Int32Array(n).fill(-1);
  let rows = 0;
  for (let i = 0; i < n; i++) if (mode[i] !== 0) row[i] = rows++;
  const ends = new Int32Array(rows * iterations);
  const onTime = new Int32Array(n);
  const delivered = new Int32Array(m);

  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      ops++;
      const md = mode[i];
      if (md === 0) continue;
      let delay = 0;
      for (let k = inStart[i]; k < inStart[i + 1]; k++) {
        ops++;
        const u = inOn[k];
        const shift = inSS[k] === 1 ? startShift[u] : endShift[u];
        if (shift <= 0) continue;
        let d = inGap[k] + shift;
        if (d > shift) d = shift;
        if (d > delay) delay = d;
      }
      let own = extra[i];
      if (md !== 3) {
        // mulberry32, inlined (random.ts nextUniform).
        const s = (state[i] + 0x6d2b79f5) | 0;
        state[i] = s;
        let t = Math.imul(s ^ (s >>> 15), 1 | s);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        let day: number;
        if (md === 2) day = Math.round(triangular(u, low[i], end[i], high[i]));
        else day = end[i] + Math.round((useRatios ? empirical(u, ratios) : triangular(u, fa, fc, fb)) * duration[i]);
        day += own;
        if (day < floor[i]) day = floor[i];
        own = day - end[i];
      }
      startShift[i] = delay;
      const shift = delay + own;
      endShift[i] = shift;
      if (shift <= 0) onTime[i]++;
      ends[row[i] * iterations + it] = end[i] + shift;
    }
    for (let e = 0; e < m; e++) {
      ops++;
      const g = edgeGap[e];
      if (Number.isNaN(g)) continue;
      const u = edgeOn[e];
      if (g + (edgeStartToStart[e] === 1 ? startShift[u] : endShift[u]) <= 0) delivered[e]++;
    }
  }

  const p50 = new Int32Array(n);
  const p80 = new Int32Array(n);
  const p95 = new Int32Array(n);
  const k50 = rank(0.5, iterations);
  const k80 = rank(0.8, iterations);
  const k95 = rank(0.95, iterations);
  for (let i = 0; i < n; i++) {
    if (row[i] < 0) {
      p50[i] = p80[i] = p95[i] = end[i];
      continue;
    }
    const lo = row[i] * iterations;
    const hi = lo + iterations;
    ops += select(ends, lo, hi, lo + k50);
    ops += select(ends, lo + k50, hi, lo + k80);
    ops += select(ends, lo + k80, hi, lo + k95);
    p50[i] = ends[lo + k50];
    p80[i] = ends[lo + k80];
    p95[i] = ends[lo + k95];
  }
  if (counter) counter.ops += ops;
  return { p50, p80, p95, onTime, delivered };
}

/** Nearest-rank index of percentile p among `count` values: ⌈p·count⌉ − 1. */
export function rank(p: number, count: number): number {
  return Math.max(0, Math.ceil(p * count - 1e-9) - 1);
}

/**
 * Puts the value of rank `k` at `k` within a[lo, hi), smaller ones before,
 * larger after (quickselect with a three-way partition, so runs of equal
 * days cost linear time). Returns the steps taken.
 */
export function select(a: Int32Array, lo: number, hi: number, k: number): number {
  let ops = 0;
  let l = lo;
  let h = hi - 1;
  while (l < h) {
    const mid = (l + h) >>> 1;
    // Median of three as the pivot: deterministic, and fine on sorted runs.
    const x = a[l];
    const y = a[mid];
    const z = a[h];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = l;
    let gt = h;
    let i = l;
    while (i <= gt) {
      ops++;
      const v = a[i];
      if (v < pivot) {
        a[i] = a[lt];
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (k < lt) h = lt - 1;
    else if (k > gt) l = gt + 1;
    else break;
  }
  return ops;
}
