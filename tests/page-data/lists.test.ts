import { describe, expect, it } from 'vitest';
import { changesPage, goalsPage, overviewPage, projectsPage, searchPage, teamsPage, worstLevel } from '../../src/page-data/lists.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { goal, portfolio, project, settings, team } from '../core/fixtures.ts';

// As of 2026-05-15: "late" ended 2026-03-31 and is open (overdue); "old" was last updated more than
// 90 days before (stale, review every 90 days); "waits" starts before "late" ends (a conflict).
const input = portfolio({
  settings: settings({ as_of: '2026-05-15', review_every_days: 90 }),
  goals: [goal('g')],
  teams: [team('t', { capacity: [{ from: '2026-Q1', fte: 1 }] }), team('idle')],
  projects: [
    project('late', { start: '2026-01-01', end: '2026-03-31', updated: '2026-05-01', demand: [{ team: 't', fte: 0.5 }] }),
    project('old', { status: 'approved', start: '2026-07-01', end: '2026-12-31', updated: '2026-01-01' }),
    project('waits', { start: '2026-03-01', end: '2026-12-31', updated: '2026-05-01', dependencies: [{ on: 'late' }], goals: ['g'] }),
    project('shipped', { status: 'done', start: '2025-01-01', end: '2025-12-31', updated: '2026-05-01' }),
  ],
});
const { model } = siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), input, { now: new Date('2026-05-15') });

describe('list page data', () => {
  it('the overview counts open, overdue, stale and conflicted projects', () => {
    const page = overviewPage(model);
    expect(page.openCount).toBe(3);
    expect(page.overdue.map((p) => p.id)).toEqual(['late']);
    expect(page.stale.map((p) => p.id)).toEqual(['old']);
    expect(page.conflicted.map((p) => p.id)).toEqual(['waits']);
  });

  it('/projects/ groups by status in the contract order, empty groups left out', () => {
    expect(projectsPage(model).groups.map((g) => [g.status, g.projects.map((p) => p.id)])).toEqual([
      ['approved', ['old']],
      ['active', ['late', 'waits']],
      ['done', ['shipped']],
    ]);
  });

  it('/teams/ shows each team its worst utilization', () => {
    const page = teamsPage(model);
    expect(page.showUtil).toBe(true);
    expect(page.teams.map((t) => [t.team.id, t.worst])).toEqual([
      ['idle', undefined],
      ['t', 'green'],
    ]);
    expect(worstLevel(['green', 'red', 'amber'])).toBe('red');
    expect(worstLevel(['green', 'amber'])).toBe('amber');
    expect(worstLevel([])).toBeUndefined();
  });

  it('/goals/ has the budget share column only where budgets are seen', () => {
    expect(goalsPage(model).goals.map((g) => g.id)).toEqual(['g']);
    const pub = siteFromInput(loadSettings({}, '/p'), input, { now: new Date('2026-05-15') }).model;
    expect(goalsPage(pub).showShare).toBe(false);
  });

  it('/changes/ shows the newest entries up to the limit; /search/ merges the parts after the first', () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({ id: `e${i}` })) as never[];
    expect(changesPage({ entries }, 2).shown).toHaveLength(2);
    expect(changesPage(undefined)).toEqual({ entries: [], shown: [], note: undefined });
    expect(searchPage([[], [], []]).mergedParts).toEqual(['part-2/', 'part-3/']);
    expect(searchPage([[]]).mergedParts).toEqual([]);
  });
});
