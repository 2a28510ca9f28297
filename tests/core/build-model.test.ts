import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { dayFromParts } from '../../src/core/dates.ts';
import { goal, portfolio, program, project, settings, team } from './fixtures.ts';

const asOf = '2026-11-15';

function input() {
  return portfolio({
    settings: settings({
      audiences: {
        public: { hide: ['budget', 'benefits', 'risks', 'scores', 'demand', 'decisions', 'changes'] },
        internal: { hide: [] },
        board: { hide: [] },
      },
    }),
    projects: [
      project(
        'portal',
        {
          status: 'active',
          program: 'dc',
          start: '2026-01-15',
          end: '2026-12-31',
          baseline_end: '2026-12-01',
          updated: '2026-08-01',
          value_status: 'at-risk',
          health: { note: 'Vendor delay' },
          budget: { planned: 1_200_000, forecast: 1_290_000 },
          benefits: [{ metric: 'Calls', baseline: 40000, target: 30000, actual: 36000 }],
          scores: { strategic_fit: 5, value: 4, risk: 2, effort: 3 },
          demand: [{ team: 'security', fte: 2.5, from: '2026-Q3', to: '2026-Q3' }],
          dependencies: [{ on: 'idp' }, { on: 'secret' }],
          teams: ['platform'],
        },
        'Portal body',
      ),
      project('idp', { status: 'active', start: '2026-01-01', end: '2026-02-15' }),
      project('backlog-b', { status: 'proposed', scores: { strategic_fit: 1, value: 1, risk: 5, effort: 5 } }),
      project('backlog-a', { status: 'proposed', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 } }),
      project('secret', { status: 'active', visibility: 'internal', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 } }),
      project('old', { status: 'done', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 } }),
    ],
    programs: [program('dc', { goals: ['grow'] })],
    goals: [goal('grow')],
    teams: [team('security', { capacity: [{ from: '2026-Q1', fte: 2 }] }), team('platform')],
  });
}

describe('buildModel, internal audience', () => {
  const m = buildModel(input(), { audience: 'internal', asOf });
  const portal = m.byId.projects.get('portal')!;

  it('keeps every record, sorted by id, with settings.as_of resolved', () => {
    expect(m.projects.map((p) => p.id)).toEqual(['backlog-a', 'backlog-b', 'idp', 'old', 'portal', 'secret']);
    expect(m.settings.as_of).toBe(asOf);
    expect(m.asOfDay).toBe(dayFromParts(2026, 11, 15));
    expect(m.hidden).toEqual([]);
    expect(m.schemaVersion).toBe(1);
  });

  it('scores and ranks', () => {
    // 100 × (3·1 + 3·0.75 + 2·0.75 + 2·0.5) / 10 = 77.5
    expect(portal.score?.value).toBe(77.5);
    // backlog-a and secret 100 (tie → 1, 1), portal 77.5 → 3, backlog-b 0 → 4, old done → unranked
    expect(m.projects.map((p) => [p.id, p.rank])).toEqual([
      ['backlog-a', 1],
      ['backlog-b', 4],
      ['idp', undefined],
      ['old', undefined],
      ['portal', 3],
      ['secret', 1],
    ]);
  });

  it('computes schedule, budget, benefits and staleness', () => {
    expect(portal.slipDays).toBe(30); // 2026-12-31 − 2026-12-01
    expect(portal.budgetVariance).toBeCloseTo(0.075, 12); // 90 000 / 1 200 000
    expect(portal.benefitRealization).toBeCloseTo(0.4, 12); // (36 000 − 40 000) / (30 000 − 40 000)
    expect(portal.daysSinceUpdate).toBe(106); // 2026-08-01 → 2026-11-15
    expect(portal.stale).toBe(true); // 106 > 90
    expect(portal.overdue).toBe(false);
    expect(portal.startDay).toBe(dayFromParts(2026, 1, 15));
    expect(portal.open).toBe(true);
    expect(portal.body).toBe('Portal body');
  });

  it('computes health with reasons', () => {
    expect(portal.health).toEqual({
      schedule: { value: 'amber', source: 'computed', reason: 'slip 30 days > 14' },
      budget: { value: 'amber', source: 'computed', reason: 'variance +7.5% > 5%' },
      // security Q3: 2.5 / 2 = 1.25
      resources: { value: 'red', source: 'computed', reason: 'Team security at 125% in Q3\u00a0FY2026 > 110%' },
      benefits: { value: 'amber', source: 'computed', reason: 'value at risk' },
      overall: 'red',
      note: 'Vendor delay',
    });
    const idp = m.byId.projects.get('idp')!;
    expect(idp.overdue).toBe(true);
    expect(idp.health.schedule?.reason).toBe('end 15\u00a0Feb\u00a02026 is before as-of 15\u00a0Nov\u00a02026');
  });

  it('computes dependencies, conflicts and the critical chain', () => {
    // portal needs idp by its start 2026-01-15; idp ends 2026-02-15 → 31 days late
    expect(portal.conflicts).toEqual([{ on: 'idp', type: 'finish-to-start', needed: '2026-01-15', neededFor: 'start', upstream: '2026-02-15', days: 31 }]);
    expect(m.edges.map((e) => `${e.from}>${e.on}`)).toEqual(['portal>idp', 'portal>secret']);
    // portal has the latest end; portal>idp is tight FS; secret has no end → edge has no gap
    expect(m.projects.filter((p) => p.critical).map((p) => p.id)).toEqual(['idp', 'portal']);
    expect(m.byId.projects.get('idp')!.dependents.map((e) => e.from)).toEqual(['portal']);
  });

  it('computes team utilization and the projects naming a team', () => {
    const security = m.byId.teams.get('security')!;
    expect(security.utilization).toEqual([
      { period: '2026-Q1', demand: 0, capacity: 2, ratio: 0, level: 'green', projects: [] },
      { period: '2026-Q2', demand: 0, capacity: 2, ratio: 0, level: 'green', projects: [] },
      { period: '2026-Q3', demand: 2.5, capacity: 2, ratio: 1.25, level: 'red', projects: [{ id: 'portal', fte: 2.5 }] },
    ]);
    expect(security.projects).toEqual(['portal']);
    expect(m.byId.teams.get('platform')!.projects).toEqual(['portal']);
    expect(m.byId.teams.get('platform')!.utilization).toEqual([]);
  });

  it('rolls up', () => {
    const grow = m.byId.goals.get('grow')!;
    expect(grow.rollup.projects).toEqual(['portal']);
    expect(grow.programs).toEqual(['dc']);
    expect(grow.budgetShare).toBe(1); // 1 200 000 of 1 200 000 open planned
    expect(m.byId.programs.get('dc')!.rollup.budgetForecast).toBe(1_290_000);
    // open: backlog-a, backlog-b, idp, portal, secret; all but portal unaligned → 4 / 5
    expect(m.portfolio.unalignedProjects).toEqual(['backlog-a', 'backlog-b', 'idp', 'secret']);
    expect(m.portfolio.unalignedShare).toBe(0.8);
    expect(m.portfolio.unalignedBudgetShare).toBe(0); // 0 of 1 200 000
    expect(m.portfolio.total).toBe(6);
  });
});

describe('buildModel, public audience', () => {
  const m = buildModel(input(), { audience: 'public', asOf });
  const portal = m.byId.projects.get('portal')!;

  it('leaves out internal records and dependencies on them', () => {
    expect(m.projects.map((p) => p.id)).toEqual(['backlog-a', 'backlog-b', 'idp', 'old', 'portal']);
    expect(portal.record.dependencies!.map((d) => d.on)).toEqual(['idp']);
    expect(m.edges.map((e) => e.on)).toEqual(['idp']);
  });

  it('keeps the rank but not the score when scores are hidden', () => {
    expect(portal.score).toBeUndefined();
    expect(portal.record.scores).toBeUndefined();
    // without secret: backlog-a 100 → 1, portal 77.5 → 2, backlog-b 0 → 3
    expect(m.projects.map((p) => p.rank)).toEqual([1, 3, undefined, undefined, 2]);
  });

  it('hides values derived from hidden fields', () => {
    expect(m.hidden).toContain('budget');
    expect(portal.record.budget).toBeUndefined();
    expect(portal.budgetVariance).toBeUndefined();
    expect(portal.benefitRealization).toBeUndefined();
    expect(portal.benefitRealizations).toEqual([]);
    expect(portal.health).toEqual({
      schedule: { value: 'amber', source: 'computed', reason: 'slip 30 days > 14' },
      benefits: { value: 'amber', source: 'computed', reason: 'value at risk' },
      overall: 'amber',
      note: 'Vendor delay',
    });
    expect(m.byId.teams.get('security')!.utilization).toBeUndefined();
    expect(m.byId.teams.get('security')!.projects).toEqual([]); // demand hidden; portal names only platform
    expect(m.portfolio.budgetPlanned).toBeUndefined();
    expect(m.byId.goals.get('grow')!.budgetShare).toBeUndefined();
    expect(JSON.stringify(m.projects)).not.toContain('1200000');
  });
});

describe('buildModel, other audiences and purity', () => {
  it('leaves internal records out for every audience but internal', () => {
    const m = buildModel(input(), { audience: 'board', asOf });
    expect(m.byId.projects.has('secret')).toBe(false);
    expect(m.byId.projects.get('portal')!.score?.value).toBe(77.5);
  });

  it('throws for an unknown audience', () => {
    expect(() => buildModel(input(), { audience: 'press', asOf })).toThrow('unknown audience "press"; known audiences: board, internal, public');
  });

  it('is deterministic and does not modify its input', () => {
    const a = input();
    const before = structuredClone(a);
    const m1 = buildModel(a, { audience: 'public', asOf });
    const m2 = buildModel(a, { audience: 'public', asOf });
    expect(m1).toEqual(m2);
    expect(JSON.stringify(m1)).toBe(JSON.stringify(m2));
    expect(a).toEqual(before);
    // the order of input records does not matter
    const shuffled = { ...a, projects: [...a.projects].reverse(), teams: [...a.teams].reverse() };
    expect(buildModel(shuffled, { audience: 'internal', asOf })).toEqual(buildModel(a, { audience: 'internal', asOf }));
  });

  it('builds an empty portfolio', () => {
    const m = buildModel(portfolio(), { audience: 'public', asOf });
    expect(m.projects).toEqual([]);
    expect(m.portfolio).toMatchObject({ total: 0, unalignedShare: 0, unalignedProjects: [] });
  });
});
