import { describe, expect, it } from 'vitest';
import { projectPage } from '../../src/page-data/project.ts';
import { roadmapPage } from '../../src/page-data/roadmap.ts';
import { goalPage, programPage, scopedScorecardPages, teamPage } from '../../src/page-data/records.ts';
import { projectListPages } from '../../src/page-data/lists.ts';
import { scorecardView, withheldSections } from '../../src/page-data/scorecard.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { goal, portfolio, program, project, settings, team } from '../core/fixtures.ts';

// Program "core" serves goal "g"; "a" belongs to core (so to g through it), "b" is linked to g directly.
// Team "t" has 2 FTE from 2026-Q1; a (1.5 FTE) and b (1 FTE) overlap in 2026-Q2: 2.5 / 2 = 125%.
const input = portfolio({
  settings: settings({ as_of: '2026-05-15' }),
  goals: [goal('g')],
  programs: [program('core', { goals: ['g'] })],
  teams: [team('t', { capacity: [{ from: '2026-Q1', fte: 2 }] })],
  projects: [
    project('a', { program: 'core', start: '2026-04-01', end: '2026-06-30', teams: ['t'], demand: [{ team: 't', fte: 1.5 }], milestones: [{ name: 'Go-live', date: '2026-06-15' }], budget: { planned: 100, forecast: 120 } }),
    project('b', { goals: ['g'], start: '2026-04-01', end: '2026-09-30', teams: ['t'], demand: [{ team: 't', fte: 1 }], dependencies: [{ on: 'a' }], risks: [{ title: 'r', likelihood: 4, impact: 5 }] }),
    project('c', { start: '2026-01-01', end: '2026-12-31' }),
  ],
});
const site = (audience: string) => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: audience }, '/p'), input, { now: new Date('2026-05-15') });

describe('record page data', () => {
  const { model, scorecards } = site('internal');

  it('a program page: its projects, their timeline and a summary linking to its scorecard', () => {
    const page = programPage(model, scorecards, 'core');
    expect(page.projects.map((p) => p.id)).toEqual(['a']);
    expect(page.timeline.charted).toBe(1);
    expect(page.scorecard?.href).toBe('/scorecard/programs/core/');
    expect(page.scorecard?.openProjects).toBe(1);
    expect(page.scorecard?.items.every((i) => i.count > 0)).toBe(true);
  });

  it('a goal page counts projects linked directly and through their program', () => {
    const page = goalPage(model, scorecards, 'g');
    expect(page.projects.map((p) => p.id).toSorted()).toEqual(['a', 'b']);
    expect(page.scorecard?.href).toBe('/scorecard/goals/g/');
  });

  it('the scoped scorecards have their own pages, sections at level 2; goals show the mix, not the alignment', () => {
    const programs = scopedScorecardPages(model, scorecards, 'program');
    expect(programs.map((p) => [p.id, p.view.scope, p.view.level, p.view.showAlignment])).toEqual([['core', { kind: 'program', id: 'core' }, 2, true]]);
    const goals = scopedScorecardPages(model, scorecards, 'goal');
    expect(goals.map((p) => [p.id, p.view.showAlignment, p.view.scorecard.projects.toSorted()])).toEqual([['g', false, ['a', 'b']]]);
  });

  it('a team page: its utilization, 125% in 2026-Q2', () => {
    const page = teamPage(model, 't');
    expect(page.projects.map((p) => p.id).toSorted()).toEqual(['a', 'b']);
    const q2 = page.heatmap!.rows[0].cells.find((c) => c.period === '2026-Q2')!;
    expect(q2.ratio).toBe(1.25);
    expect(q2.level).toBe('red');
    expect(page.heatmap!.chart.rows).toHaveLength(1);
  });

  it('a project page: the milestone strip and the dependency neighbourhood', () => {
    const a = projectPage(model, 'a');
    expect(a.strip?.milestones.map((m) => m.name)).toEqual(['Go-live']);
    expect(a.neighbourhood?.nodes.map((n) => n.id).toSorted()).toEqual(['a', 'b']);
    expect(projectPage(model, 'c').neighbourhood).toBeUndefined();
    expect(() => projectPage(model, 'nope')).toThrow('no project "nope"');
    expect(() => teamPage(model, 'nope')).toThrow('no team "nope"');
  });
});

describe('one rule for goal alignment', () => {
  it('the by-goal roadmap puts a project under the goals of its program too, as the goal page counts it', () => {
    const { model, scorecards } = site('internal');
    const lane = roadmapPage(model, 'goal').view.lanes.find((l) => l.record?.id === 'g')!;
    expect(lane.bars.map((b) => b.id).toSorted()).toEqual(goalPage(model, scorecards, 'g').projects.map((p) => p.id).toSorted());
    expect(lane.bars.map((b) => b.id).toSorted()).toEqual(['a', 'b']);
  });
});

describe('overall health label', () => {
  it('says "of published dimensions" where the audience hides some, and which', () => {
    expect(projectPage(site('internal').model, 'a')).toMatchObject({ overallLabel: 'Overall health' });
    expect(projectPage(site('internal').model, 'a').overallReason).toBeUndefined();
    expect(projectPage(site('public').model, 'a')).toMatchObject({
      overallLabel: 'Overall health (of published dimensions)',
      overallReason: 'The worst of the published dimensions; this edition does not publish budget or resources health.',
    });
  });
});

describe('scorecard page data', () => {
  it('the internal scorecard has every section with its chart', () => {
    const { model, scorecards } = site('internal');
    const view = scorecardView(model, scorecards)!;
    expect(view.level).toBe(2);
    expect(view.risks?.cells.find((c) => c.likelihood === 4 && c.impact === 5)?.count).toBe(1);
    expect(view.budget?.rows.map((r) => r.id)).toEqual(['a']);
    expect(view.heatmap?.rows.map((r) => r.team)).toEqual(['t']);
    expect(withheldSections(scorecards.visible)).toEqual([]);
  });

  it('budget by period: a quarter with no actual reported yet reads "—", not 0 spent', () => {
    const withLines = portfolio({
      settings: settings({ as_of: '2026-05-15' }),
      projects: [
        project('a', {
          start: '2026-01-01',
          end: '2026-12-31',
          budget: { planned: 300, lines: [{ period: '2026-Q1', planned: 100, actual: 90 }, { period: '2026-Q2', planned: 100, actual: 0 }, { period: '2026-Q3', planned: 100 }] },
        }),
      ],
    });
    const { model, scorecards } = siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), withLines, { now: new Date('2026-05-15') });
    const rows = scorecardView(model, scorecards)!.budget!.period.rows;
    expect(rows.map((r) => r.label)).toEqual(['Q1\u00a0FY2026', 'Q2\u00a0FY2026', 'Q3\u00a0FY2026']);
    // Planned, then actual: a reported 0 stays €0; the future quarter has no actual.
    expect(rows.map((r) => r.bars.map((b) => b.text))).toEqual([
      ['€100', '€90'],
      ['€100', '€0'],
      ['€100', '—'],
    ]);
    expect(rows[2].bars[1].title).toBe("Q3\u00a0FY2026: no actual reported yet (none of the period's budget lines has one)");
  });

  it('the public scorecard leaves out what the audience hides, and says so', () => {
    const { model, scorecards } = site('public');
    const view = scorecardView(model, scorecards)!;
    expect(view.risks).toBeUndefined();
    expect(view.budget).toBeUndefined();
    expect(withheldSections(scorecards.visible)).toEqual(['budget', 'scores', 'capacity demand', 'risks', 'benefits', 'decisions', 'change requests']);
  });
});

describe('a record page draws at most LIST_CAP projects on its timeline, the worst health first', () => {
  // 56 dated projects of team "big": p00–p04 ended before the as-of day and are still open (overdue: red); one without dates.
  const many = Array.from({ length: 56 }, (_, i) => {
    const id = `p${String(i).padStart(2, '0')}`;
    return project(id, { program: 'wide', teams: ['big'], start: '2026-01-01', end: i < 5 ? '2026-03-31' : `2027-${String((i % 12) + 1).padStart(2, '0')}-28` });
  });
  const input = portfolio({
    settings: settings({ as_of: '2026-05-15' }),
    programs: [program('wide'), program('small')],
    teams: [team('big')],
    projects: [...many, project('undated', { program: 'wide', teams: ['big'] }), project('s1', { program: 'small', start: '2026-01-01', end: '2026-12-31' })],
  });
  const { model, scorecards } = siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), input, { now: new Date('2026-05-15') });

  it('a team of 56 dated projects: 50 drawn, the 5 red ones among them, the other 6 on its full list; the undated one still counted', () => {
    const page = teamPage(model, 'big');
    // The table: the 50 worst, then "7 more" on the team's own full list, which has all 57, worst first.
    expect(page.projects).toHaveLength(50);
    expect(page.projects.slice(0, 5).map((p) => p.id)).toEqual(['p00', 'p01', 'p02', 'p03', 'p04']);
    expect(page.projectsMore).toEqual({ count: 7, to: '/projects/list/team-big/' });
    const list = projectListPages(model).find((p) => p.path === 'list/team-big')!;
    expect(list.page.total).toBe(57);
    expect(list.page.items.slice(0, 50).map((p) => p.id)).toEqual(page.projects.map((p) => p.id));
    // Every list's nav links the portfolio-wide lists only, not each big record's.
    expect(list.lists.map((l) => l.key)).not.toContain('team-big');
    // and it links back to the team.
    expect(list.list.record).toEqual({ kind: 'Team', title: expect.any(String), path: '/teams/big/' });
    expect(page.timeline.charted).toBe(50);
    expect(page.timelineMore).toBe(6);
    expect(page.timeline.lanes.map((l) => l.fullLabel)).toEqual(['Projects (50 of 56)']);
    const drawn = page.timeline.lanes.flatMap((l) => l.bars.map((b) => b.id));
    for (const red of ['p00', 'p01', 'p02', 'p03', 'p04']) expect(drawn).toContain(red);
    expect(page.timeline.unscheduled.map((u) => u.id)).toEqual(['undated']);
    expect(page.embed?.path).toBe('/teams/big/timeline.svg'); // 56 ≤ EMBED_MAX_PROJECTS: the file has the whole chart
  });

  it('a program page caps the same way; a small one draws all', () => {
    expect(programPage(model, scorecards, 'wide').timelineMore).toBe(6);
    const small = programPage(model, scorecards, 'small');
    expect([small.timeline.charted, small.timelineMore]).toEqual([1, 0]);
    expect(small.projectsMore).toBeUndefined();
    expect(projectListPages(model).some((p) => p.path === 'list/program-small')).toBe(false);
    expect(small.timeline.lanes.map((l) => l.fullLabel)).toEqual(['Projects (1)']);
  });
});
