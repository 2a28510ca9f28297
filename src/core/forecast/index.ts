/**
 * Confidence ranges (issue 20; README, "Confidence ranges"): per open
 * project with an end, its P50, P80 and P95 end days, and per dependency the
 * probability that the upstream is delivered by the date it is needed, from
 * a seeded Monte Carlo simulation propagated through the dependencies with
 * the slip propagation's rules. Pure; the same records give the same numbers.
 *
 * With the history (src/core/history), each project's own drift (./drift.ts)
 * shifts its draws later; the pipeline runs this once, after the history is
 * read (src/pipeline/index.ts, `forecastStage`).
 */
import { dayToIso, endDay, startDay, type Day } from '../dates.ts';
import type { DependencyEdge, PortfolioModel } from '../model.ts';
import type { Project } from '../schema.ts';
import { isOpen } from '../schedule.ts';
import { topologicalOrder } from '../propagation.ts';
import { DEFAULT_SLIP, rangeDays, slipSample, type SlipSample } from './distribution.ts';
import { driftExtraDays, type ProjectDrift } from './drift.ts';
import { seedOf } from './random.ts';
import { MODE, simulate, type OpCounter } from './simulate.ts';

export type { SlipSample } from './distribution.ts';
export type { ProjectDrift } from './drift.ts';
export { forecastDrift, driftExtraDays, MAX_DRIFT } from './drift.ts';
export type { OpCounter } from './simulate.ts';

export interface ProjectForecast {
  /** Where its own uncertainty comes from: its `end_range`, the portfolio's finished projects, the default, or none of its own (no start: it moves only with what it waits on). */
  source: 'range' | 'portfolio' | 'default' | 'upstream';
  p50: string;
  p80: string;
  p95: string;
  p50Day: Day;
  p80Day: Day;
  p95Day: Day;
  /** Share of iterations ending on or before the typed end (0..1). */
  onTime: number;
  /** Its own drift from the history, when it had `drift_min_reviews` reviews: every draw is `extraDays` later (remaining = max(0, end − as-of)). */
  drift?: ProjectDrift & { remainingDays: number; extraDays: number };
}

export interface PortfolioForecast {
  iterations: number;
  /** The slip distribution the projects without a range are drawn from. */
  sample: SlipSample;
  /** A dependency whose probability of delivery by its need-by date is below this is a "likely conflict". */
  likelyConflictBelow: number;
  projects: Map<string, ProjectForecast>;
  /** Per edge (the model's edge objects): the probability the upstream is delivered by the date needed, where both dates are known. */
  onTime: Map<DependencyEdge, number>;
}

export interface ForecastSettings {
  iterations: number;
  min_samples: number;
  likely_conflict_below: number;
  /** Reviews a project needs in the history before its own drift counts (./drift.ts). */
  drift_min_reviews: number;
}

export interface ForecastProject {
  id: string;
  record: Pick<Project, 'status' | 'start' | 'end' | 'baseline_end' | 'end_range'>;
}

export function forecastPortfolio(
  projects: readonly ForecastProject[],
  edges: readonly DependencyEdge[],
  opts: { fy: number; asOfDay: Day; settings: Omit<ForecastSettings, 'drift_min_reviews'>; counter?: OpCounter; drift?: ReadonlyMap<string, ProjectDrift> },
): PortfolioForecast {
  const { fy, asOfDay, settings } = opts;
  const iterations = settings.iterations;
  const sample = slipSample(projects, fy, settings.min_samples);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const order = topologicalOrder(
    projects.map((p) => p.id),
    edges,
  );
  const n = order.length;
  const position = new Map(order.map((id, i) => [id, i]));
  const mode = new Uint8Array(n);
  const end = new Int32Array(n);
  const duration = new Float64Array(n);
  const floor = new Int32Array(n);
  const low = new Int32Array(n);
  const high = new Int32Array(n);
  const seed = new Int32Array(n);
  const extra = new Int32Array(n);
  const drifts: ProjectForecast['drift'][] = [];
  const source: ProjectForecast['source'][] = [];
  order.forEach((id, i) => {
    const r = byId.get(id)!.record;
    seed[i] = seedOf(id);
    if (r.end === undefined) return;
    const e = endDay(r.end, fy);
    end[i] = e;
    floor[i] = Math.min(e, asOfDay);
    if (!isOpen(r.status)) return;
    const drift = opts.drift?.get(id);
    if (drift) {
      const remainingDays = Math.max(0, e - asOfDay);
      extra[i] = driftExtraDays(remainingDays, drift.rate);
      drifts[i] = { ...drift, remainingDays, extraDays: extra[i] };
    }
    const range = rangeDays(r, fy);
    if (range) {
      mode[i] = MODE.range;
      low[i] = range.optimistic;
      high[i] = range.pessimistic;
      source[i] = 'range';
    } else if (r.start !== undefined) {
      mode[i] = MODE.slip;
      duration[i] = Math.max(0, e - startDay(r.start, fy));
      source[i] = sample.source;
    } else {
      mode[i] = MODE.inherit;
      source[i] = 'upstream';
    }
  });
  const simEdges = edges.filter((e) => position.has(e.from) && position.has(e.on));
  const out = simulate(
    {
      n,
      mode,
      end,
      duration,
      floor,
      low,
      high,
      seed,
      extra,
      ratios: Float64Array.from(sample.source === 'portfolio' ? sample.ratios.map((r) => r.ratio) : []),
      fallback: { a: DEFAULT_SLIP.optimistic, c: DEFAULT_SLIP.likely, b: DEFAULT_SLIP.pessimistic },
      edgeFrom: Int32Array.from(simEdges, (e) => position.get(e.from)!),
      edgeOn: Int32Array.from(simEdges, (e) => position.get(e.on)!),
      edgeGap: Float64Array.from(simEdges, (e) => e.gapDays ?? Number.NaN),
      edgeStartToStart: Uint8Array.from(simEdges, (e) => (e.type === 'start-to-start' ? 1 : 0)),
    },
    iterations,
    opts.counter,
  );
  const result = new Map<string, ProjectForecast>();
  order.forEach((id, i) => {
    if (mode[i] === MODE.frozen) return;
    result.set(id, {
      source: source[i],
      p50: dayToIso(out.p50[i]),
      p80: dayToIso(out.p80[i]),
      p95: dayToIso(out.p95[i]),
      p50Day: out.p50[i],
      p80Day: out.p80[i],
      p95Day: out.p95[i],
      onTime: out.onTime[i] / iterations,
      ...(drifts[i] ? { drift: drifts[i] } : {}),
    });
  });
  const onTime = new Map<DependencyEdge, number>();
  simEdges.forEach((e, k) => {
    if (e.gapDays !== undefined) onTime.set(e, out.delivered[k] / iterations);
  });
  return { iterations, sample, likelyConflictBelow: settings.likely_conflict_below, projects: result, onTime };
}

/**
 * The model's confidence ranges: the forecast of its projects (the audience's records) and edges, with each project's
 * drift when given, on the model (its `forecast`, each project's and each edge's). Run once per model.
 */
export function forecastModel(model: PortfolioModel, drift?: ReadonlyMap<string, ProjectDrift>): PortfolioForecast {
  const forecast = forecastPortfolio(model.projects, model.edges, { fy: model.settings.fiscal_year_start, asOfDay: model.asOfDay, settings: model.settings.forecast, drift });
  for (const [edge, p] of forecast.onTime) edge.onTimeProbability = p;
  for (const p of model.projects) {
    const f = forecast.projects.get(p.id);
    if (f) p.forecast = f;
  }
  model.forecast = forecast;
  return forecast;
}
