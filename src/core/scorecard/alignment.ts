/** The scorecard's alignment and investment sections: how open work and open budget split over goals and investment kinds. */
import type { ProjectView } from '../model.ts';
import { linkedGoals } from '../rollup.ts';
import { INVESTMENTS } from '../schema.ts';
import { figure, share, type Figure } from './figure.ts';

export interface GoalAlignment {
  id: string;
  /** Open projects linked to the goal (directly or through their program). */
  openProjects: number;
  share: Figure;
  budgetShare?: Figure;
}

export interface Alignment {
  goals: GoalAlignment[];
  unaligned: { projects: string[]; share: Figure; budgetShare?: Figure };
}

export interface InvestmentRow {
  kind: (typeof INVESTMENTS)[number] | 'none';
  /** Open projects of this kind. */
  projects: number;
  /** Σ planned budget of those projects; undefined when budget is hidden. */
  planned?: number;
  share?: Figure;
}

/** The open work the shares divide: each open project's planned budget (0 when budget is hidden or absent) and their Σ. */
export interface OpenWork {
  projects: readonly ProjectView[];
  planned: readonly number[];
  totalPlanned: number;
  budgetVisible: boolean;
}

/** Planned budget of each open project and their Σ (in order, so the sum's rounding is the same wherever it is used). */
export function openWork(open: readonly ProjectView[], budgetVisible: boolean): OpenWork {
  const planned = open.map((p) => (budgetVisible ? (p.record.budget?.planned ?? 0) : 0));
  return { projects: open, planned, totalPlanned: planned.reduce((a, b) => a + b, 0), budgetVisible };
}

/** Per goal (in `goalIds` order), the share of open projects and of open planned budget linked to it; then the projects linked to none of them. */
export function goalAlignment(
  w: OpenWork,
  goalIds: readonly string[],
  programs: ReadonlyMap<string, { id: string; record: { goals?: string[] } }>,
): Alignment {
  const goalSet = new Set(goalIds);
  const openOfGoal = new Map<string, number>();
  const plannedOfGoal = new Map<string, number>();
  const unaligned: string[] = [];
  let unalignedPlanned = 0;
  w.projects.forEach((p, i) => {
    const planned = w.planned[i];
    const goals = linkedGoals(p, programs).filter((g) => goalSet.has(g));
    for (const g of goals) {
      openOfGoal.set(g, (openOfGoal.get(g) ?? 0) + 1);
      plannedOfGoal.set(g, (plannedOfGoal.get(g) ?? 0) + planned);
    }
    if (goals.length === 0) {
      unaligned.push(p.id);
      unalignedPlanned += planned;
    }
  });
  const count = w.projects.length;
  const budgetShare = (part: number, definition: string) => (w.budgetVisible ? share(part, w.totalPlanned, 'of open planned budget', definition) : undefined);
  return {
    goals: goalIds.map((g) => {
      const n = openOfGoal.get(g) ?? 0;
      return {
        id: g,
        openProjects: n,
        share: share(n, count, 'open projects', 'goal-share') ?? figure(0, 'no open projects', 'goal-share'),
        budgetShare: budgetShare(plannedOfGoal.get(g) ?? 0, 'goal-budget-share'),
      };
    }),
    unaligned: {
      projects: unaligned,
      share: share(unaligned.length, count, 'open projects', 'unaligned-share') ?? figure(0, 'no open projects', 'unaligned-share'),
      budgetShare: budgetShare(unalignedPlanned, 'unaligned-budget-share'),
    },
  };
}

/** Open projects and their planned budget per investment kind (run, grow, transform, then none; kinds with no project left out), shared by budget, or by count when budget is hidden. */
export function investmentMix(w: OpenWork): InvestmentRow[] {
  const byKind = new Map<InvestmentRow['kind'], { projects: number; planned: number }>();
  w.projects.forEach((p, i) => {
    const kind = p.record.investment ?? 'none';
    const inv = byKind.get(kind) ?? { projects: 0, planned: 0 };
    inv.projects += 1;
    inv.planned += w.planned[i];
    byKind.set(kind, inv);
  });
  return [...INVESTMENTS, 'none' as const]
    .filter((k) => byKind.has(k))
    .map((k) => {
      const inv = byKind.get(k)!;
      return {
        kind: k,
        projects: inv.projects,
        planned: w.budgetVisible ? inv.planned : undefined,
        share: w.budgetVisible ? share(inv.planned, w.totalPlanned, 'of open planned budget', 'investment-mix') : share(inv.projects, w.projects.length, 'open projects', 'investment-mix'),
      };
    });
}
