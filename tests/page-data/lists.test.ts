import { describe, expect, it } from 'vitest';
import { changesPages, goalsPage, overviewPage, projectListPages, projectsPage, searchPage, teamsPage, worstLevel } from '../../src/page-data/lists.ts';
import { capList, pagePath, paginate } from '../../src/page-data/paging.ts';
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
    expect(page.holds).toMatch(/^\d+ projects \(3 open\), /);
    const one = siteFromInput(loadSettings({}, '/p'), portfolio({ projects: [project('solo', { status: 'active' })] }), { now: new Date('2026-05-15') }).model;
    expect(overviewPage(one).holds).toBe('1 project (1 open), 0 programs, 0 goals and 0 teams');
    expect(page.overdue.shown.map((p) => p.id)).toEqual(['late']);
    expect(page.stale.map((p) => p.id)).toEqual(['old']);
    expect(page.conflicted.shown.map((p) => p.id)).toEqual(['waits']);
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

  it('/changes/ pages the entries newest first; /search/ merges the parts after the first', () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({ id: `e${i}` })) as never[];
    const pages = changesPages({ entries }, 2);
    expect(pages.map((p) => [p.page.page, p.page.items.length, p.page.prev, p.page.next])).toEqual([
      [1, 2, undefined, '/changes/page/2/'],
      [2, 1, '/changes/', undefined],
    ]);
    expect(changesPages(undefined)).toEqual([{ total: 0, note: undefined, page: { items: [], page: 1, pages: 1, total: 0, from: 0, prev: undefined, next: undefined } }]);
    expect(searchPage(3).mergedParts).toEqual(['part-2/', 'part-3/']);
    expect(searchPage(1).mergedParts).toEqual([]);
    expect(searchPage(0).mergedParts).toEqual([]);
  });
});

// 120 overdue projects, ended 1..120 days before as-of (p001 the most overdue), plus 330 on time: 450 in all.
const many = portfolio({
  settings: settings({ as_of: '2026-05-15' }),
  projects: [
    ...Array.from({ length: 120 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 4, 15) - (120 - i) * 86_400_000).toISOString().slice(0, 10);
      return project(`p${String(i + 1).padStart(3, '0')}`, { start: '2025-01-01', end: d, updated: '2026-05-01' });
    }),
    ...Array.from({ length: 330 }, (_, i) => project(`q${String(i + 1).padStart(3, '0')}`, { status: 'approved', start: '2026-07-01', end: '2026-12-31', updated: '2026-05-01' })),
  ],
});
const big = siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), many, { now: new Date('2026-05-15') }).model;

describe('caps and pages', () => {
  it('capList keeps the first items and counts the rest', () => {
    expect(capList([1, 2, 3], 2)).toEqual({ shown: [1, 2], more: 1, total: 3 });
    expect(capList([1], 2)).toEqual({ shown: [1], more: 0, total: 1 });
  });

  it('paginate splits into pages with prev/next paths and 1-based positions', () => {
    const pages = paginate(Array.from({ length: 450 }, (_, i) => i), '/projects/', 200);
    expect(pages.map((p) => [p.page, p.pages, p.items.length, p.from, p.prev, p.next])).toEqual([
      [1, 3, 200, 1, undefined, '/projects/page/2/'],
      [2, 3, 200, 201, '/projects/', '/projects/page/3/'],
      [3, 3, 50, 401, '/projects/page/2/', undefined],
    ]);
    expect(paginate([], '/x/')).toHaveLength(1);
    expect(pagePath('/x', 1)).toBe('/x/');
  });

  it('the overview shows the 50 most overdue first, and "70 more"', () => {
    const { overdue } = overviewPage(big);
    expect(overdue.total).toBe(120);
    expect(overdue.shown).toHaveLength(50);
    expect(overdue.more).toBe(70);
    expect(overdue.shown.slice(0, 3).map((p) => p.id)).toEqual(['p001', 'p002', 'p003']);
    expect(overdue.shown.at(-1)!.id).toBe('p050');
  });

  it('/projects/ is 450 rows in pages of 200, grouped by status on each page; filtered lists have their own paths', () => {
    const pages = projectListPages(big);
    const all = pages.filter((p) => p.list.key === 'all');
    expect(all.map((p) => [p.path, p.page.items.length])).toEqual([
      ['', 200],
      ['page/2', 200],
      ['page/3', 50],
    ]);
    // approved (330) comes before active (120) in the contract's order, so page 2 holds both.
    expect(all[1].groups.map((g) => [g.status, g.projects.length])).toEqual([
      ['approved', 130],
      ['active', 70],
    ]);
    const overdue = pages.filter((p) => p.list.key === 'overdue');
    expect(overdue.map((p) => [p.path, p.page.items.length, p.page.prev, p.page.next])).toEqual([['list/overdue', 120, undefined, undefined]]);
    expect(overdue[0].page.items[0].id).toBe('p001');
    expect(projectListPages(big, 100).filter((p) => p.list.key === 'overdue').map((p) => [p.path, p.page.next])).toEqual([
      ['list/overdue', '/projects/list/overdue/page/2/'],
      ['list/overdue/page/2', undefined],
    ]);
    // Every list key is one path segment, so no list page can be a project page (/projects/ID/).
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });
});
