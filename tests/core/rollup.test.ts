import { describe, expect, it } from 'vitest';
import { buildRollups, countProjects, linkedGoals, type RollupProject } from '../../src/core/rollup.ts';

const p = (id: string, record: RollupProject['record'], overall?: 'green' | 'amber' | 'red'): RollupProject => ({ id, record, health: { overall } });

const programs = [
  { id: 'ops', record: {} },
  { id: 'dc', record: { goals: ['grow'] } },
];
const projects = [
  p('p1', { status: 'active', program: 'dc', budget: { planned: 100, forecast: 110 } }, 'green'),
  p('p2', { status: 'proposed', program: 'dc', goals: ['grow', 'save'], budget: { planned: 200, forecast: 200 } }, 'amber'),
  p('p3', { status: 'done', goals: ['save'], budget: { planned: 1000 } }),
  p('p4', { status: 'active', program: 'ops', budget: { planned: 300 } }, 'red'),
  p('p5', { status: 'on-hold' }),
  p('p6', { status: 'cancelled', program: 'ops', budget: { planned: 50 } }),
];

describe('linkedGoals', () => {
  it('joins direct goals and the program goals, deduplicated', () => {
    const index = new Map(programs.map((x) => [x.id, x]));
    expect(linkedGoals(projects[1], index)).toEqual(['grow', 'save']);
    expect(linkedGoals(projects[0], index)).toEqual(['grow']);
    expect(linkedGoals(projects[3], index)).toEqual([]);
  });
});

describe('buildRollups', () => {
  const r = buildRollups(projects, programs, ['grow', 'save'], true);

  it('rolls up programs', () => {
    // dc: p1 + p2; planned 100 + 200 = 300; forecast 110 + 200 = 310
    expect(r.programs.get('dc')).toEqual({
      byStatus: { proposed: 1, active: 1 },
      byHealth: { green: 1, amber: 1 },
      total: 2,
      projects: ['p1', 'p2'],
      budgetPlanned: 300,
      budgetForecast: 310,
    });
    // ops: p4 + p6; planned 300 + 50 = 350; no forecast anywhere → undefined
    expect(r.programs.get('ops')).toEqual({
      byStatus: { active: 1, cancelled: 1 },
      byHealth: { red: 1, none: 1 },
      total: 2,
      projects: ['p4', 'p6'],
      budgetPlanned: 350,
      budgetForecast: undefined,
    });
  });

  it('rolls up goals directly and through programs', () => {
    const grow = r.goals.get('grow')!;
    // p1 via dc, p2 directly and via dc (counted once)
    expect(grow.rollup.projects).toEqual(['p1', 'p2']);
    expect(grow.rollup.total).toBe(2);
    expect(grow.programs).toEqual(['dc']);
    // open planned: p1 100 + p2 200 + p4 300 + p5 0 = 600; grow: 100 + 200 = 300 → 0.5
    expect(grow.budgetShare).toBe(0.5);
    const save = r.goals.get('save')!;
    expect(save.rollup.projects).toEqual(['p2', 'p3']);
    expect(save.rollup.budgetPlanned).toBe(1200); // 200 + 1000 (all statuses)
    expect(save.programs).toEqual([]);
    // open only: p2 200 / 600 = 1/3 (p3 is done)
    expect(save.budgetShare).toBeCloseTo(1 / 3, 12);
  });

  it('rolls up the portfolio with unaligned work', () => {
    expect(r.portfolio).toEqual({
      byStatus: { proposed: 1, active: 2, 'on-hold': 1, done: 1, cancelled: 1 },
      byHealth: { green: 1, amber: 1, red: 1, none: 3 },
      total: 6,
      budgetPlanned: 1650, // 100 + 200 + 1000 + 300 + 50
      budgetForecast: 310, // 110 + 200
      // open: p1, p2, p4, p5; p4 (program ops has no goals) and p5 link to no goal → 2 / 4
      unalignedProjects: ['p4', 'p5'],
      unalignedShare: 0.5,
      unalignedBudgetShare: 0.5, // (300 + 0) / 600
    });
  });

  it('hides budget figures when budget is hidden', () => {
    const h = buildRollups(projects, programs, ['grow', 'save'], false);
    expect(h.programs.get('dc')!.budgetPlanned).toBeUndefined();
    expect(h.goals.get('grow')!.budgetShare).toBeUndefined();
    expect(h.portfolio.budgetPlanned).toBeUndefined();
    expect(h.portfolio.unalignedBudgetShare).toBeUndefined();
    expect(h.portfolio.unalignedShare).toBe(0.5);
  });

  it('has zero unaligned share and no budget share without open projects or open budget', () => {
    const done = buildRollups([p('x', { status: 'done', budget: { planned: 10 } })], [], ['g'], true);
    expect(done.portfolio.unalignedShare).toBe(0);
    expect(done.portfolio.unalignedBudgetShare).toBeUndefined(); // open planned total is 0
    expect(done.goals.get('g')).toEqual({
      rollup: { byStatus: {}, byHealth: {}, total: 0, projects: [], budgetPlanned: undefined, budgetForecast: undefined },
      programs: [],
      budgetShare: undefined,
    });
  });
});

describe('countProjects', () => {
  it('keeps canonical key order', () => {
    const c = countProjects([p('a', { status: 'done' }), p('b', { status: 'proposed' }, 'red'), p('c', { status: 'proposed' }, 'green')]);
    expect(Object.keys(c.byStatus)).toEqual(['proposed', 'done']);
    expect(Object.keys(c.byHealth)).toEqual(['green', 'red', 'none']);
  });
});
