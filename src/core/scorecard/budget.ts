/** The scorecard's budget section: totals, variance, per-project rows, by period and by vendor. */
import { budgetHealth } from '../health.ts';
import { quarterLabel, quarterOf, startDay } from '../dates.ts';
import { compareCodeUnits as cmp, formatPercent } from '../format.ts';
import type { ProjectView, Rag } from '../model.ts';
import { figure, NONE, num, sumText, type Figure } from './figure.ts';

export interface BudgetBucket {
  key: string;
  planned: number;
  actual: number;
  /** Number of budget lines in the bucket. */
  lines: number;
  /** How many of them have an actual: none means no spend is reported yet (a future quarter), not £0 spent. */
  reported: number;
}

export interface BudgetProjectRow {
  id: string;
  planned?: number;
  forecast?: number;
  actual?: number;
  variance?: number;
}

export interface BudgetSummary {
  planned: Figure;
  forecast: Figure;
  actual: Figure;
  /** Over the projects with both planned and forecast (planned > 0). */
  variance?: Figure & { level: Rag; reason: string };
  rows: BudgetProjectRow[];
  /** Fiscal quarter of each line's period (a line with no period goes under `none`), sorted. */
  byPeriod: BudgetBucket[];
  /** By vendor (a line with no vendor goes under `none`), largest planned first. */
  byVendor: BudgetBucket[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One row per project with a budget, in the order given; `actual` is Σ of its lines' actuals (undefined when no line has one). */
export function budgetRows(projects: readonly ProjectView[]): BudgetProjectRow[] {
  const rows: BudgetProjectRow[] = [];
  for (const p of projects) {
    const b = p.record.budget;
    if (!b) continue;
    let actual: number | undefined;
    for (const line of b.lines ?? []) if (line.actual !== undefined) actual = (actual ?? 0) + line.actual;
    rows.push({ id: p.id, planned: b.planned, forecast: b.forecast, actual, variance: p.budgetVariance });
  }
  return rows;
}

/** Σ planned and Σ actual of budget lines per key (fiscal quarter, vendor), in first-seen order; a line without a key goes under `none`. */
export function budgetBuckets(projects: readonly ProjectView[], keyOf: (line: { period?: string; vendor?: string }) => string): BudgetBucket[] {
  const buckets = new Map<string, BudgetBucket>();
  for (const p of projects) {
    for (const line of p.record.budget?.lines ?? []) {
      const key = keyOf(line);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { key, planned: 0, actual: 0, lines: 0, reported: 0 }));
      b.planned += line.planned ?? 0;
      b.actual += line.actual ?? 0;
      b.lines += 1;
      if (line.actual !== undefined) b.reported += 1;
    }
  }
  return [...buckets.values()];
}

/** Portfolio budget variance, (Σ forecast − Σ planned) / Σ planned over the rows with both (planned > 0), coloured by the thresholds; undefined when there are none. */
export function budgetVariance(rows: readonly BudgetProjectRow[], thresholds: readonly [number, number]): BudgetSummary['variance'] {
  let bothPlanned = 0;
  let bothForecast = 0;
  let bothCount = 0;
  for (const r of rows) {
    if (r.planned !== undefined && r.forecast !== undefined && r.planned > 0) {
      bothPlanned += r.planned;
      bothForecast += r.forecast;
      bothCount += 1;
    }
  }
  const v = bothPlanned > 0 ? (bothForecast - bothPlanned) / bothPlanned : NaN;
  if (bothCount === 0 || !Number.isFinite(v)) return undefined;
  const h = budgetHealth(v, thresholds)!;
  return {
    ...figure(v, `(${num(bothForecast)} − ${num(bothPlanned)}) / ${num(bothPlanned)} = ${formatPercent(v, { signed: true, digits: 2 })}, Σ forecast and Σ planned of the ${bothCount} projects with both`, 'budget-variance'),
    level: h.value,
    reason: h.reason,
  };
}

/** `none` last, else by `order`. */
const noneLast = (order: (a: BudgetBucket, b: BudgetBucket) => number) => (a: BudgetBucket, b: BudgetBucket) => (a.key === NONE ? 1 : b.key === NONE ? -1 : order(a, b));

/** The budget section over every project in scope, whatever its status (as the roll-ups); undefined when none has a budget. */
export function budgetSummary(projects: readonly ProjectView[], fy: number, thresholds: readonly [number, number]): BudgetSummary | undefined {
  const rows = budgetRows(projects);
  if (rows.length === 0) return undefined;
  const plannedValues = rows.flatMap((r) => (r.planned !== undefined ? [r.planned] : []));
  const forecastValues = rows.flatMap((r) => (r.forecast !== undefined ? [r.forecast] : []));
  const actualValues = rows.flatMap((r) => (r.actual !== undefined ? [r.actual] : []));
  const periodOf = (line: { period?: string }) => {
    if (line.period === undefined) return NONE;
    const q = quarterOf(startDay(line.period, fy), fy);
    return quarterLabel(q.fy, q.q);
  };
  return {
    planned: figure(sum(plannedValues), `Σ budget.planned of ${plannedValues.length} projects = ${sumText(plannedValues)}`, 'budget-planned'),
    forecast: figure(sum(forecastValues), `Σ budget.forecast of ${forecastValues.length} projects = ${sumText(forecastValues)}`, 'budget-forecast'),
    actual: figure(sum(actualValues), `Σ budget line actuals of ${actualValues.length} projects = ${sumText(actualValues)}`, 'budget-actual'),
    variance: budgetVariance(rows, thresholds),
    rows,
    byPeriod: budgetBuckets(projects, periodOf).sort(noneLast((a, b) => cmp(a.key, b.key))),
    byVendor: budgetBuckets(projects, (line) => line.vendor ?? NONE).sort(noneLast((a, b) => b.planned - a.planned || cmp(a.key, b.key))),
  };
}
