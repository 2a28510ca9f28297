import { describe, expect, it } from 'vitest';
import { hiddenFields, hiddenHealthDimensions, seesInternal, stripFields, visibleProjects } from '../../src/core/audience.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { diffProject } from '../../src/core/changes.ts';
import { portfolioCsv } from '../../src/core/export-csv.ts';
import { toPortfolioJson } from '../../src/core/export-json.ts';
import { markersPortfolio, portfolio, project, settings, team } from './fixtures.ts';

describe('hiddenFields', () => {
  it('returns the hide list of a known audience', () => {
    expect(hiddenFields(settings(), 'public')).toEqual(['budget', 'benefits', 'risks', 'scores', 'demand', 'decisions', 'changes']);
    expect(hiddenFields(settings(), 'internal')).toEqual([]);
  });

  it('throws for an unknown audience, naming the known ones', () => {
    expect(() => hiddenFields(settings(), 'board')).toThrow('unknown audience "board"; known audiences: internal, public');
    expect(() => hiddenFields(settings(), 'constructor')).toThrow(/unknown audience/);
  });
});

describe('visibleProjects', () => {
  const ps = [
    project('pub', { dependencies: [{ on: 'secret' }, { on: 'other' }, { on: 'ghost' }] }),
    project('secret', { visibility: 'internal' }),
    project('other'),
  ];

  it('drops internal records and dependencies on them for other audiences', () => {
    const v = visibleProjects(ps, 'public');
    expect(v.map((p) => p.id)).toEqual(['pub', 'other']);
    // unknown ids are left for validation to report
    expect(v[0].data.dependencies!.map((d) => d.on)).toEqual(['other', 'ghost']);
    expect(ps[0].data.dependencies).toHaveLength(3); // input untouched
  });

  it('keeps everything for the internal audience', () => {
    expect(seesInternal('internal')).toBe(true);
    expect(visibleProjects(ps, 'internal').map((p) => p.id)).toEqual(['pub', 'secret', 'other']);
  });
});

describe('stripFields', () => {
  it('returns a copy without hidden fields and never strips title or status', () => {
    const p = project('a', { budget: { planned: 1 }, scores: { value: 3 }, summary: 'x' });
    const s = stripFields(p.data, ['budget', 'scores', 'title', 'status']);
    expect(s).toEqual({ title: 'Project a', status: 'active', visibility: 'public', summary: 'x' });
    expect(p.data.budget).toEqual({ planned: 1 });
  });
});

describe('manual health of a dimension whose source field is hidden', () => {
  // budget → health.budget, demand → health.resources, value_status → health.benefits: hidden everywhere.
  const input = portfolio({
    settings: settings({ audiences: { public: { hide: ['budget', 'demand'] }, internal: { hide: [] } } }),
    projects: [project('a', { health: { budget: 'red', resources: 'amber', scope: 'green', note: 'n' }, budget: { planned: 10, forecast: 20 }, demand: [{ team: 't', fte: 9 }] })],
    teams: [team('t', { capacity: [{ from: '2026-Q1', fte: 1 }] })],
  });
  const model = buildModel(input, { audience: 'public', asOf: '2026-06-01' });
  const p = model.byId.projects.get('a')!;

  it('is left out of the model: record and computed health, overall included', () => {
    expect(p.record.health).toEqual({ scope: 'green', note: 'n' });
    expect(Object.keys(p.health).sort()).toEqual(['note', 'overall', 'scope']);
    expect(p.health.overall).toBe('green');
    // The internal audience still sees both.
    const internal = buildModel(input, { audience: 'internal', asOf: '2026-06-01' }).byId.projects.get('a')!;
    expect([internal.health.budget?.value, internal.health.resources?.value]).toEqual(['red', 'amber']);
  });

  it('is an empty cell in the CSV and absent from portfolio.json', () => {
    // Simple cells only here (no comma or quote inside): text cells are quoted, so unquote them.
    const [head, row] = portfolioCsv(model).split('\r\n').map((l) => l.split(',').map((c) => c.replace(/^"(.*)"$/, '$1')));
    const cell = (name: string) => row![head!.indexOf(name)];
    expect([cell('health_budget'), cell('health_resources'), cell('health_scope'), cell('health')]).toEqual(['', '', 'green', 'green']);
    const json = toPortfolioJson(model).projects[0]!;
    expect(json.health).toEqual({ scope: 'green', overall: 'green' });
    expect(json.healthSource).toEqual({ scope: 'manual' });
  });

  it('is never compared on the changes page either', () => {
    const texts = diffProject({ health: { budget: 'green', resources: 'green', benefits: 'green' } }, { health: { budget: 'red', resources: 'red', benefits: 'red' } }, { hidden: ['budget', 'demand', 'value_status'] });
    expect(texts).toEqual([]);
    expect(hiddenHealthDimensions(['demand'])).toEqual(['resources']);
    expect(hiddenHealthDimensions(['health'])).toEqual(['schedule', 'budget', 'scope', 'resources', 'benefits']);
  });
});

describe('portfolio markers', () => {
  const input = markersPortfolio();

  it('an internal marker is in no part of a public model, nor in portfolio.json', () => {
    const model = buildModel(input, { audience: 'public', asOf: '2026-11-15' });
    expect(model.markers.map((m) => m.name)).toEqual(['Year-end change freeze', 'Q4 planning', 'Investment board']);
    expect(JSON.stringify(model.settings)).not.toContain('SENTINEL-MARKER');
    expect(JSON.stringify(toPortfolioJson(model))).not.toContain('SENTINEL-MARKER');
    expect(toPortfolioJson(model).portfolio.markers).toContainEqual({ name: 'Investment board', kind: 'board', date: '2027-02-10', visibility: 'public' });
  });

  it('the internal audience sees every marker, with days (a quarter as a period runs to its last day)', () => {
    const model = buildModel(input, { audience: 'internal', asOf: '2026-11-15' });
    expect(model.markers.map((m) => m.name)).toEqual(['Year-end change freeze', 'Q4 planning', 'Investment board', 'SENTINEL-MARKER-internal']);
    const q4 = model.markers.find((m) => m.name === 'Q4 planning')!;
    expect([q4.period, q4.lastDay - q4.firstDay + 1]).toEqual([true, 90]); // Jan–Mar 2027
    expect(JSON.stringify(toPortfolioJson(model))).toContain('SENTINEL-MARKER-internal');
  });
});
