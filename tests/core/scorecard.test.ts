/**
 * Scorecard and backlog aggregates on hand-worked portfolios. Every expected
 * number is worked out in the comment next to it.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { buildBacklog, buildScorecards, compareDecisions, definitions, heatmapRows, sumText } from '../../src/core/scorecard.ts';
import { goal, portfolio, program, project, settings, team } from './fixtures.ts';

const AS_OF = '2026-11-15';
const fy4 = settings({ fiscal_year_start: 4 });

function internal(parts: Parameters<typeof portfolio>[0]) {
  return buildModel(portfolio(parts), { audience: 'internal', asOf: AS_OF });
}

describe('budget', () => {
  const model = internal({
    settings: fy4,
    projects: [
      project('a', {
        budget: {
          planned: 1000,
          forecast: 1200,
          lines: [
            // 2026-05-10 is in fiscal 2026-Q1 (Apr–Jun) with fiscal_year_start 4
            { period: '2026-05-10', vendor: 'Acme', planned: 400, actual: 450 },
            // the month 2026-07 is in 2026-Q2 (Jul–Sep)
            { period: '2026-07', vendor: 'Beta', planned: 600, actual: 100 },
          ],
        },
      }),
      project('b', {
        status: 'done',
        budget: {
          planned: 3000,
          forecast: 2900,
          lines: [
            { period: '2026-Q1', vendor: 'Acme', planned: 3000, actual: 2900 },
            { planned: 0, actual: 10 }, // no period, no vendor
          ],
        },
      }),
      project('c', { budget: { planned: 500 } }), // no forecast: in Σ planned, not in the variance
      project('d'), // no budget at all
    ],
  });
  const b = buildScorecards(model).portfolio.budget!;

  it('sums planned, forecast and actual (line actuals)', () => {
    expect(b.planned.value).toBe(4500); // 1000 + 3000 + 500
    expect(b.forecast.value).toBe(4100); // 1200 + 2900
    expect(b.actual.value).toBe(3460); // 450 + 100 + 2900 + 10
    expect(b.planned.formula).toBe('Σ budget.planned of 3 projects = 1,000 + 3,000 + 500');
    expect(b.actual.formula).toBe('Σ budget line actuals of 2 projects = 550 + 2,910');
  });

  it('computes the variance over projects with both planned and forecast', () => {
    // (1200 + 2900 − (1000 + 3000)) / 4000 = 100 / 4000 = 0.025 → green (≤ 5%)
    expect(b.variance!.value).toBeCloseTo(0.025, 12);
    expect(b.variance!.level).toBe('green');
    expect(b.variance!.formula).toBe('(4,100 − 4,000) / 4,000 = +2.5%, Σ forecast and Σ planned of the 2 projects with both');
  });

  it('groups lines by fiscal quarter and by vendor', () => {
    expect(b.byPeriod).toEqual([
      { key: '2026-Q1', planned: 3400, actual: 3350, lines: 2, reported: 2 },
      { key: '2026-Q2', planned: 600, actual: 100, lines: 1, reported: 1 },
      { key: 'none', planned: 0, actual: 10, lines: 1, reported: 1 },
    ]);
    expect(b.byVendor).toEqual([
      { key: 'Acme', planned: 3400, actual: 3350, lines: 2, reported: 2 },
      { key: 'Beta', planned: 600, actual: 100, lines: 1, reported: 1 },
      { key: 'none', planned: 0, actual: 10, lines: 1, reported: 1 },
    ]);
  });

  it('colours the variance by the budget thresholds', () => {
    const at = (forecast: number) =>
      buildScorecards(internal({ settings: fy4, projects: [project('x', { budget: { planned: 100, forecast } })] })).portfolio.budget!.variance!;
    expect(at(105).level).toBe('green'); // +5% is not > 5%
    expect(at(106).level).toBe('amber'); // +6% > 5%
    expect(at(115).level).toBe('amber'); // +15% is not > 15%
    expect(at(116).level).toBe('red');
    expect(at(116).reason).toBe('variance +16% > 15%');
  });
});

describe('benefits, alignment and investment mix', () => {
  const model = internal({
    settings: fy4,
    goals: [goal('g1'), goal('g2')],
    programs: [program('p1', { goals: ['g1'] })],
    projects: [
      // decreasing target: (36 − 40) / (30 − 40) = 0.4; second benefit (5 − 0) / (10 − 0) = 0.5 → project mean 0.45
      project('a', {
        program: 'p1',
        investment: 'run',
        budget: { planned: 300 },
        benefits: [
          { metric: 'Wait', baseline: 40, target: 30, actual: 36 },
          { metric: 'Share', baseline: 0, target: 10, actual: 5 },
        ],
      }),
      // 1.0 realized
      project('b', { goals: ['g1', 'g2'], investment: 'grow', budget: { planned: 100 }, benefits: [{ metric: 'm', baseline: 1, target: 2, actual: 2 }] }),
      project('c', { investment: 'grow', budget: { planned: 600 } }), // unaligned
      project('d', { status: 'done', goals: ['g2'], investment: 'transform', budget: { planned: 9999 } }), // not open
      project('e', { status: 'proposed', goals: ['g2'] }), // no investment, no budget
    ],
  });
  const s = buildScorecards(model).portfolio;

  it('averages the projects’ realizations', () => {
    expect(s.benefits!.projects).toEqual([
      { id: 'a', value: expect.closeTo(0.45, 12) },
      { id: 'b', value: 1 },
    ]);
    expect(s.benefits!.realization.value).toBeCloseTo(0.725, 12); // (0.45 + 1) / 2
    expect(s.benefits!.realization.formula).toBe("mean of 2 projects' benefit realization = (0.45 + 1) / 2 = 72.5%");
  });

  it('shares open work per goal, through programs too, and the unaligned share', () => {
    // open: a, b, c, e (4). g1: a (via p1), b → 2/4. g2: b, e → 2/4. unaligned: c → 1/4.
    expect(s.openProjects).toBe(4);
    expect(s.alignment.goals.map((g) => [g.id, g.openProjects, g.share.value])).toEqual([
      ['g1', 2, 0.5],
      ['g2', 2, 0.5],
    ]);
    expect(s.alignment.unaligned.projects).toEqual(['c']);
    expect(s.alignment.unaligned.share.value).toBe(0.25);
    // open planned: 300 + 100 + 600 + 0 = 1000. g1: 400 → 0.4; unaligned 600 → 0.6
    expect(s.alignment.goals[0].budgetShare!.value).toBe(0.4);
    expect(s.alignment.goals[0].budgetShare!.formula).toBe('400 / 1,000 of open planned budget = 40%');
    expect(s.alignment.unaligned.budgetShare!.value).toBe(0.6);
  });

  it('mixes run / grow / transform by open planned budget', () => {
    expect(s.investment).toEqual([
      { kind: 'run', projects: 1, planned: 300, share: expect.objectContaining({ value: 0.3 }) },
      { kind: 'grow', projects: 2, planned: 700, share: expect.objectContaining({ value: 0.7 }) },
      { kind: 'none', projects: 1, planned: 0, share: expect.objectContaining({ value: 0 }) },
    ]);
  });
});

describe('risks, attention list and health matrix', () => {
  const model = internal({
    settings: fy4,
    projects: [
      project('a', {
        title: 'Alpha',
        end: '2026-10-31', // overdue by 15 days
        updated: '2026-08-01', // 106 days before as-of: stale (> 90)
        risks: [
          { title: 'R1', likelihood: 4, impact: 5 },
          { title: 'R2', likelihood: 4, impact: 5 },
          { title: 'Closed', likelihood: 5, impact: 5, status: 'closed' },
        ],
        decisions: [
          { question: 'Later', by: '2026-12-01' },
          { question: 'Undated' },
          { question: 'Late a bit', by: '2026-11-10' }, // 5 days overdue
        ],
        gates: [
          { gate: 'design', status: 'approved' },
          { gate: 'go-live', status: 'pending', date: '2026-12-01' },
        ],
        changes: [
          { id: 'CR-1', title: 'Open one', cost: 10 },
          { id: 'CR-2', title: 'Done one', status: 'approved' },
        ],
        milestones: [
          { name: 'Past, done', date: '2026-09-01', done: true },
          { name: 'Past, not done', date: '2026-10' }, // month ends 2026-10-31: 15 days overdue
          { name: 'Future', date: '2027-01-01' },
        ],
        health: { budget: 'amber' },
      }),
      project('b', {
        title: 'Beta',
        decisions: [{ question: 'Very late', by: '2026-09-30' }], // 46 days overdue
        risks: [{ title: 'R3', likelihood: 1, impact: 1 }],
        health: { schedule: 'red', budget: 'red' },
      }),
      project('c', { title: 'Gamma', health: { schedule: 'red' } }),
      project('d', { title: 'Delta', status: 'done', health: { schedule: 'red' }, decisions: [{ question: 'Done project', by: '2026-01-01' }] }),
      project('e', { title: 'Epsilon', status: 'proposed', health: { schedule: 'red' } }),
    ],
  });
  const s = buildScorecards(model).portfolio;

  it('counts open risks of open projects per likelihood × impact', () => {
    expect(s.risks!.open).toBe(3);
    expect(s.risks!.cells).toHaveLength(25);
    expect(s.risks!.cells[0]).toMatchObject({ likelihood: 5, impact: 1 });
    const cell = s.risks!.cells.find((c) => c.likelihood === 4 && c.impact === 5)!;
    expect(cell.risks).toEqual([
      { project: 'a', title: 'R1' },
      { project: 'a', title: 'R2' },
    ]);
    expect(s.risks!.cells.find((c) => c.likelihood === 5 && c.impact === 5)!.risks).toEqual([]);
  });

  it('orders decisions overdue first (most overdue first), then by date, undated last; open projects only', () => {
    expect(s.attention.decisions!.map((d) => [d.question, d.overdueDays])).toEqual([
      ['Very late', 46],
      ['Late a bit', 5],
      ['Later', undefined],
      ['Undated', undefined],
    ]);
    expect(compareDecisions({ project: 'a', question: 'x', by: '2026-01-01', overdueDays: 1 }, { project: 'a', question: 'y', by: '2026-01-01' })).toBeLessThan(0);
  });

  it('lists pending gates, open changes, stale records, overdue milestones and projects', () => {
    expect(s.attention.gates).toEqual([{ project: 'a', gate: 'go-live', date: '2026-12-01', approver: undefined }]);
    expect(s.attention.changes).toEqual([{ project: 'a', id: 'CR-1', title: 'Open one', cost: 10, days: undefined }]);
    expect(s.attention.stale).toEqual([{ project: 'a', days: 106, updated: '2026-08-01' }]);
    expect(s.attention.overdueMilestones).toEqual([{ project: 'a', name: 'Past, not done', date: '2026-10', days: 15 }]);
    expect(s.attention.overdueProjects).toEqual([{ project: 'a', end: '2026-10-31', days: 15 }]);
  });

  it('orders the health matrix worst first, without requests or closed work', () => {
    // a: schedule red (overdue), budget amber → red, 1 red 1 amber; b: 2 reds; c: 1 red.
    expect(s.matrix).toEqual(['b', 'a', 'c']);
  });
});

describe('audience: public', () => {
  const parts = {
    settings: fy4,
    teams: [team('t', { capacity: [{ from: '2026-Q1', fte: 1 }] })],
    projects: [
      project('a', {
        start: '2026-04-01',
        end: '2027-03-31',
        budget: { planned: 100, forecast: 200, lines: [{ period: '2026-Q1', vendor: 'V', planned: 100 }] },
        benefits: [{ metric: 'm', baseline: 0, target: 1, actual: 1 }],
        risks: [{ title: 'r', likelihood: 1, impact: 1 }],
        decisions: [{ question: 'q', by: '2026-01-01' }],
        changes: [{ id: 'CR', title: 't' }],
        demand: [{ team: 't', fte: 2 }],
        gates: [{ gate: 'g', status: 'pending' as const }],
        scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 },
      }),
    ],
  };
  const pub = buildScorecards(buildModel(portfolio(parts), { audience: 'public', asOf: AS_OF }));
  const int = buildScorecards(buildModel(portfolio(parts), { audience: 'internal', asOf: AS_OF }));

  it('has none of the hidden aggregates, and the internal build has them all', () => {
    for (const [s, shown] of [
      [pub.portfolio, false],
      [int.portfolio, true],
    ] as const) {
      expect(s.budget !== undefined).toBe(shown);
      expect(s.benefits !== undefined).toBe(shown);
      expect(s.risks !== undefined).toBe(shown);
      expect(s.attention.decisions !== undefined).toBe(shown);
      expect(s.attention.changes !== undefined).toBe(shown);
      expect(s.teams !== undefined).toBe(shown);
      expect(s.alignment.unaligned.budgetShare !== undefined).toBe(shown);
      expect(s.investment[0].planned !== undefined).toBe(shown);
    }
    // gates are public
    expect(pub.portfolio.attention.gates).toHaveLength(1);
    // the investment mix falls back to counts
    expect(pub.portfolio.investment[0].share!.formula).toBe('1 / 1 open projects = 100%');
    expect(pub.visible).toEqual({ budget: false, benefits: false, risks: false, scores: false, demand: false, decisions: false, changes: false });
  });
});

describe('capacity heatmap rows', () => {
  it('lists each team’s cells across fiscal quarters with carried-forward capacity', () => {
    const model = internal({
      settings: fy4,
      teams: [team('t', { title: 'Team T', capacity: [{ from: '2026-Q1', fte: 2 }] })],
      // 2026-06-01..2026-10-31 spans fiscal 2026-Q1 (Apr–Jun), Q2 (Jul–Sep), Q3 (Oct–Dec)
      projects: [project('a', { start: '2026-06-01', end: '2026-10-31', demand: [{ team: 't', fte: 2.5 }] })],
    });
    const rows = heatmapRows(model, buildScorecards(model).portfolio.teams);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.map((c) => [c.period, c.demand, c.capacity, c.level])).toEqual([
      ['2026-Q1', 2.5, 2, 'red'], // 125% > 110%
      ['2026-Q2', 2.5, 2, 'red'], // capacity carried forward
      ['2026-Q3', 2.5, 2, 'red'],
    ]);
  });
});

describe('backlog', () => {
  it('ranks weighted requests (inverted criteria), lists unscored ones with what is missing, flags stale ones', () => {
    const model = internal({
      settings: fy4,
      projects: [
        // n: fit (5−1)/4 = 1, value 0.75, risk inverted 1 − 0.25 = 0.75, effort inverted 1 − 0.5 = 0.5
        // 100 × (3·1 + 3·0.75 + 2·0.75 + 2·0.5) / 10 = 77.5
        project('r1', { status: 'proposed', scores: { strategic_fit: 5, value: 4, risk: 2, effort: 3 }, updated: '2026-01-01' }),
        project('r2', { status: 'proposed', scores: { strategic_fit: 1, value: 1, risk: 5, effort: 5 } }), // 0
        project('w', { status: 'active', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 } }), // 100
        project('u', { status: 'proposed', scores: { strategic_fit: 3 }, updated: '2026-11-01' }),
        project('z', { status: 'proposed' }),
      ],
    });
    const b = buildBacklog(model);
    expect(b.method).toBe('weighted');
    expect(b.ranked).toEqual([
      { id: 'r1', rank: 2 },
      { id: 'r2', rank: 3 },
    ]);
    expect(model.byId.projects.get('r1')!.score!.formula).toBe('100 × (3·1 + 3·0.75 + 2·0.75 + 2·0.5) / 10');
    expect(b.openRanking).toEqual([
      { id: 'w', rank: 1 },
      { id: 'r1', rank: 2 },
      { id: 'r2', rank: 3 },
    ]);
    expect(b.unscored).toEqual([
      { id: 'u', missing: ['Business value', 'Delivery risk', 'Effort'], problem: undefined },
      { id: 'z', missing: ['Strategic fit', 'Business value', 'Delivery risk', 'Effort'], problem: undefined },
    ]);
    expect(b.stale).toEqual(['r1']);
  });

  it('names WSJF and RICE inputs and a zero divisor', () => {
    const wsjf = internal({
      settings: settings({ scoring: { method: 'wsjf' } }),
      projects: [
        project('a', { status: 'proposed', scores: { business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 4 } }), // 16 / 4 = 4
        project('b', { status: 'proposed', scores: { business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 0 } }),
        project('c', { status: 'proposed', scores: { business_value: 8 } }),
      ],
    });
    const bw = buildBacklog(wsjf);
    expect(bw.method).toBe('wsjf');
    expect(wsjf.byId.projects.get('a')!.score!.value).toBe(4);
    expect(bw.ranked).toEqual([{ id: 'a', rank: 1 }]);
    expect(bw.unscored).toEqual([
      { id: 'b', missing: [], problem: 'job_size is 0' },
      { id: 'c', missing: ['time_criticality', 'risk_reduction', 'job_size'], problem: undefined },
    ]);
    const rice = internal({
      settings: settings({ scoring: { method: 'rice' } }),
      projects: [project('a', { status: 'proposed', scores: { reach: 500, impact: 2, confidence: 0.8 } })],
    });
    expect(buildBacklog(rice).unscored).toEqual([{ id: 'a', missing: ['effort'], problem: undefined }]);
  });

  it('says nothing about missing inputs when scores are hidden, but keeps the rank', () => {
    const parts = { projects: [project('a', { status: 'proposed', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 } }), project('b', { status: 'proposed', scores: { value: 1 } })] };
    const b = buildBacklog(buildModel(portfolio(parts), { audience: 'public', asOf: AS_OF }));
    expect(b.ranked).toEqual([{ id: 'a', rank: 1 }]);
    expect(b.unscored).toEqual([{ id: 'b' }]);
  });
});

describe('program and goal scorecards', () => {
  it('scope every aggregate to the program’s or goal’s projects', () => {
    const model = internal({
      settings: fy4,
      goals: [goal('g')],
      programs: [program('p', { goals: ['g'] })],
      projects: [
        project('a', { program: 'p', budget: { planned: 100, forecast: 110 } }),
        project('b', { goals: ['g'], budget: { planned: 50, forecast: 50 } }),
        project('c', { budget: { planned: 1000, forecast: 1000 } }),
      ],
    });
    const all = buildScorecards(model);
    expect(all.portfolio.budget!.planned.value).toBe(1150);
    expect(all.programs.get('p')!.projects).toEqual(['a']);
    expect(all.programs.get('p')!.budget!.variance!.value).toBeCloseTo(0.1, 12);
    expect(all.goals.get('g')!.projects).toEqual(['a', 'b']);
    expect(all.goals.get('g')!.budget!.planned.value).toBe(150);
  });
});

describe('formula text and definitions', () => {
  it('shortens long sums', () => {
    expect(sumText([1, 2, 3])).toBe('1 + 2 + 3');
    expect(sumText([1000, 2, 3, 4, 5, 6, 7])).toBe('1,000 + 2 + 3 + 4 + 5 + … (7 values)');
    expect(sumText([])).toBe('0');
  });

  it('lists every definition a figure links to, with the portfolio’s thresholds', () => {
    const defs = definitions(fy4);
    const ids = defs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['budget-variance', 'budget-planned', 'budget-forecast', 'budget-actual', 'benefit-realization', 'goal-share', 'goal-budget-share', 'unaligned-share', 'unaligned-budget-share', 'investment-mix', 'utilization', 'risk-matrix', 'stale', 'score-weighted', 'score-wsjf', 'score-rice', 'rank', 'forecast-range', 'forecast-need-by']) {
      expect(ids).toContain(id);
    }
    expect(defs.find((d) => d.id === 'health-budget')!.formula).toBe('variance against thresholds: amber > 5%, red > 15%');
  });
});

describe('scale', () => {
  it('computes the scorecards of 2,000 projects (time: npm run bench)', () => {
    const make = (n: number) => {
      const projects = [];
      for (let i = 0; i < n; i++) {
        const id = `p${String(i).padStart(5, '0')}`;
        projects.push(
          project(id, {
            status: i % 5 === 0 ? 'proposed' : 'active',
            program: `prog${i % 20}`,
            goals: [`g${i % 7}`],
            investment: (['run', 'grow', 'transform'] as const)[i % 3],
            start: '2026-01-01',
            end: '2027-06-30',
            baseline_end: '2027-05-31',
            updated: i % 3 === 0 ? '2026-01-01' : '2026-11-01',
            budget: { planned: 1000 + i, forecast: 1100 + i, lines: [1, 2, 3, 4].map((q) => ({ period: `2026-Q${q}`, vendor: `v${i % 50}`, planned: 250, actual: 240 })) },
            benefits: [{ metric: 'm', baseline: 0, target: 10, actual: i % 10 }],
            risks: [{ title: 'r', likelihood: (i % 5) + 1, impact: ((i * 3) % 5) + 1 }],
            decisions: [{ question: 'q', by: i % 2 ? '2026-10-01' : '2027-01-01' }],
            gates: [{ gate: 'g', status: 'pending' }],
            changes: [{ id: 'CR', title: 't' }],
            milestones: [{ name: 'm', date: '2026-10-01' }],
            demand: [{ team: `t${i % 10}`, fte: 0.5 }],
            scores: { strategic_fit: (i % 5) + 1, value: 3, risk: 2, effort: 2 },
          }),
        );
      }
      return internal({
        settings: fy4,
        goals: Array.from({ length: 7 }, (_, g) => goal(`g${g}`)),
        programs: Array.from({ length: 20 }, (_, p) => program(`prog${p}`, { goals: [`g${p % 7}`] })),
        teams: Array.from({ length: 10 }, (_, t) => team(`t${t}`, { capacity: [{ from: '2025-Q1', fte: 100 }] })),
        projects,
      });
    };
    const model = make(2000);
    const s = buildScorecards(model);
    expect(s.portfolio.projects).toHaveLength(2000);
    expect(s.programs.size).toBe(20);
    expect(s.goals.size).toBe(7);
    expect(buildBacklog(model).ranked).toHaveLength(400);
  }, 120_000);
});
