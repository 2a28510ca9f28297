import { describe, expect, it } from 'vitest';
import { milestoneStrip, nowNextLater, roadmapSummary, statusBoard } from '../../src/charts/roadmap-views.ts';
import { textWidth } from '../../src/charts/time-scale.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { portfolio, program, project, settings } from '../core/fixtures.ts';

// Fixture "horizons": fiscal year from April, as-of 2026-11-15 (2026-Q3, Oct–Dec 2026).
const model = buildModel(
  portfolio({
    settings: settings({ fiscal_year_start: 4 }),
    programs: [program('b', { title: 'Beta program' }), program('a', { title: 'Alpha program' })],
    projects: [
      project('running', { title: 'Running', program: 'a', start: '2026-04-01', end: '2026-12-15', owners: { business: 'Dana' } }),
      project('late', { title: 'Late', program: 'b', start: '2026-01-01', end: '2026-10-31', baseline_end: '2026-09-30' }),
      project('held', { title: 'Held', status: 'on-hold', start: '2026-05-01', end: '2027-05-01' }),
      project('started', { title: 'Started approved', status: 'approved', start: '2026-11-01', end: '2027-02-01' }),
      project('soon', { title: 'Soon', status: 'approved', program: 'a', start: '2027-Q1', end: '2027-Q2' }),
      project('edge', { title: 'Edge of next', status: 'approved', start: '2027-06-30', end: '2027-12-31' }),
      project('after', { title: 'After', status: 'approved', start: '2027-07-01', end: '2027-12-31' }),
      project('undated', { title: 'Undated approved', status: 'approved' }),
      project('idea', { title: 'Idea', status: 'proposed' }),
      project('shipped', { title: 'Shipped', status: 'done', program: 'a', start: '2025-01-01', end: '2026-11-30' }),
      project(
        'ms',
        {
          title: 'Milestones',
          start: '2026-04-01',
          end: '2026-12-31',
          milestones: [
            { name: 'Kick-off', date: '2026-04-02', done: true },
            { name: 'Design', date: '2026-04-10', baseline: '2026-04-03', done: true },
            { name: 'Build complete with a name long enough to need cutting somewhere', date: '2026-09-30' },
            { name: 'Go-live', date: '2026-12-31' },
          ],
        },
      ),
    ],
  }),
  { audience: 'internal', asOf: '2026-11-15' },
);

describe('roadmapSummary', () => {
  it('counts open work: in flight, landing this fiscal quarter, slipped, overdue', () => {
    const s = roadmapSummary(model);
    expect([s.quarter, s.quarterFirstIso, s.quarterLastIso]).toEqual(['Q3\u00a0FY2026/27', '2026-10-01', '2026-12-31']);
    expect(s.inFlight).toEqual(['held', 'late', 'ms', 'running', 'started']);
    // ends in Oct–Dec 2026 and still open (shipped is done)
    expect(s.landingThisQuarter).toEqual(['late', 'ms', 'running']);
    expect(s.slipped).toEqual(['late']);
    expect(s.overdue).toEqual(['late']);
  });
});

describe('nowNextLater', () => {
  const nnl = nowNextLater(model);
  const col = (k: string) => nnl.columns.find((c) => c.key === k)!.projects;

  it('puts in-flight work in Now, sorted by start', () => {
    expect(col('now')).toEqual(['late', 'ms', 'running', 'held', 'started']); // ms and running start the same day: by title
  });

  it('puts approved work starting by the end of the next two fiscal quarters in Next', () => {
    expect(nnl.nextQuarters).toEqual(['Q4\u00a0FY2026/27', 'Q1\u00a0FY2027/28']);
    expect(nnl.nextUntilIso).toBe('2027-06-30');
    expect(col('next')).toEqual(['soon', 'edge']);
  });

  it('puts later or undated approved work in Later, and only counts proposals', () => {
    expect(col('later')).toEqual(['after', 'undated']);
    expect(nnl.proposed).toEqual(['idea']);
    expect(nnl.columns.flatMap((c) => c.projects)).not.toContain('shipped');
  });
});

describe('statusBoard', () => {
  it('has one column per status in contract order, cards grouped by program title, no program last', () => {
    const board = statusBoard(model);
    expect(board.map((c) => [c.status, c.count])).toEqual([
      ['proposed', 1],
      ['approved', 5],
      ['active', 3],
      ['on-hold', 1],
      ['done', 1],
      ['cancelled', 0],
    ]);
    const active = board.find((c) => c.status === 'active')!;
    expect(active.groups.map((g) => [g.label, g.projects])).toEqual([
      ['Alpha program', ['running']],
      ['Beta program', ['late']],
      ['No program', ['ms']],
    ]);
    const approved = board.find((c) => c.status === 'approved')!;
    expect(approved.groups.map((g) => [g.label, g.projects])).toEqual([
      ['Alpha program', ['soon']],
      ['No program', ['after', 'edge', 'started', 'undated']],
    ]);
  });
});

describe('milestoneStrip', () => {
  it('is undefined without milestones', () => {
    expect(milestoneStrip(model, model.byId.projects.get('running')!)).toBeUndefined();
  });

  it('places milestones by date with states, moved baselines and labels that never overlap', () => {
    const strip = milestoneStrip(model, model.byId.projects.get('ms')!)!;
    expect(strip.quarters.map((q) => q.label)).toEqual(['Q1\u00a0FY2026/27', 'Q2\u00a0FY2026/27', 'Q3\u00a0FY2026/27']);
    // Tick text: the short fiscal naming where it fits its quarter, else just Q1…Q4; never wider than the quarter.
    for (const q of strip.quarters) expect(q.text === q.short || /^Q\d\u00a0FY\d\d\/\d\d$/.test(q.text)).toBe(true);
    expect(strip.milestones.map((m) => [m.name, m.state, m.movedDays])).toEqual([
      ['Kick-off', 'done', undefined],
      ['Design', 'done', 7],
      ['Build complete with a name long enough to need cutting somewhere', 'late', undefined],
      ['Go-live', 'open', undefined],
    ]);
    expect(strip.asOf).toMatchObject({ iso: '2026-11-15', inRange: true });
    // Kick-off and Design are 8 days apart: their labels go on different rows.
    const [k, d, b] = strip.milestones;
    expect(k.labelY).not.toBe(d.labelY);
    expect(b.label.endsWith('…')).toBe(true);
    expect(textWidth(b.label, 11)).toBeLessThanOrEqual(200);
    // No two labels on one row overlap (estimated extents).
    const extent = (m: (typeof strip.milestones)[number]) => {
      const w = textWidth(m.label, 11);
      const left = m.anchor === 'middle' ? m.labelX - w / 2 : m.anchor === 'start' ? m.labelX : m.labelX - w;
      return [left, left + w];
    };
    for (const a of strip.milestones)
      for (const c of strip.milestones)
        if (a !== c && a.labelY === c.labelY) {
          const [a0, a1] = extent(a);
          const [c0, c1] = extent(c);
          expect(a1 <= c0 || c1 <= a0).toBe(true);
        }
    expect(strip.height).toBe(strip.lineY + 22 + 2 * 15);
  });
});
