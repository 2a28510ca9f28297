/**
 * Roll-ups for programs, goals and the whole portfolio: counts by status and
 * overall health, planned / forecast budget sums, each goal's share of the
 * open budget, and unaligned work (open projects linked to no goal).
 *
 * A project is linked to a goal directly (`goals`) or through its program's
 * `goals`.
 */
import { RAG, STATUSES, type Project, type Rag, type Status } from './schema.ts';
import type { Counts, RollUp } from './model.ts';
import { isOpen } from './schedule.ts';
import { compareCodeUnits as byId } from './format.ts';

/** What a roll-up reads of a project (a ProjectView satisfies it). */
export interface RollupProject {
  id: string;
  record: Pick<Project, 'status' | 'program' | 'goals' | 'budget'>;
  health: { overall?: Rag };
}

export interface RollupProgram {
  id: string;
  record: { goals?: string[] };
}


/** Counts by status and by overall health (`none` when a project has none), keys in canonical order. */
export function countProjects(projects: readonly RollupProject[]): Counts {
  const status = new Map<Status, number>();
  const health = new Map<Rag | 'none', number>();
  for (const p of projects) {
    status.set(p.record.status, (status.get(p.record.status) ?? 0) + 1);
    const h = p.health.overall ?? 'none';
    health.set(h, (health.get(h) ?? 0) + 1);
  }
  const byStatus: Counts['byStatus'] = {};
  for (const s of STATUSES) if (status.has(s)) byStatus[s] = status.get(s);
  const byHealth: Counts['byHealth'] = {};
  for (const h of [...RAG, 'none'] as const) if (health.has(h)) byHealth[h] = health.get(h);
  return { byStatus, byHealth, total: projects.length };
}

/** Σ of a budget field; undefined when hidden or no project has it. */
export function sumBudget(projects: readonly RollupProject[], field: 'planned' | 'forecast', budgetVisible: boolean): number | undefined {
  if (!budgetVisible) return undefined;
  let sum: number | undefined;
  for (const p of projects) {
    const v = p.record.budget?.[field];
    if (v !== undefined) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** The roll-up of a set of projects. */
export function rollUp(projects: readonly RollupProject[], budgetVisible: boolean): RollUp {
  const sorted = [...projects].sort((a, b) => byId(a.id, b.id));
  return {
    ...countProjects(sorted),
    projects: sorted.map((p) => p.id),
    budgetPlanned: sumBudget(sorted, 'planned', budgetVisible),
    budgetForecast: sumBudget(sorted, 'forecast', budgetVisible),
  };
}

/** Goal ids a project is linked to, directly or through its program, sorted and deduplicated. */
export function linkedGoals(p: RollupProject, programs: ReadonlyMap<string, RollupProgram>): string[] {
  const via = p.record.program !== undefined ? (programs.get(p.record.program)?.record.goals ?? []) : [];
  return [...new Set([...(p.record.goals ?? []), ...via])].sort(byId);
}

const share = (part: number, total: number) => (total > 0 ? part / total : undefined);

export interface GoalRollup {
  rollup: RollUp;
  /** Programs listing the goal, sorted. */
  programs: string[];
  budgetShare?: number;
}

export interface PortfolioRollup extends Counts {
  budgetPlanned?: number;
  budgetForecast?: number;
  unalignedShare: number;
  unalignedProjects: string[];
  unalignedBudgetShare?: number;
}

export interface Rollups {
  programs: Map<string, RollUp>;
  goals: Map<string, GoalRollup>;
  portfolio: PortfolioRollup;
}

/**
 * All roll-ups in one pass over the projects. Goal budget share = Σ planned of
 * open projects linked to the goal / Σ planned of all open projects
 * (undefined when that total is 0 or budget is hidden).
 */
export function buildRollups(
  projects: readonly RollupProject[],
  programs: readonly RollupProgram[],
  goalIds: readonly string[],
  budgetVisible: boolean,
): Rollups {
  const programIndex = new Map(programs.map((p) => [p.id, p]));
  const goalSet = new Set(goalIds);
  const ofProgram = new Map<string, RollupProject[]>(programs.map((p) => [p.id, []]));
  const ofGoal = new Map<string, RollupProject[]>(goalIds.map((g) => [g, []]));
  const openPlannedOfGoal = new Map<string, number>();
  const unaligned: RollupProject[] = [];
  let openCount = 0;
  let openPlanned = 0;
  let unalignedPlanned = 0;

  for (const p of projects) {
    if (p.record.program !== undefined) ofProgram.get(p.record.program)?.push(p);
    const goals = linkedGoals(p, programIndex);
    for (const g of goals) if (goalSet.has(g)) ofGoal.get(g)!.push(p);
    if (!isOpen(p.record.status)) continue;
    const planned = p.record.budget?.planned ?? 0;
    openCount += 1;
    openPlanned += planned;
    for (const g of goals) openPlannedOfGoal.set(g, (openPlannedOfGoal.get(g) ?? 0) + planned);
    if (goals.length === 0) {
      unaligned.push(p);
      unalignedPlanned += planned;
    }
  }

  const programsOfGoal = new Map<string, string[]>();
  for (const prog of [...programs].sort((a, b) => byId(a.id, b.id))) {
    for (const g of new Set(prog.record.goals ?? [])) {
      const list = programsOfGoal.get(g);
      if (list) list.push(prog.id);
      else programsOfGoal.set(g, [prog.id]);
    }
  }

  const programRollups = new Map<string, RollUp>();
  for (const [id, list] of ofProgram) programRollups.set(id, rollUp(list, budgetVisible));

  const goalRollups = new Map<string, GoalRollup>();
  for (const [id, list] of ofGoal) {
    goalRollups.set(id, {
      rollup: rollUp(list, budgetVisible),
      programs: programsOfGoal.get(id) ?? [],
      budgetShare: budgetVisible ? share(openPlannedOfGoal.get(id) ?? 0, openPlanned) : undefined,
    });
  }

  const all = rollUp(projects, budgetVisible);
  return {
    programs: programRollups,
    goals: goalRollups,
    portfolio: {
      byStatus: all.byStatus,
      byHealth: all.byHealth,
      total: all.total,
      budgetPlanned: all.budgetPlanned,
      budgetForecast: all.budgetForecast,
      unalignedProjects: unaligned.map((p) => p.id).sort(byId),
      unalignedShare: openCount > 0 ? unaligned.length / openCount : 0,
      unalignedBudgetShare: budgetVisible ? share(unalignedPlanned, openPlanned) : undefined,
    },
  };
}
