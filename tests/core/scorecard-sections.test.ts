/**
 * Scorecard sections on their own (src/core/scorecard/), on fixtures small
 * enough to work every number out by hand; buildScorecards end to end is in
 * scorecard.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { goalAlignment, investmentMix, openWork } from '../../src/core/scorecard/alignment.ts';
import { overdueMilestones } from '../../src/core/scorecard/attention.ts';
import { budgetBuckets, budgetVariance } from '../../src/core/scorecard/budget.ts';
import { goal, portfolio, program, project, settings } from './fixtures.ts';

const THRESHOLDS = [0.05, 0.15] as const;

describe('budgetVariance', () => {
  it('sums forecast and planned over the rows with both and planned > 0 only', () => {
    const v = budgetVariance(
      [
        { id: 'a', planned: 1000, forecast: 1200 },
        { id: 'b', planned: 0, forecast: 50 }, // planned 0: left out
        { id: 'c', planned: 500 }, // no forecast: left out
        { id: 'd', planned: 3000, forecast: 2900 },
      ],
      THRESHOLDS,
    )!;
    // (1200 + 2900 − (1000 + 3000)) / 4000 = 100 / 4000 = 2.5% → green (≤ 5%)
    expect(v.value).toBeCloseTo(0.025, 12);
    expect(v.level).toBe('green');
    expect(v.formula).toBe('(4,100 − 4,000) / 4,000 = +2.5%, Σ forecast and Σ planned of the 2 projects with both');
    expect(v.definition).toBe('budget-variance');
  });

  it('is coloured by the thresholds, and undefined with no row to compare', () => {
    // (110 − 100) / 100 = +10% > 5% → amber; an underspend of −10% is not over either threshold → green.
    expect(budgetVariance([{ id: 'a', planned: 100, forecast: 110 }], THRESHOLDS)!.level).toBe('amber');
    expect(budgetVariance([{ id: 'a', planned: 100, forecast: 90 }], THRESHOLDS)!.level).toBe('green');
    expect(budgetVariance([{ id: 'a', planned: 100 }], THRESHOLDS)).toBeUndefined();
    expect(budgetVariance([], THRESHOLDS)).toBeUndefined();
  });
});

const AS_OF = '2026-11-15';

describe('budgetBuckets', () => {
  it('sums lines per key in first-seen order, a line without a key under none', () => {
    const model = buildModel(
      portfolio({
        projects: [
          project('a', { budget: { lines: [{ vendor: 'Beta', planned: 10, actual: 1 }, { planned: 5 }] } }),
          project('b', { budget: { lines: [{ vendor: 'Acme', planned: 7 }, { vendor: 'Beta', planned: 20, actual: 4 }] } }),
        ],
      }),
      { audience: 'internal', asOf: AS_OF },
    );
    // Beta: 10 + 20 planned, 1 + 4 actual, 2 lines; none: 5; Acme: 7 (neither reports an actual).
    expect(budgetBuckets(model.projects, (line) => line.vendor ?? 'none')).toEqual([
      { key: 'Beta', planned: 30, actual: 5, lines: 2, reported: 2 },
      { key: 'none', planned: 5, actual: 0, lines: 1, reported: 0 },
      { key: 'Acme', planned: 7, actual: 0, lines: 1, reported: 0 },
    ]);
  });
});

describe('goal alignment and investment mix', () => {
  const model = buildModel(
    portfolio({
      goals: [goal('g1'), goal('g2')],
      programs: [program('p1', { goals: ['g1'] })],
      projects: [
        project('a', { program: 'p1', investment: 'run', budget: { planned: 300 } }), // g1 through its program
        project('b', { goals: ['g1', 'g2'], investment: 'grow', budget: { planned: 100 } }),
        project('c', { investment: 'grow', budget: { planned: 600 } }), // no goal
      ],
    }),
    { audience: 'internal', asOf: AS_OF },
  );
  const open = model.projects.filter((p) => p.open);
  const goals = ['g1', 'g2'];

  it('open work: each project’s planned budget and their Σ, all 0 when budget is hidden', () => {
    expect(openWork(open, true)).toMatchObject({ planned: [300, 100, 600], totalPlanned: 1000 });
    expect(openWork(open, false)).toMatchObject({ planned: [0, 0, 0], totalPlanned: 0 });
  });

  it('shares open projects and open planned budget per goal, and the unaligned rest', () => {
    const a = goalAlignment(openWork(open, true), goals, model.byId.programs);
    // g1: a and b of 3 open projects; 300 + 100 of 1,000 planned.
    expect(a.goals[0].openProjects).toBe(2);
    expect(a.goals[0].share.formula).toBe('2 / 3 open projects = 66.67%');
    expect(a.goals[0].budgetShare!.formula).toBe('400 / 1,000 of open planned budget = 40%');
    // g2: b only; 100 of 1,000.
    expect([a.goals[1].openProjects, a.goals[1].budgetShare!.value]).toEqual([1, 0.1]);
    // c is linked to no goal: 1 of 3, 600 of 1,000.
    expect(a.unaligned.projects).toEqual(['c']);
    expect(a.unaligned.budgetShare!.value).toBe(0.6);
  });

  it('leaves budget shares out when budget is hidden, and says so when nothing is open', () => {
    const hidden = goalAlignment(openWork(open, false), goals, model.byId.programs);
    expect(hidden.goals[0].budgetShare).toBeUndefined();
    expect(hidden.unaligned.budgetShare).toBeUndefined();
    const none = goalAlignment(openWork([], true), goals, model.byId.programs);
    expect(none.goals[0].share).toEqual({ value: 0, formula: 'no open projects', definition: 'goal-share' });
  });

  it('mixes investment kinds by planned budget, or by count when budget is hidden', () => {
    // run: a, 300 of 1,000; grow: b and c, 100 + 600 = 700 of 1,000; no transform, no none.
    expect(investmentMix(openWork(open, true)).map((r) => [r.kind, r.projects, r.planned, r.share!.value])).toEqual([
      ['run', 1, 300, 0.3],
      ['grow', 2, 700, 0.7],
    ]);
    // By count: run 1 / 3, grow 2 / 3.
    expect(investmentMix(openWork(open, false)).map((r) => [r.kind, r.planned, r.share!.formula])).toEqual([
      ['run', undefined, '1 / 3 open projects = 33.33%'],
      ['grow', undefined, '2 / 3 open projects = 66.67%'],
    ]);
  });
});

describe('overdueMilestones', () => {
  it('dates a milestone by the end of its period in the fiscal calendar, most overdue first', () => {
    const model = buildModel(
      portfolio({
        settings: settings({ fiscal_year_start: 4 }),
        projects: [
          project('a', {
            milestones: [
              { name: 'Q2', date: '2026-Q2' }, // fiscal 2026-Q2 with April starts is Jul–Sep: ends 2026-09-30, 46 days before 2026-11-15
              { name: 'Month', date: '2026-11' }, // ends 2026-11-30: not yet due
              { name: 'Done', date: '2026-01-01', done: true },
            ],
          }),
          project('b', { milestones: [{ name: 'Day', date: '2026-11-01' }] }), // 14 days
        ],
      }),
      { audience: 'internal', asOf: AS_OF },
    );
    expect(overdueMilestones(model.projects, 4, model.asOfDay)).toEqual([
      { project: 'a', name: 'Q2', date: '2026-Q2', days: 46 },
      { project: 'b', name: 'Day', date: '2026-11-01', days: 14 },
    ]);
  });
});
