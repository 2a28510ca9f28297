/**
 * Utilization per team and fiscal quarter: Σ FTE demanded by `approved` and
 * `active` projects in the quarter / the team's capacity then.
 *
 * - A demand entry spans startDay(from ?? project.start) .. endDay(to ?? project.end)
 *   and is skipped when either end is missing. It counts its full FTE in every
 *   fiscal quarter the span overlaps.
 * - Capacity in a quarter is the FTE of the capacity entry with the latest
 *   start on or before the quarter's first day (the last entry carries
 *   forward); before the first entry it is 0.
 * - A team lists every quarter with demand, plus (when it has capacity) every
 *   quarter from its first capacity entry through the portfolio's last
 *   quarter with demand.
 */
import { endDay, quartersBetween, startDay, type Day } from './dates.ts';
import type { Project, Rag, Status, Team } from './schema.ts';
import type { UtilizationCell } from './model.ts';
import { exceeds } from './health.ts';
import { compareCodeUnits } from './format.ts';

/** Sums of FTE are kept to 9 decimals, so 0.8 + 0.8 is 1.6, not 1.6000000000000001. */
const clean = (x: number) => Math.round(x * 1e9) / 1e9;

export interface DemandSpan {
  project: string;
  team: string;
  fte: number;
  from: Day;
  to: Day;
  /** Fiscal quarter labels the span overlaps, in order. */
  periods: string[];
}

interface ProjectLike {
  id: string;
  record: Pick<Project, 'status' | 'start' | 'end' | 'demand'>;
}

interface TeamLike {
  id: string;
  record: Pick<Team, 'capacity'>;
}

/** Statuses whose demand counts towards utilization. */
export function countsTowardsUtilization(status: Status): boolean {
  return status === 'approved' || status === 'active';
}

/** The project's demand entries with their resolved spans; entries without both ends are skipped. */
export function demandSpans(p: ProjectLike, fy: number): DemandSpan[] {
  const out: DemandSpan[] = [];
  for (const d of p.record.demand ?? []) {
    const fromStr = d.from ?? p.record.start;
    const toStr = d.to ?? p.record.end;
    if (fromStr === undefined || toStr === undefined) continue;
    const from = startDay(fromStr, fy);
    const to = endDay(toStr, fy);
    out.push({ project: p.id, team: d.team, fte: d.fte, from, to, periods: quartersBetween(from, to, fy) });
  }
  return out;
}

/** Capacity entries as day numbers, sorted by start (stable: among equal starts the later-listed wins). */
export function capacitySteps(capacity: Team['capacity'], fy: number): { from: Day; fte: number }[] {
  return (capacity ?? []).map((c) => ({ from: startDay(c.from, fy), fte: c.fte })).sort((a, b) => a.from - b.from);
}

/** FTE available on a day: the latest step starting on or before it, else 0. */
export function capacityAt(steps: readonly { from: Day; fte: number }[], day: Day): number {
  let fte = 0;
  for (const s of steps) {
    if (s.from > day) break;
    fte = s.fte;
  }
  return fte;
}

/** red when ratio > t[1] or there is demand but no capacity; amber when ratio > t[0]; else green (comparisons ignore float noise). */
export function utilizationLevel(demand: number, capacity: number, t: readonly [number, number]): Rag {
  if (capacity <= 0) return demand > 0 ? 'red' : 'green';
  const ratio = demand / capacity;
  if (exceeds(ratio, t[1])) return 'red';
  if (exceeds(ratio, t[0])) return 'amber';
  return 'green';
}

/** demand / capacity; undefined without capacity, or when a tiny capacity overflows the quotient (5e-324 FTE is none). */
export function utilizationRatio(demand: number, capacity: number): number | undefined {
  const ratio = capacity > 0 ? demand / capacity : undefined;
  return ratio !== undefined && Number.isFinite(ratio) ? ratio : undefined;
}

export interface UtilizationIndex {
  /** Listed cells per team record, periods sorted. */
  byTeam: Map<string, UtilizationCell[]>;
  /** The cell of any team in any quarter (0 demand / 0 capacity when there is nothing). */
  cell(team: string, period: string): UtilizationCell;
}

interface Load {
  demand: number;
  projects: Map<string, number>;
}

/** Utilization of every team. Cost: O(demand entries × quarters + teams × listed quarters). */
export function buildUtilization(
  projects: readonly ProjectLike[],
  teams: readonly TeamLike[],
  fy: number,
  thresholds: readonly [number, number],
): UtilizationIndex {
  const load = new Map<string, Map<string, Load>>();
  let lastDemandDay: Day | undefined;
  const ordered = [...projects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of ordered) {
    if (!countsTowardsUtilization(p.record.status)) continue;
    for (const span of demandSpans(p, fy)) {
      if (span.periods.length === 0) continue;
      lastDemandDay = lastDemandDay === undefined ? span.to : Math.max(lastDemandDay, span.to);
      let byPeriod = load.get(span.team);
      if (!byPeriod) load.set(span.team, (byPeriod = new Map()));
      for (const period of span.periods) {
        let l = byPeriod.get(period);
        if (!l) byPeriod.set(period, (l = { demand: 0, projects: new Map() }));
        l.demand = clean(l.demand + span.fte);
        l.projects.set(span.project, clean((l.projects.get(span.project) ?? 0) + span.fte));
      }
    }
  }

  const steps = new Map(teams.map((t) => [t.id, capacitySteps(t.record.capacity, fy)]));
  const cache = new Map<string, UtilizationCell>();
  const cell = (team: string, period: string): UtilizationCell => {
    const key = `${team}\u0000${period}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const l = load.get(team)?.get(period);
    const demand = l?.demand ?? 0;
    const capacity = capacityAt(steps.get(team) ?? [], startDay(period, fy));
    const made: UtilizationCell = {
      period,
      demand,
      capacity,
      ratio: utilizationRatio(demand, capacity),
      level: utilizationLevel(demand, capacity, thresholds),
      projects: [...(l?.projects ?? new Map<string, number>())]
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(([id, fte]) => ({ id, fte })),
    };
    cache.set(key, made);
    return made;
  };

  const byTeam = new Map<string, UtilizationCell[]>();
  for (const t of teams) {
    const periods = new Set(load.get(t.id)?.keys() ?? []);
    const s = steps.get(t.id) ?? [];
    if (s.length > 0 && lastDemandDay !== undefined) {
      for (const q of quartersBetween(s[0].from, lastDemandDay, fy)) periods.add(q);
    }
    byTeam.set(t.id, [...periods].sort().map((q) => cell(t.id, q)));
  }
  return { byTeam, cell };
}
