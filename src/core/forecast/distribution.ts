/**
 * Where a project's uncertainty comes from (README, "Confidence ranges"):
 * - its own `end_range`: a triangular distribution (optimistic, end,
 *   pessimistic) of its end day;
 * - else the portfolio's record: the slip of its finished projects relative
 *   to their planned duration, (end − baseline_end) / (baseline_end − start),
 *   drawn through their empirical quantile function and applied to the open
 *   project's duration (end − start as typed);
 * - with fewer than `min_samples` finished projects, a documented default
 *   instead: a triangular slip ratio from −10% through 0 to +50%.
 * Every draw maps one uniform number through a quantile function that rises
 * with it, so a later range gives a later (or equal) end for the same draw.
 */
import { endDay, startDay, type Day } from '../dates.ts';
import { compareCodeUnits } from '../format.ts';
import type { Project } from '../schema.ts';

/** The default slip ratio when the record is too thin: optimistic, most likely, pessimistic. */
export const DEFAULT_SLIP = { optimistic: -0.1, likely: 0, pessimistic: 0.5 } as const;

export interface SlipSample {
  /** `portfolio` when drawn from the finished projects, `default` when there were too few. */
  source: 'portfolio' | 'default';
  /** Finished projects with start, baseline end and end (and a planned duration above 0). */
  n: number;
  /** The threshold below which the default is used. */
  minSamples: number;
  /** Quantiles of the distribution drawn from (a ratio of planned duration: 0.2 = 20% late). */
  p10: number;
  p50: number;
  p90: number;
  /** The finished projects' slip ratios, ascending, with their ids (empty with the default). */
  ratios: { id: string; ratio: number }[];
}

export interface FinishedProject {
  id: string;
  record: Pick<Project, 'status' | 'start' | 'end' | 'baseline_end'>;
}

/** The finished projects' slip ratios, ascending (ties by id). */
export function slipRatios(projects: readonly FinishedProject[], fy: number): { id: string; ratio: number }[] {
  const out: { id: string; ratio: number }[] = [];
  for (const p of projects) {
    const r = p.record;
    if (r.status !== 'done' || r.start === undefined || r.end === undefined || r.baseline_end === undefined) continue;
    const s = startDay(r.start, fy);
    const planned = endDay(r.baseline_end, fy) - s;
    if (planned <= 0) continue;
    out.push({ id: p.id, ratio: (endDay(r.end, fy) - endDay(r.baseline_end, fy)) / planned });
  }
  return out.sort((a, b) => a.ratio - b.ratio || compareCodeUnits(a.id, b.id));
}

/** The quantile at u (0..1) of a triangular distribution (a ≤ c ≤ b). */
export function triangular(u: number, a: number, c: number, b: number): number {
  if (b <= a) return c;
  const f = (c - a) / (b - a);
  return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** The empirical quantile at u of ascending values (linear between order statistics). */
export function empirical(u: number, sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const h = (n - 1) * u;
  const lo = Math.floor(h);
  return lo + 1 >= n ? sorted[n - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** The slip distribution for a portfolio: its own record when it has `minSamples` finished projects, else the default. */
export function slipSample(projects: readonly FinishedProject[], fy: number, minSamples: number): SlipSample {
  const ratios = slipRatios(projects, fy);
  if (ratios.length >= minSamples && ratios.length > 0) {
    const values = ratios.map((r) => r.ratio);
    return { source: 'portfolio', n: ratios.length, minSamples, p10: empirical(0.1, values), p50: empirical(0.5, values), p90: empirical(0.9, values), ratios };
  }
  const { optimistic: a, likely: c, pessimistic: b } = DEFAULT_SLIP;
  return { source: 'default', n: ratios.length, minSamples, p10: triangular(0.1, a, c, b), p50: triangular(0.5, a, c, b), p90: triangular(0.9, a, c, b), ratios };
}

/** A project's own range as days, when it has one and an end. */
export function rangeDays(r: Pick<Project, 'end' | 'end_range'>, fy: number): { optimistic: Day; end: Day; pessimistic: Day } | undefined {
  if (r.end === undefined || r.end_range === undefined) return undefined;
  return { optimistic: endDay(r.end_range.optimistic, fy), end: endDay(r.end, fy), pessimistic: endDay(r.end_range.pessimistic, fy) };
}
