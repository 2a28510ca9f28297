import { describe, expect, it } from 'vitest';
import { dependenciesPage, dependencyGroups } from '../../src/page-data/dependencies.ts';
import { likelyConflicts, likelyDate } from '../../src/page-data/forecast.ts';
import { projectPage } from '../../src/page-data/project.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, project, settings } from '../core/fixtures.ts';

// As of 2026-06-01. "up" may end up to 100 days late (its own range); "tight" needs it 10 days after its typed end
// (on time as typed, rarely in the runs), "loose" 90 days after (usually on time), "late" before it (a conflict as typed).
const input = (below?: number) =>
  portfolio({
    settings: settings({ as_of: '2026-06-01', forecast: { iterations: 500, ...(below !== undefined ? { likely_conflict_below: below } : {}) } }),
    projects: [
      project('up', { start: '2026-01-01', end: '2026-09-30', end_range: { optimistic: '2026-09-30', pessimistic: '2027-01-08' } }),
      project('tight', { start: '2026-10-10', end: '2027-03-31', dependencies: [{ on: 'up' }] }),
      project('loose', { start: '2026-12-29', end: '2027-06-30', dependencies: [{ on: 'up' }] }),
      project('late', { start: '2026-09-01', end: '2027-03-31', dependencies: [{ on: 'up' }] }),
      project('shipped', { status: 'done', start: '2025-01-01', end: '2025-06-30', baseline_end: '2025-06-30' }),
    ],
  });
const model = (below?: number) => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), input(below), { now: new Date('2026-06-01') }).model;

describe('How likely is this date?', () => {
  it('gives P50/P80/P95 against the typed end, what they were drawn from, and the need-by chances lowest first', () => {
    const m = model();
    const up = likelyDate(m, m.byId.projects.get('up')!)!;
    expect(up.levels.map((l) => l.label)).toEqual(['P50', 'P80', 'P95']);
    expect(up.levels.map((l) => l.days)).toEqual(up.levels.map((l) => Math.round((Date.parse(l.date) - Date.parse('2026-09-30')) / 86_400_000)));
    expect(up).toMatchObject({ end: '2026-09-30', source: 'range', range: { optimistic: '2026-09-30', pessimistic: '2027-01-08' }, iterations: 500 });
    const tight = likelyDate(m, m.byId.projects.get('tight')!)!;
    // One finished project: too few, so the default, said so.
    expect(tight).toMatchObject({ source: 'default', sample: { source: 'default', n: 1, minSamples: 8 }, durationDays: 172 });
    expect(tight.defaultSlip).toBeDefined();
    expect(tight.waitsOn).toHaveLength(1);
    expect(tight.waitsOn[0]).toMatchObject({ on: 'up', likely: true, conflict: false });
    expect(likelyDate(m, m.byId.projects.get('late')!)!.waitsOn[0]).toMatchObject({ probability: 0, likely: false, conflict: true });
    // Done: no range to show; the project page leaves the section out.
    expect(likelyDate(m, m.byId.projects.get('shipped')!)).toBeUndefined();
    expect(projectPage(m, 'shipped').section.forecast).toBeUndefined();
    expect(projectPage(m, 'tight').section.forecast).toEqual({ id: 'sec-forecast', title: 'How likely is this date?' });
  });

  it('lists likely conflicts (on time as typed, under the threshold) on /dependencies/, with portfolio.yaml setting the threshold', () => {
    const m = model();
    const likely = likelyConflicts(m)!;
    expect(likely.edges.shown.map((e) => e.from)).toEqual(['tight']);
    expect(likely.below).toBe(0.5);
    const page = dependenciesPage(m, dependencyGroups(m));
    expect(page.section.likely).toEqual({ id: 'likely-conflicts', title: 'Likely conflicts' });
    expect(page.sections.map((s) => s.id)).toEqual(['diagram', 'conflicts', 'likely-conflicts', 'critical', 'table']);
    // A stricter threshold catches the loose one too; the conflict as typed is never a "likely" one.
    expect(likelyConflicts(model(0.999))!.edges.shown.map((e) => e.from)).toEqual(['tight', 'loose']);
    expect(likelyConflicts(model(0))!.edges.total).toBe(0);
  });
});
