import { describe, expect, it } from 'vitest';
import { dependenciesPage, programDependenciesPage, programDependencyKeys } from '../../src/page-data/dependencies.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, program, project, settings } from '../core/fixtures.ts';

const SETTINGS = loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/portfolio');

// a ──▶ b (b starts 2026-03-15, a ends 2026-03-31: 16 days late)
// a ──▶ e (e starts 2026-03-25: 6 days late), b ──▶ c (c starts 10 days after b ends: slack)
// x ──▶ y (its own group: x delivers on the day y starts: no slack, so x–y is a critical chain)
// The chain of a–b–c–e is c alone: c ends last, and its dependency on b has slack.
const input = portfolio({
  settings: settings({ as_of: '2026-01-15' }),
  programs: [program('p1'), program('p2')],
  projects: [
    project('a', { program: 'p1', start: '2026-01-01', end: '2026-03-31' }),
    project('b', { program: 'p1', start: '2026-03-15', end: '2026-06-30', dependencies: [{ on: 'a' }] }),
    project('c', { program: 'p2', start: '2026-07-10', end: '2026-09-30', dependencies: [{ on: 'b' }] }),
    project('e', { program: 'p2', start: '2026-03-25', end: '2026-04-30', dependencies: [{ on: 'a' }] }),
    project('x', { start: '2026-01-01', end: '2026-03-01' }),
    project('y', { start: '2026-03-01', end: '2026-12-31', dependencies: [{ on: 'x' }] }),
  ],
});
const site = siteFromInput(SETTINGS, input, { now: new Date('2026-01-15') });

describe('dependenciesPage', () => {
  const page = dependenciesPage(site.model, site.dependencies);

  it('lists conflicts most days late first, with the days', () => {
    expect(page.conflicts.shown.map((e) => [e.from, e.on, e.gapDays])).toEqual([
      ['b', 'a', 16],
      ['e', 'a', 6],
    ]);
  });

  it('groups the critical chains, upstream first, longest first', () => {
    expect(page.chains.shown.map((chain) => chain.map((p) => p.id))).toEqual([['x', 'y'], ['c']]);
    expect(page.criticalCount).toBe(3);
  });

  it('draws one diagram below the split limit, with every dependency in the table', () => {
    expect(page.groups.split).toBe(false);
    expect(page.tableEdges.shown).toHaveLength(4);
    expect(programDependencyKeys(page.groups)).toEqual([]);
  });

  it('a program page holds the edges with at least one end in the program', () => {
    const p2 = programDependenciesPage(site.model, site.dependencies, 'p2');
    expect(p2.program?.id).toBe('p2');
    expect(p2.edges.map((e) => `${e.from}→${e.on}`).toSorted()).toEqual(['c→b', 'e→a']);
    expect(() => programDependenciesPage(site.model, site.dependencies, 'nope')).toThrow('no dependency page for program "nope"');
  });

  it('orders equal conflicts by dependent, then by what they wait on (a total order)', () => {
    const tie = siteFromInput(
      SETTINGS,
      portfolio({
        settings: settings({ as_of: '2026-01-15' }),
        projects: [
          project('u1', { start: '2026-01-01', end: '2026-03-31' }),
          project('u2', { start: '2026-01-01', end: '2026-03-31' }),
          project('w', { start: '2026-03-21', end: '2026-06-30', dependencies: [{ on: 'u2' }, { on: 'u1' }] }),
          project('v', { start: '2026-03-21', end: '2026-06-30', dependencies: [{ on: 'u1' }] }),
        ],
      }),
    );
    expect(dependenciesPage(tie.model, tie.dependencies).conflicts.shown.map((e) => `${e.from}→${e.on}`)).toEqual(['v→u1', 'w→u1', 'w→u2']);
  });
});
