/**
 * The resource sections of a comparison: team-quarters crossing the
 * utilization thresholds (with the projects whose demand moved), budget
 * variance crossing a band, and health per dimension. Nothing here exists
 * for an audience that hides its source (no utilization without `demand`,
 * no variance without `budget`): the models leave those values out.
 */
import { budgetHealth } from '../health.ts';
import { compareCodeUnits as cmp } from '../format.ts';
import type { HealthValue, PortfolioModel, UtilizationCell } from '../model.ts';
import { HEALTH_DIMENSIONS } from '../schema.ts';
import { byTitle, common, worsening, type Pair } from './pair.ts';
import type { BudgetChange, CellState, HealthChange, UtilizationChange } from './report.ts';

const state = (c: UtilizationCell): CellState => ({ level: c.level, demand: c.demand, capacity: c.capacity, ...(c.ratio !== undefined ? { ratio: c.ratio } : {}) });

function cells(model: PortfolioModel, team: string): Map<string, UtilizationCell> | undefined {
  const list = model.byId.teams.get(team)?.utilization;
  return list && new Map(list.map((c) => [c.period, c]));
}

/**
 * Team-quarters whose utilization level (green, amber, red against
 * `thresholds.capacity_utilization`) changed, worse first; each names the
 * projects whose FTE there changed. A quarter listed on one side only counts
 * as green with no demand on the other.
 */
export function utilizationChanges(pair: Pair): UtilizationChange[] {
  const out: UtilizationChange[] = [];
  for (const team of new Set([...pair.base.byId.teams.keys(), ...pair.head.byId.teams.keys()])) {
    const was = cells(pair.base, team);
    const now = cells(pair.head, team);
    if (!was && !now) continue;
    for (const period of new Set([...(was?.keys() ?? []), ...(now?.keys() ?? [])])) {
      const b = was?.get(period);
      const a = now?.get(period);
      if ((b?.level ?? 'green') === (a?.level ?? 'green')) continue;
      const fte = (c: UtilizationCell | undefined) => new Map((c?.projects ?? []).map((p) => [p.id, p.fte]));
      const fb = fte(b);
      const fa = fte(a);
      const causes = [...new Set([...fb.keys(), ...fa.keys()])]
        .filter((id) => (fb.get(id) ?? 0) !== (fa.get(id) ?? 0))
        .map((id) => ({ project: pair.ref('projects', id), before: fb.get(id) ?? 0, after: fa.get(id) ?? 0 }))
        .sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || byTitle(x.project, y.project));
      out.push({ team: pair.ref('teams', team), period, ...(b ? { before: state(b) } : {}), ...(a ? { after: state(a) } : {}), causes });
    }
  }
  return out.sort((x, y) => worsening(y.before?.level, y.after?.level) - worsening(x.before?.level, x.after?.level) || byTitle(x.team, y.team) || cmp(x.period, y.period));
}

/** Projects whose budget variance moved into another band (`thresholds.budget_variance`), worse first. */
export function budgetChanges(pair: Pair): BudgetChange[] {
  const out: BudgetChange[] = [];
  const band = (model: PortfolioModel, v: number | undefined) => {
    const h = budgetHealth(v, model.settings.thresholds.budget_variance);
    return v !== undefined && h ? { variance: v, band: h.value } : undefined;
  };
  for (const id of common(pair.base.byId.projects, pair.head.byId.projects)) {
    const before = band(pair.base, pair.base.byId.projects.get(id)!.budgetVariance);
    const after = band(pair.head, pair.head.byId.projects.get(id)!.budgetVariance);
    if (before?.band === after?.band) continue;
    out.push({ project: pair.ref('projects', id), ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }
  return out.sort((x, y) => worsening(y.before?.band, y.after?.band) - worsening(x.before?.band, x.after?.band) || byTitle(x.project, y.project));
}

const DIMENSIONS = ['overall', ...HEALTH_DIMENSIONS] as const;

/** Health that changed, per project and dimension (overall first), worse first, with the reason. */
export function healthChanges(pair: Pair): HealthChange[] {
  const out: HealthChange[] = [];
  for (const id of common(pair.base.byId.projects, pair.head.byId.projects)) {
    const b = pair.base.byId.projects.get(id)!.health;
    const a = pair.head.byId.projects.get(id)!.health;
    for (const dim of DIMENSIONS) {
      const from = dim === 'overall' ? b.overall : b[dim]?.value;
      const to = dim === 'overall' ? a.overall : a[dim]?.value;
      if (from === to) continue;
      const why: HealthValue | undefined = dim === 'overall' ? undefined : (a[dim] ?? b[dim]);
      out.push({
        project: pair.ref('projects', id),
        dimension: dim,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(why ? { reason: why.reason, source: why.source } : {}),
      });
    }
  }
  // Grouped by project, the project with the worst change first; its dimensions in order, overall first.
  const worst = new Map<string, number>();
  for (const c of out) worst.set(c.project.id, Math.max(worst.get(c.project.id) ?? -Infinity, worsening(c.from, c.to)));
  const dimOrder = (d: string) => DIMENSIONS.indexOf(d as (typeof DIMENSIONS)[number]);
  return out.sort((x, y) => worst.get(y.project.id)! - worst.get(x.project.id)! || byTitle(x.project, y.project) || dimOrder(x.dimension) - dimOrder(y.dimension));
}
