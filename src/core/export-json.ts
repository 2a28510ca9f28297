/**
 * `/portfolio.json`: every record the audience may see, with the computed
 * values, for other tools. Keys are camelCase; the shape is versioned by
 * `schemaVersion` and documented in the README (/portfolio.json).
 */
import { HEALTH_DIMENSIONS } from './schema.ts';
import { SCHEMA_VERSION } from './version.ts';
import type { Counts, PortfolioModel, ProjectView, RollUp } from './model.ts';
import { EVM_KEYS, rollupEarnedValue, type EarnedValue, type EarnedValueRollup } from './earned-value.ts';
import { rollupRoi, type ProjectRoi, type RoiRollup } from './roi.ts';

export { SCHEMA_VERSION };

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** snake_case keys → camelCase, recursively; drops undefined. */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[camel(k)] = camelKeys(v);
    return out;
  }
  return value;
}

/**
 * Floats rounded to 4 decimals so hand checks match (no 67.49999999); no
 * figure for a non-finite number. From 2^52 on a number is whole already, and
 * n × 10,000 could overflow to Infinity.
 */
export const round4 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? undefined : Math.abs(n) >= 2 ** 52 ? n : Math.round(n * 10_000) / 10_000);

function counts(c: Counts) {
  return { total: c.total, byStatus: c.byStatus, byHealth: c.byHealth };
}

function rollup(r: RollUp) {
  return { ...counts(r), projects: r.projects, budgetPlanned: r.budgetPlanned, budgetForecast: r.budgetForecast };
}

/** Earned value as numbers (4 decimals), why any is absent, and the health hints; undefined when absent (hidden or no budget). */
export function earnedValueJson(e: Pick<EarnedValue, 'figures' | 'missing' | 'hint'> | undefined) {
  if (!e) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of EVM_KEYS) out[k] = round4(e.figures[k]?.value);
  // Reasons that only repeat another's ("needs EV: no progress") are left out: the input's own reason is there.
  const own = Object.entries(e.missing).filter(([, why]) => !why.startsWith('needs '));
  const missing = own.length > 0 ? Object.fromEntries(own) : undefined;
  const hint = e.hint.schedule || e.hint.budget ? { schedule: e.hint.schedule?.value, budget: e.hint.budget?.value } : undefined;
  return { ...out, missing, hint };
}

/** ROI as numbers; undefined when absent (budget or benefits hidden, or neither in the record). */
export function roiJson(r: ProjectRoi | RoiRollup | undefined) {
  if (!r) return undefined;
  return {
    annualValue: round4(r.annualValue?.value),
    cost: round4(r.cost?.value),
    roi: round4(r.roi?.value),
    paybackYears: round4(r.payback?.value),
    realizedAnnualValue: round4(r.realized?.value),
    missing: Object.keys(r.missing).length > 0 ? r.missing : undefined,
  };
}

/** A scope's earned value and ROI roll-ups (sums, ratios from the sums), with the projects counted and left out. */
function scopeValue(model: PortfolioModel, ids: readonly string[]) {
  const projects = ids.flatMap((id) => model.byId.projects.get(id) ?? []);
  const ev: EarnedValueRollup | undefined = rollupEarnedValue(projects, model.settings.evm);
  const roi = model.hidden.includes('benefits') ? undefined : rollupRoi(projects, model.settings.roi_years);
  return {
    earnedValue: ev && { ...earnedValueJson(ev), projects: ev.projects },
    roi: roi && { ...roiJson(roi), projects: roi.projects, unvalued: roi.unvalued },
  };
}

function project(p: ProjectView) {
  // `scores` keys are criterion ids (data, not field names): kept as written so
  // they match portfolio.scoring.criteria[].id and scoreTerms[].criterion.
  const { health: _manual, scores, ...fields } = p.record;
  const health: Record<string, string> = {};
  const healthSource: Record<string, string> = {};
  for (const dim of HEALTH_DIMENSIONS) {
    const h = p.health[dim];
    if (h) {
      health[dim] = h.value;
      healthSource[dim] = h.source;
    }
  }
  if (p.health.overall) health.overall = p.health.overall;
  return {
    id: p.id,
    ...(camelKeys(fields) as object),
    scores,
    healthNote: p.health.note,
    body: p.body,
    score: round4(p.score?.value),
    scoreMethod: p.score?.method,
    scoreTerms: p.score?.terms.map((t) => ({ criterion: t.criterion, value: t.value, contribution: round4(t.contribution) })),
    rank: p.rank,
    health,
    healthSource,
    slipDays: p.slipDays,
    overdue: p.overdue,
    budgetVariance: round4(p.budgetVariance),
    benefitRealization: round4(p.benefitRealization),
    stale: p.stale,
    daysSinceUpdate: p.daysSinceUpdate,
    critical: p.critical,
    conflicts: p.conflicts.map((c) => ({ on: c.on, days: c.days, type: c.type, needed: c.needed, neededFor: c.neededFor, upstream: c.upstream })),
    dependents: p.dependents.map((e) => e.from),
    earnedValue: earnedValueJson(p.earnedValue),
    roi: roiJson(p.roi),
    // Confidence ranges (issue 20): P-dates of an open dated project, and each dependency's chance of delivery by its need-by date.
    forecast: p.forecast && { p50: p.forecast.p50, p80: p.forecast.p80, p95: p.forecast.p95, onTime: round4(p.forecast.onTime), source: p.forecast.source, drift: driftJson(p.forecast.drift) },
    dependsOnForecast: p.dependsOn.some((e) => e.onTimeProbability !== undefined)
      ? p.dependsOn.filter((e) => e.onTimeProbability !== undefined).map((e) => ({ on: e.on, needed: e.needed, onTimeProbability: round4(e.onTimeProbability) }))
      : undefined,
  };
}

/** A project's own drift from the history (src/core/forecast/drift.ts): the inputs and the days it adds; absent without one. */
function driftJson(d: NonNullable<PortfolioModel['projects'][number]['forecast']>['drift']) {
  return d && { reviews: d.reviews, from: d.from, to: d.to, firstEnd: d.firstEnd, lastEnd: d.lastEnd, movedDays: d.movedDays, spanDays: d.spanDays, rate: round4(d.rate), remainingDays: d.remainingDays, extraDays: d.extraDays };
}

export function toPortfolioJson(model: PortfolioModel) {
  const s = model.settings;
  return {
    schemaVersion: SCHEMA_VERSION,
    portfolio: {
      title: s.title,
      organization: s.organization,
      currency: s.currency,
      fiscalYearStart: s.fiscal_year_start,
      asOf: s.as_of,
      reviewEveryDays: s.review_every_days,
      audience: model.audience,
      hidden: model.hidden,
      scoring: camelKeys(s.scoring),
      thresholds: camelKeys(s.thresholds),
      evm: s.evm,
      roiYears: s.roi_years,
      forecast: model.forecast && {
        iterations: model.forecast.iterations,
        likelyConflictBelow: model.forecast.likelyConflictBelow,
        sample: { source: model.forecast.sample.source, n: model.forecast.sample.n, minSamples: model.forecast.sample.minSamples, p10: round4(model.forecast.sample.p10), p50: round4(model.forecast.sample.p50), p90: round4(model.forecast.sample.p90) },
      },
      // Only the markers the audience may see (the model has filtered them).
      markers: model.markers.map((m) => ({ name: m.name, kind: m.kind, date: m.date, from: m.from, to: m.to, visibility: m.visibility })),
    },
    summary: {
      ...counts(model.portfolio),
      budgetPlanned: model.portfolio.budgetPlanned,
      budgetForecast: model.portfolio.budgetForecast,
      unalignedShare: round4(model.portfolio.unalignedShare),
      unalignedProjects: model.portfolio.unalignedProjects,
      unalignedBudgetShare: round4(model.portfolio.unalignedBudgetShare),
      ...scopeValue(model, model.projects.map((p) => p.id)),
    },
    goals: model.goals.map((g) => ({
      id: g.id,
      ...(camelKeys(g.record) as object),
      body: g.body,
      programs: g.programs,
      budgetShare: round4(g.budgetShare),
      rollup: { ...rollup(g.rollup), ...scopeValue(model, g.rollup.projects) },
    })),
    programs: model.programs.map((p) => ({ id: p.id, ...(camelKeys(p.record) as object), body: p.body, rollup: { ...rollup(p.rollup), ...scopeValue(model, p.rollup.projects) } })),
    teams: model.teams.map((t) => ({
      id: t.id,
      ...(camelKeys(t.record) as object),
      body: t.body,
      projects: t.projects,
      utilization: t.utilization?.map((u) => ({
        period: u.period,
        demand: round4(u.demand),
        capacity: round4(u.capacity),
        ratio: round4(u.ratio),
        projects: u.projects,
      })),
    })),
    projects: model.projects.map(project),
  };
}

/** The file's text: stable key order, compact (indenting made a 2,000-project file a fifth larger), trailing newline. */
export function portfolioJsonText(model: PortfolioModel): string {
  return `${JSON.stringify(toPortfolioJson(model))}\n`;
}
