/**
 * What matters first (issue 16, item 7): the scorecard opens with what needs
 * attention and the health matrix; a project page opens with a summary panel,
 * then the narrative, then the details; long pages list their sections in an
 * "On this page" list computed here, not parsed from HTML.
 */
import { describe, expect, it } from 'vitest';
import { dependenciesPage } from '../../src/page-data/dependencies.ts';
import { projectPage } from '../../src/page-data/project.ts';
import { goalPage, programPage, scopedScorecardPages, teamPage } from '../../src/page-data/records.ts';
import { attentionCounts, scorecardView } from '../../src/page-data/scorecard.ts';
import { LIST_CAP } from '../../src/page-data/paging.ts';
import { ON_THIS_PAGE_MIN, onThisPage, presentSections } from '../../src/page-data/sections.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { goal, portfolio, program, project, settings, team } from '../core/fixtures.ts';

// As of 2026-05-15. "a" is late (ended 2026-04-30) with a slip of 30 days, budget +20% (red),
// two open milestones (the earlier one overdue), three risks (the 4 × 5 one closed), two decisions;
// it waits on "b", which ends after "a" starts (a conflict).
const input = portfolio({
  settings: settings({ as_of: '2026-05-15' }),
  goals: [goal('g', { key_results: [{ metric: 'Online share', unit: '%', baseline: 18, target: 35, actual: 24 }] }, 'Why this goal.')],
  programs: [program('core', { goals: ['g'] }, 'The program.')],
  teams: [team('t', { capacity: [{ from: '2026-Q1', fte: 2 }] })],
  projects: [
    project(
      'a',
      {
        program: 'core',
        start: '2026-01-01',
        end: '2026-04-30',
        baseline_end: '2026-03-31',
        progress: 80,
        updated: '2026-05-01',
        teams: ['t'],
        demand: [{ team: 't', fte: 1 }],
        health: { scope: 'amber', note: 'Scope cut agreed with the sponsor' },
        budget: { planned: 100, forecast: 120 },
        milestones: [
          { name: 'Design', date: '2026-02-28', done: true },
          { name: 'Go-live', date: '2026-06-30', baseline: '2026-05-31' },
          { name: 'Pilot', date: '2026-05-10' },
        ],
        risks: [
          { title: 'Closed big one', likelihood: 4, impact: 5, status: 'closed' },
          { title: 'Vendor late', likelihood: 3, impact: 4, owner: 'PMO' },
          { title: 'Same score, listed later', likelihood: 4, impact: 3 },
        ],
        decisions: [
          { question: 'Later question?', by: '2026-09-01' },
          { question: 'Overdue question?', by: '2026-05-01', owner: 'CIO' },
        ],
        gates: [{ gate: 'design', status: 'pending' }],
        dependencies: [{ on: 'b' }],
      },
      '## Background\n\nWhy we do this.',
    ),
    project('b', { start: '2026-01-01', end: '2026-12-31' }),
    project('c', { status: 'proposed' }),
  ],
});
const site = (audience: string) => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: audience }, '/p'), input, { now: new Date('2026-05-15') });
const ids = (list: { id: string }[] | undefined) => list?.map((s) => s.id);

describe('"On this page"', () => {
  it(`lists the sections of a page with at least ${ON_THIS_PAGE_MIN}, and none on a shorter page`, () => {
    const four = [1, 2, 3, 4].map((i) => ({ id: `s${i}`, title: `S${i}` }));
    expect(ids(onThisPage(four))).toEqual(['s1', 's2', 's3', 's4']);
    expect(onThisPage(four.slice(0, 3))).toBeUndefined();
    expect(ids(presentSections([four[0], false, undefined, four[1]]))).toEqual(['s1', 's2']);
  });
});

describe('scorecard: what needs attention first', () => {
  it('opens with Needs attention and the health matrix, then the figures and charts, each with an id', () => {
    const { model, scorecards } = site('internal');
    const view = scorecardView(model, scorecards)!;
    expect(view.sections.map((s) => s.title)).toEqual([
      'Needs attention',
      'Health matrix',
      'Projects',
      'Budget and benefits',
      'Capacity',
      'Risk heat map',
      'Goal alignment',
      'Investment mix',
    ]);
    expect(ids(view.sections)?.slice(0, 2)).toEqual(['attention', 'health-matrix']);
    expect(view.onThisPage).toEqual(view.sections);
    expect(view.section.attention).toEqual({ id: 'attention', title: 'Needs attention' });
  });

  it('counts each attention list, in the order the lists come, with the id of its heading', () => {
    const { model, scorecards } = site('internal');
    expect(attentionCounts(scorecardView(model, scorecards)!.scorecard)).toEqual([
      { id: 'attention-overdue-projects', label: 'overdue project', count: 1 },
      { id: 'attention-decisions', label: 'decisions needed', count: 2 },
      { id: 'attention-gates', label: 'gate pending', count: 1 },
      { id: 'attention-overdue-milestones', label: 'overdue milestone', count: 1 },
    ]);
  });

  it('a public scorecard lists only the sections it shows; scoped scorecards start the same way', () => {
    const { model, scorecards } = site('public');
    const view = scorecardView(model, scorecards)!;
    expect(view.sections.map((s) => s.id)).toEqual(['attention', 'health-matrix', 'projects', 'goal-alignment', 'investment-mix']);
    const scoped = scopedScorecardPages(site('internal').model, site('internal').scorecards, 'program')[0].view;
    expect(ids(scoped.sections)?.slice(0, 2)).toEqual(['attention', 'health-matrix']);
    expect(ids(scoped.sections)).not.toContain('projects');
  });
  it(`the health matrix shows the ${LIST_CAP} worst open projects and counts the rest`, () => {
    const many = portfolio({
      settings: settings({ as_of: '2026-05-15' }),
      projects: Array.from({ length: LIST_CAP + 7 }, (_, i) => project(`p${String(i).padStart(2, '0')}`, { start: '2026-01-01', end: i < 3 ? '2026-04-30' : '2026-12-31' })),
    });
    const s = siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), many, { now: new Date('2026-05-15') });
    const view = scorecardView(s.model, s.scorecards)!;
    expect(view.matrix.total).toBe(LIST_CAP + 7);
    expect(view.matrix.more).toBe(7);
    // Worst first: the three overdue (red) projects lead the rows shown.
    expect(view.matrix.shown).toEqual(view.scorecard.matrix.slice(0, LIST_CAP));
    expect(view.matrix.shown.slice(0, 3).toSorted()).toEqual(['p00', 'p01', 'p02']);
  });
});

describe('project page: summary, then the narrative, then the details', () => {
  it('orders the sections summary, notes, overview, then the detail tables; ids carry sec- so body headings cannot take them', () => {
    // "a" has an overview (its teams), milestones, a dependency, a gate, budget, risks, demand and decisions.
    const page = projectPage(site('internal').model, 'a');
    expect(ids(page.sections)).toEqual([
      'sec-summary',
      'sec-notes',
      'sec-overview',
      'sec-milestones',
      'sec-forecast',
      'sec-dependencies',
      'sec-gates',
      'sec-budget',
      'sec-risks',
      'sec-demand',
      'sec-decisions',
    ]);
    expect(page.onThisPage).toEqual(page.sections);
    // "b" has no body, no overview fields, dependencies only as an upstream: two sections and its forecast, no list.
    const b = projectPage(site('internal').model, 'b');
    expect(ids(b.sections)).toEqual(['sec-summary', 'sec-forecast', 'sec-dependencies']);
    expect(b.onThisPage).toBeUndefined();
  });

  it('summarises health with every dimension and why, dates and slip, the next milestone, the top open risk, decisions and the note', () => {
    const { summary } = projectPage(site('internal').model, 'a');
    expect(summary.health.overall).toBe('red');
    // The scope health is the record's own: it says so, as every page does.
    expect(summary.health.dimensions.map((d) => [d.dimension, d.value, d.reason === 'set by the project'])).toEqual([
      ['schedule', 'red', false],
      ['budget', 'red', false],
      ['scope', 'amber', true],
      ['resources', 'green', false],
    ]);
    expect(summary.health.dimensions[0].reason).toContain('before as-of');
    expect(summary.dates).toEqual({ start: '2026-01-01', end: '2026-04-30', baselineEnd: '2026-03-31', slipDays: 30, progress: 80 });
    // Pilot (2026-05-10) is not done and earlier than Go-live: still next, 5 days overdue.
    expect(summary.nextMilestone).toEqual({ name: 'Pilot', date: '2026-05-10', baseline: undefined, inDays: -5 });
    // The closed 4 × 5 risk does not count; of the two 12s, the first listed wins.
    expect(summary.topRisk).toEqual({ title: 'Vendor late', likelihood: 3, impact: 4, owner: 'PMO', mitigation: undefined, open: 2 });
    expect(summary.decisions).toEqual({ open: 2, first: { project: 'a', question: 'Overdue question?', by: '2026-05-01', owner: 'CIO', overdueDays: 14 } });
    expect(summary.note).toEqual({ text: 'Scope cut agreed with the sponsor', updated: '2026-05-01', daysSinceUpdate: 14 });
  });

  it('a next milestone in the future counts days ahead; a public page has no risk or decision', () => {
    const model = site('public').model;
    const a = model.byId.projects.get('a')!;
    a.record.milestones = a.record.milestones!.filter((m) => m.name !== 'Pilot');
    const { summary } = projectPage(model, 'a');
    expect(summary.nextMilestone).toEqual({ name: 'Go-live', date: '2026-06-30', baseline: '2026-05-31', inDays: 46 });
    expect(summary.topRisk).toBeUndefined();
    expect(summary.decisions).toBeUndefined();
    // Budget and demand are hidden publicly: no budget or resources dimension.
    expect(summary.health.dimensions.map((d) => d.dimension)).toEqual(['schedule', 'scope']);
  });

  it('a bare project still has a summary with its health, and nothing made up', () => {
    const { summary, sections } = projectPage(site('internal').model, 'c');
    expect(summary).toEqual({ health: { overall: undefined, dimensions: [] }, dates: undefined, nextMilestone: undefined, topRisk: undefined, decisions: undefined, note: undefined });
    expect(ids(sections)).toEqual(['sec-summary']);
  });
});

describe('record pages and the dependencies page list their sections', () => {
  const { model, scorecards, dependencies } = site('internal');

  it('a goal page: key results, programs, roll-up, timeline, projects, notes', () => {
    const page = goalPage(model, scorecards, 'g');
    expect(ids(page.sections)).toEqual(['key-results', 'programs', 'roll-up', 'mini-timeline-h', 'projects', 'notes']);
    expect(page.onThisPage).toEqual(page.sections);
  });

  it('a program page and a team page', () => {
    expect(ids(programPage(model, scorecards, 'core').onThisPage)).toEqual(['goals', 'roll-up', 'mini-timeline-h', 'projects', 'notes']);
    const t = teamPage(model, 't');
    expect(ids(t.sections)).toEqual(['capacity', 'utilization', 'mini-timeline-h', 'projects']);
    expect(t.onThisPage).toEqual(t.sections);
  });

  it('the dependencies page: diagram, conflicts, critical chain, slips, table as present', () => {
    const page = dependenciesPage(model, dependencies);
    // "a" starts before "b" delivers: a conflict; no slip passes on.
    expect(page.sections.map((s) => s.id)).toEqual(['diagram', 'conflicts', 'critical', 'table']);
    expect(page.onThisPage).toEqual(page.sections);
    expect(page.section.slips).toBeUndefined();
  });
});
