import { describe, expect, it } from 'vitest';
import { backlogPage } from '../../src/page-data/backlog.ts';
import { roadmapPage } from '../../src/page-data/roadmap.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, program, project, settings } from '../core/fixtures.ts';

// Weighted scoring (fixtures: strategic_fit 3, value 3, risk 2 inverted, effort 2 inverted, on 1..5),
// each input normalised to 0..1 ((x − 1) / 4, inverted: (5 − x) / 4), the weighted mean × 100:
// high = 100 × (3·1 + 3·1 + 2·1 + 2·1) / 10 = 100;  low = 100 × (3·0.25 + 3·0.25 + 2·0.25 + 2·0.25) / 10 = 25
const input = portfolio({
  settings: settings({ as_of: '2026-05-15', fiscal_year_start: 4 }),
  programs: [program('core')],
  projects: [
    project('high', { status: 'proposed', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 }, updated: '2026-05-01' }),
    project('low', { status: 'proposed', scores: { strategic_fit: 2, value: 2, risk: 4, effort: 4 }, updated: '2025-01-01' }),
    project('unscored', { status: 'proposed' }),
    project('landing', { program: 'core', start: '2026-01-01', end: '2026-06-30' }),
    project('late', { program: 'core', start: '2025-01-01', end: '2026-03-31' }),
    project('slipped', { start: '2026-01-01', end: '2026-12-31', baseline_end: '2026-09-30' }),
  ],
});
const site = (audience: string) => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: audience }, '/p'), input, { now: new Date('2026-05-15') });

describe('backlogPage', () => {
  it('ranks the requests by score, with the unscored apart', () => {
    const { model, backlog } = site('internal');
    const page = backlogPage(model, backlog);
    expect(page.ranked.shown.map((r) => [r.id, r.p.score?.value])).toEqual([
      ['high', 100],
      ['low', 25],
    ]);
    expect(page.unscored.shown.map((u) => u.id)).toEqual(['unscored']);
    expect(page.scoresShown).toBe(true);
    expect(page.method.def).toBe('score-weighted');
  });

  it('publishes the order but not the scores where the audience hides them', () => {
    const { model, backlog } = site('public');
    const page = backlogPage(model, backlog);
    expect(page.ranked.shown.map((r) => r.id)).toEqual(['high', 'low']);
    expect(page.scoresShown).toBe(false);
  });
});

describe('roadmapPage', () => {
  const { model } = site('internal');

  it('counts the summary cards with the projects behind them', () => {
    const page = roadmapPage(model, 'program');
    const card = (key: string) => page.cards.find((c) => c.key === key)!;
    // As of 2026-05-15, fiscal Q1 2026/27 runs April–June.
    expect(card('landing').projects.map((p) => p.id)).toEqual(['landing']);
    expect(card('overdue').projects).toEqual([{ id: 'late', title: 'Project late' }]);
    expect(card('slipped').projects.map((p) => p.id)).toEqual(['slipped']);
    expect(card('in-flight').figure).toBe(card('in-flight').projects.length);
  });

  it('knows its grouping and whether a project can sit in several lanes', () => {
    expect(roadmapPage(model, 'program').current.label).toBe('Program');
    expect(roadmapPage(model, 'program').multi).toBe(false);
    expect(roadmapPage(model, 'goal').multi).toBe(true);
    expect(roadmapPage(model, 'team').multi).toBe(true);
  });
});
