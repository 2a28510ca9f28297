/**
 * Confidence ranges on the pages (issue 20): "How likely is this date?" on a
 * project page, and "likely conflicts" on /dependencies/. Pure: the model's
 * forecast (src/core/forecast/) in, what the pages show out.
 */
import { compareCodeUnits, formatCount, formatDayCount, formatDays, formatDaysPerMonth } from '../core/format.ts';
import { MAX_DRIFT, type ProjectForecast, type SlipSample } from '../core/forecast/index.ts';
import { DEFAULT_SLIP } from '../core/forecast/distribution.ts';
import type { DependencyEdge, PortfolioModel, ProjectView } from '../core/model.ts';
import { capList, type Capped } from './paging.ts';

/** The three confidence levels shown, with what each means in words. */
export const CONFIDENCE_LEVELS = [
  { key: 'p50', label: 'P50', meaning: 'as likely as not' },
  { key: 'p80', label: 'P80', meaning: '4 times in 5' },
  { key: 'p95', label: 'P95', meaning: '19 times in 20' },
] as const;

export interface LikelyDate {
  /** The end as typed, for comparison. */
  end: string;
  /** Open and its typed end is before the as-of date: the range starts from a date already gone. */
  overdue: boolean;
  levels: { label: string; meaning: string; date: string; /** Days after (+) or before (−) the typed end. */ days: number }[];
  /** Share of simulated ends on or before the typed end. */
  onTime: number;
  iterations: number;
  source: 'range' | 'portfolio' | 'default' | 'upstream';
  /** The project's own three-point estimate (source `range`). */
  range?: { optimistic: string; pessimistic: string };
  /** The portfolio's slip sample (sources `portfolio` and `default`). */
  sample?: SlipSample;
  /** The default slip ratios (source `default`). */
  defaultSlip?: typeof DEFAULT_SLIP;
  /** The planned duration the slip ratio is applied to (end − start), in days. */
  durationDays?: number;
  /** Its own drift from the history (src/core/forecast/drift.ts), with what it does in words; absent with too few reviews or no history. */
  drift?: { extraDays: number; text: string };
  /** Its dependencies with the chance each is delivered by the date needed, lowest first. */
  waitsOn: LikelyWait[];
  likelyBelow: number;
}

export interface LikelyWait {
  on: string;
  needed: string;
  needBy?: string;
  probability: number;
  /** On time as typed, but delivered by then in fewer than `likelyBelow` of the iterations. */
  likely: boolean;
  /** Late already as typed (a conflict). */
  conflict: boolean;
}

/** A dependency that is on time as typed but delivered by its need-by date in fewer than the threshold's share of iterations. */
export function isLikelyConflict(model: PortfolioModel, e: DependencyEdge): boolean {
  return model.forecast !== undefined && e.onTimeProbability !== undefined && !e.conflict && e.onTimeProbability < model.forecast.likelyConflictBelow;
}

const byChance = (a: DependencyEdge, b: DependencyEdge) => a.onTimeProbability! - b.onTimeProbability! || compareCodeUnits(a.from, b.from) || compareCodeUnits(a.on, b.on);

/** "How likely is this date?" for an open project with an end; absent without a forecast. */
export function likelyDate(model: PortfolioModel, p: ProjectView): LikelyDate | undefined {
  const f = p.forecast;
  const forecast = model.forecast;
  const r = p.record;
  const end = r.end;
  if (!f || !forecast || p.endDay === undefined || end === undefined) return undefined;
  const waitsOn = p.dependsOn
    .filter((e) => e.onTimeProbability !== undefined)
    .toSorted(byChance)
    .map((e) => ({ on: e.on, needed: e.needed!, needBy: e.needBy, probability: e.onTimeProbability!, likely: isLikelyConflict(model, e), conflict: e.conflict }));
  return {
    end,
    overdue: p.overdue,
    levels: CONFIDENCE_LEVELS.map((l) => ({ label: l.label, meaning: l.meaning, date: f[l.key], days: f[`${l.key}Day`] - p.endDay! })),
    onTime: f.onTime,
    iterations: forecast.iterations,
    source: f.source,
    ...(f.source === 'range' && r.end_range ? { range: { optimistic: r.end_range.optimistic, pessimistic: r.end_range.pessimistic } } : {}),
    ...(f.source === 'portfolio' || f.source === 'default' ? { sample: forecast.sample, durationDays: p.startDay !== undefined ? Math.max(0, p.endDay - p.startDay) : undefined } : {}),
    ...(f.source === 'default' ? { defaultSlip: DEFAULT_SLIP } : {}),
    ...(f.drift ? { drift: { extraDays: f.drift.extraDays, text: driftText(f.drift) } } : {}),
    waitsOn,
    likelyBelow: forecast.likelyConflictBelow,
  };
}

/**
 * Where its drift comes from and what it adds, in words: `Its own end moved +60 days over 7 reviews (+10 days a
 * month); if that continues, +28 days on the 57 days left, added to every run.`
 */
export function driftText(d: NonNullable<ProjectForecast['drift']>): string {
  const over = `over ${formatCount(d.reviews, 'review')}`;
  if (d.movedDays === 0) return `Its own end held ${over}: no drift added.`;
  if (d.movedDays < 0) return `Its own end came in by ${formatDayCount(-d.movedDays)} ${over}: no drift added (drift never brings a range earlier).`;
  const moved = `Its own end moved ${formatDays(d.movedDays)} ${over} (${formatDaysPerMonth(d.movedDays / d.spanDays)}${d.rate >= MAX_DRIFT ? `, counted as ${formatDaysPerMonth(MAX_DRIFT)}` : ''})`;
  if (d.remainingDays === 0) return `${moved}; its end has passed, so no drift is added.`;
  return `${moved}; if that continues, ${formatDays(d.extraDays)} on the ${formatDayCount(d.remainingDays)} left, added to every run.`;
}

/** /dependencies/: the likely conflicts, lowest chance first, with the threshold and the iterations. */
export function likelyConflicts(model: PortfolioModel): { edges: Capped<DependencyEdge>; below: number; iterations: number } | undefined {
  if (!model.forecast) return undefined;
  const edges = model.edges.filter((e) => isLikelyConflict(model, e)).toSorted(byChance);
  return { edges: capList(edges), below: model.forecast.likelyConflictBelow, iterations: model.forecast.iterations };
}
