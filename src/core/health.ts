/**
 * Health per dimension (green / amber / red) with a reason a stakeholder can
 * check, and the overall health: the worst dimension present. A manual value
 * in the record's `health` wins over the computed one.
 */
import { endDay, type Day } from './dates.ts';
import { HEALTH_DIMENSIONS, type HealthDimension, type Project, type Rag } from './schema.ts';
import type { Health, HealthValue, UtilizationCell } from './model.ts';
import { formatDate, formatDay, formatDayCount as days, formatPercent, formulaNumber } from './format.ts';

const SEVERITY: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

const computed = (value: Rag, reason: string): HealthValue => ({ value, source: 'computed', reason });


/**
 * value > threshold, ignoring floating-point noise (1e-9 relative), so that
 * e.g. 0.1 + 0.2 + 0.8 FTE against 1 FTE (1.1000000000000001) is not "> 1.1".
 */
export function exceeds(value: number, threshold: number): boolean {
  return value > threshold + 1e-9 * Math.max(1, Math.abs(threshold));
}

/** The worse of two values (red > amber > green). */
export function worse(a: Rag | undefined, b: Rag | undefined): Rag | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/**
 * Schedule: red when the project is not `done` and its end is before the
 * as-of day. The contract says "not done", so a cancelled project past its end
 * is red too (taken literally). Otherwise from slip: amber when slip > t[0],
 * red when slip > t[1], green when slip is known; else no value.
 */
export function scheduleHealth(
  p: Pick<Project, 'status' | 'end'>,
  fy: number,
  asOfDay: Day,
  slip: number | undefined,
  t: readonly [number, number],
): HealthValue | undefined {
  if (p.status !== 'done' && p.end !== undefined && endDay(p.end, fy) < asOfDay) {
    return computed('red', `end ${formatDate(p.end, fy)} is before as-of ${formatDay(asOfDay)}`);
  }
  if (slip === undefined) return undefined;
  if (exceeds(slip, t[1])) return computed('red', `slip ${days(slip)} > ${t[1]}`);
  if (exceeds(slip, t[0])) return computed('amber', `slip ${days(slip)} > ${t[0]}`);
  if (slip === 0) return computed('green', 'on baseline');
  if (slip < 0) return computed('green', `${days(-slip)} ahead of baseline`);
  return computed('green', `slip ${days(slip)} ≤ ${t[0]}`);
}

/** Budget: variance against the thresholds; no value without a variance. */
export function budgetHealth(variance: number | undefined, t: readonly [number, number]): HealthValue | undefined {
  if (variance === undefined) return undefined;
  const v = `variance ${formatPercent(variance, { signed: true, digits: 2 })}`;
  if (exceeds(variance, t[1])) return computed('red', `${v} > ${formatPercent(t[1], { digits: 2 })}`);
  if (exceeds(variance, t[0])) return computed('amber', `${v} > ${formatPercent(t[0], { digits: 2 })}`);
  return computed('green', `${v} ≤ ${formatPercent(t[0], { digits: 2 })}`);
}

export interface TeamCell {
  team: string;
  cell: UtilizationCell;
}

/** How bad a cell is: demand with no capacity is worst of all. */
function pressure(c: UtilizationCell): number {
  if (c.capacity <= 0) return c.demand > 0 ? Infinity : 0;
  return c.demand / c.capacity;
}

/** The worst cell among the given ones (ties: first team id, then first period). */
export function worstCell(cells: readonly TeamCell[]): TeamCell | undefined {
  let worst: TeamCell | undefined;
  for (const c of cells) {
    if (!worst) {
      worst = c;
      continue;
    }
    const a = pressure(c.cell);
    const b = pressure(worst.cell);
    if (a > b || (a === b && (c.team < worst.team || (c.team === worst.team && c.cell.period < worst.cell.period)))) worst = c;
  }
  return worst;
}

/**
 * Resources: the worst utilization of a team the project demands, in a quarter it demands it.
 * The reason names the team by `teamTitle` and the quarter as people read it (`Q3 FY2026/27`).
 */
export function resourcesHealth(
  worst: TeamCell | undefined,
  t: readonly [number, number],
  teamTitle: (id: string) => string = (id) => id,
  fiscalYearStart = 1,
): HealthValue | undefined {
  if (!worst) return undefined;
  const { cell } = worst;
  const team = teamTitle(worst.team);
  const period = formatDate(cell.period, fiscalYearStart);
  // No capacity, or so little that the ratio is not a number.
  if (cell.capacity <= 0 || cell.ratio === undefined) {
    return cell.demand > 0
      ? computed('red', `${team} has no capacity in ${period}`)
      : computed('green', `${team} has no demand in ${period}`);
  }
  const at = `${team} at ${formatPercent(cell.ratio, { digits: 2 })} in ${period}`;
  if (cell.level === 'red') return computed('red', `${at} > ${formatPercent(t[1], { digits: 2 })}`);
  if (cell.level === 'amber') return computed('amber', `${at} > ${formatPercent(t[0], { digits: 2 })}`);
  return computed('green', `${at} ≤ ${formatPercent(t[0], { digits: 2 })}`);
}

/** Benefits: from `value_status`. */
export function benefitsHealth(valueStatus: Project['value_status']): HealthValue | undefined {
  switch (valueStatus) {
    case 'on-track':
      return computed('green', 'value on track');
    case 'at-risk':
      return computed('amber', 'value at risk');
    case 'off-track':
      return computed('red', 'value off track');
    default:
      return undefined;
  }
}

/** Computed values per dimension (scope is manual only). */
export type ComputedHealth = Partial<Record<HealthDimension, HealthValue>>;

/** Overlay manual values, add overall (the worst dimension present) and the note. */
export function combineHealth(manual: Project['health'], auto: ComputedHealth): Health {
  const health: Health = {};
  let overall: Rag | undefined;
  for (const dim of HEALTH_DIMENSIONS) {
    const set = manual?.[dim];
    const value: HealthValue | undefined = set ? { value: set, source: 'manual', reason: 'set by the project' } : auto[dim];
    if (!value) continue;
    health[dim] = value;
    overall = worse(overall, value.value);
  }
  if (overall) health.overall = overall;
  if (manual?.note !== undefined) health.note = manual.note;
  return health;
}

export interface HealthInput {
  project: Pick<Project, 'status' | 'end' | 'health' | 'value_status'>;
  fy: number;
  asOfDay: Day;
  thresholds: { schedule_slip_days: readonly [number, number]; budget_variance: readonly [number, number]; capacity_utilization: readonly [number, number] };
  slipDays?: number;
  budgetVariance?: number;
  /** The utilization cells of the teams the project demands, in the quarters it demands them. */
  demandCells: readonly TeamCell[];
  /** A team's name for reasons (its title); the id when not given. */
  teamTitle?: (id: string) => string;
}

/** The health of one project. */
export function projectHealth(i: HealthInput): Health {
  return combineHealth(i.project.health, {
    schedule: scheduleHealth(i.project, i.fy, i.asOfDay, i.slipDays, i.thresholds.schedule_slip_days),
    budget: budgetHealth(i.budgetVariance, i.thresholds.budget_variance),
    resources: resourcesHealth(worstCell(i.demandCells), i.thresholds.capacity_utilization, i.teamTitle, i.fy),
    benefits: benefitsHealth(i.project.value_status),
  });
}
