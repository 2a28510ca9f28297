/**
 * History page data on a history made here (samples as plain data): the
 * trends and their tables, the projects that keep slipping, what changed
 * between reviews (newest first, linked only to projects with a page now),
 * a project's milestone trend (absent with one review) and the roadmap's flag.
 */
import { describe, expect, it } from 'vitest';
import { END_SERIES, type HistorySample, type PortfolioHistory } from '../../src/core/history/index.ts';
import { trendChart, PATH_WIDTH } from '../../src/charts/trend.ts';
import { changesIndexPage, feedReviews, historyPage, projectTrend, scorecardTrends, slipFlags } from '../../src/page-data/history.ts';
import { roadmapPage } from '../../src/page-data/roadmap.ts';
import { projectPage } from '../../src/page-data/project.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, project, settings } from '../core/fixtures.ts';

const input = portfolio({
  settings: settings({ as_of: '2026-07-20' }),
  projects: [
    project('slipper', { title: 'Slipper', start: '2026-01-01', end: '2026-11-19', baseline_end: '2026-09-30', milestones: [{ name: 'Design', date: '2026-03-31', done: true }], budget: { planned: 100, forecast: 130 } }),
    project('steady', { title: 'Steady', start: '2026-01-01', end: '2026-12-31' }),
  ],
});
const site = (audience: string) => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: audience }, '/p'), input, { now: new Date('2026-07-20') });

const DAYS = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-20'];
const plus = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const sample = (k: number, budget: boolean): HistorySample => ({
  ...(k < 6 ? { commit: `c${k}`.padEnd(40, '0'), committed: `${DAYS[k]}T12:00:00Z` } : {}),
  asOf: DAYS[k]!,
  health: { green: 2 - Math.min(2, k >> 1), amber: Math.min(2, k >> 1), red: 0, none: 0 },
  conflicts: k % 2,
  slip: { total: 10 * k, median: k ? 10 * k : undefined, projects: k ? 1 : 0 },
  ...(budget ? { budget: { planned: 100, forecast: 100 + 5 * k } } : {}),
  backlog: k,
  projects: [
    { id: 'slipper', title: 'Slipper', status: 'active', end: plus('2026-09-30', 10 * k), milestones: [{ name: 'Design', date: '2026-03-31', done: k >= 3 }] },
    { id: 'steady', title: 'Steady', status: 'active', end: '2026-12-31', milestones: [] },
    ...(k < 2 ? [{ id: 'gone', title: 'Gone', status: 'active', milestones: [] }] : []),
  ],
});
const history = (budget: boolean, n = 7): PortfolioHistory => ({
  every: 'month',
  samples: DAYS.slice(0, n).map((_, k) => sample(k, budget)),
  changes: DAYS.slice(1, n).map((d, i) => ({
    from: DAYS[i]!,
    to: d,
    conflicts: i === 0 ? [{ change: 'new', project: { id: 'steady', title: 'Steady' }, on: { id: 'slipper', title: 'Slipper' }, type: 'finish-to-start', neededFor: 'start', after: { days: 5, needed: '2026-10-01', upstream: '2026-10-06' } }] : [],
    health: [],
    dates: [{ project: { id: 'slipper', title: 'Slipper' }, field: 'end', from: plus('2026-09-30', 10 * i), to: plus('2026-09-30', 10 * (i + 1)), days: 10 }],
    records: i === 1 ? [{ kind: 'project', record: { id: 'gone', title: 'Gone' }, change: 'removed', from: 'active' }] : [],
  })),
});

/** The diagonal path `M x0,y0 L x1,y1`'s y at x. */
function diagonalY(d: string, x: number): number {
  const [x0, y0, x1, y1] = d.match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

describe('history page data', () => {
  it('/history/: the trends with a table row per review, now last', () => {
    const { model } = site('internal');
    const page = historyPage(model, history(true));
    expect(page.trends.map((t) => t.id)).toEqual(['trend-health', 'trend-conflicts', 'trend-slip', 'trend-slip-median', 'trend-budget', 'trend-backlog']);
    const health = page.trends[0]!;
    expect(health.table!.head).toEqual(['Review', 'Green', 'Amber', 'Red', 'No health']);
    expect(health.table!.rows.at(-1)).toEqual(['20\u00a0Jul\u00a02026 (now)', '0', '2', '0', '0']);
    expect(health.chart!.series.map((s) => s.area)).toEqual([true, true, true, true]);
    // Counts: whole-number ticks only.
    expect(page.trends[1]!.chart!.yTicks.map((t) => t.text)).toEqual(['0', '1']);
    expect(page.span).toEqual({ from: '15\u00a0Jan\u00a02026', to: '20\u00a0Jul\u00a02026' });
  });

  it('no budget trend when the audience does not see budgets', () => {
    const { model } = site('public');
    expect(historyPage(model, history(false)).trends.map((t) => t.id)).not.toContain('trend-budget');
  });

  it('keeps slipping, and what changed between reviews newest first, linking only projects with a page', () => {
    const { model } = site('internal');
    const page = historyPage(model, history(true));
    expect(page.slipping).toEqual([{ id: 'slipper', title: 'Slipper', text: 'slipped in 6 of the last 6 reviews' }]);
    expect(page.periods.map((p) => p.title)[0]).toBe('15\u00a0Jun\u00a02026 → 20\u00a0Jul\u00a02026 (now)');
    const oldest = page.periods.at(-1)!;
    expect(oldest.items[0]).toMatchObject({ lead: 'New conflict', title: 'Steady', text: ' waits on Slipper, 5 days late', projectId: 'steady' });
    expect(oldest.items[1]).toMatchObject({ title: 'Slipper', text: ': end 30\u00a0Sep\u00a02026 → 10\u00a0Oct\u00a02026 (+10 days)' });
    const removed = page.periods.at(-2)!.items.find((i) => i.lead === 'Removed project')!;
    expect(removed).toEqual({ lead: 'Removed project', title: 'Gone', text: ' (Active)', projectId: undefined });
    expect(page.periods.every((p) => p.more === 0)).toBe(true);
  });

  it('/changes/ opens with the last review period, when there are two reviews', () => {
    const { model } = site('internal');
    const page = changesIndexPage(model, { entries: [] }, history(true));
    expect(page.review!.title).toBe('15\u00a0Jun\u00a02026 → 20\u00a0Jul\u00a02026 (now)');
    expect(page.page.items).toEqual([]);
    expect(changesIndexPage(model, { entries: [] }, history(true, 1)).review).toBeUndefined();
    expect(changesIndexPage(model, { entries: [] }, undefined).review).toBeUndefined();
  });

  it('the feed: an entry per review period with changes, dated by the later review, its lines as /history/ words them', () => {
    const { model } = site('internal');
    const h = history(true);
    h.changes[2]!.dates = [];
    const reviews = feedReviews(model, h);
    // Period 3 moved nothing: no entry.
    expect(reviews.map((r) => r.href)).toEqual(['history/#period-1', 'history/#period-2', 'history/#period-4', 'history/#period-5', 'history/#period-6']);
    expect(reviews[0]).toEqual({
      id: '2026-01-15',
      title: 'Review 15\u00a0Jan\u00a02026 → 15\u00a0Feb\u00a02026: 1 new conflict, 1 date moved',
      updated: '2026-02-15T12:00:00Z',
      href: 'history/#period-1',
      lines: ['New conflict: Steady waits on Slipper, 5 days late', 'Slipper: end 30\u00a0Sep\u00a02026 → 10\u00a0Oct\u00a02026 (+10 days)'],
    });
    expect(reviews[1]!.title).toMatch(/: 1 date moved, 1 record change$/);
    // Now has no commit: dated by the as-of day.
    expect(reviews.at(-1)!.updated).toBe('2026-07-20T00:00:00Z');
    expect(feedReviews(model, history(true, 1))).toEqual([]);
    expect(feedReviews(model, undefined)).toEqual([]);
  });

  it('a period lists its first 50 changes and counts the rest', () => {
    const { model } = site('internal');
    const h = history(true);
    const move = h.changes[0]!.dates[0]!;
    h.changes[0]!.dates = Array.from({ length: 60 }, () => move);
    const oldest = historyPage(model, h).periods.at(-1)!;
    expect(oldest.items).toHaveLength(50);
    expect(oldest.more).toBe(11); // 60 dates and the new conflict
  });

  it('a project page: the milestone trend (end and milestones per review) and its flag; none with one review', () => {
    const { model } = site('internal');
    const trend = projectTrend(model, history(true), 'slipper')!;
    expect(trend.table!.head).toEqual(['Review', 'Design', 'Project end']);
    const end = trend.chart!.series.find((s) => s.name === 'Project end')!;
    // Design was done by the fourth review: its line ends there, on the diagonal at its date, and the table says so after.
    expect(trend.table!.rows.map((r) => r[1])).toEqual(['31\u00a0Mar\u00a02026', '31\u00a0Mar\u00a02026', '31\u00a0Mar\u00a02026', '31\u00a0Mar\u00a02026', 'done', 'done', 'done']);
    expect(trend.table!.rows[6]).toEqual(['20\u00a0Jul\u00a02026 (now)', 'done', '29\u00a0Nov\u00a02026']);
    const design = trend.chart!.series.find((s) => s.name === 'Design')!;
    expect(design.points).toHaveLength(4);
    const last = design.points.at(-1)!;
    expect(last.x).toBeLessThan(end.points[3]!.x);
    expect(last.x).toBeGreaterThan(end.points[2]!.x);
    expect(last.y).toBeCloseTo(diagonalY(trend.chart!.diagonal!, last.x * PATH_WIDTH), 1);
    expect(trend.flag).toBe('slipped in 6 of the last 6 reviews');
    // The end climbs: each point is higher (smaller y) than the one before; the done milestone is dashed.
    expect(end.points.map((p) => p.y)).toEqual([...end.points.map((p) => p.y)].sort((a, b) => b - a));
    expect(trend.chart!.series.find((s) => s.name === 'Design')!.dashed).toBe(true);
    expect(trend.chart!.diagonal).toMatch(/^M0,[\d.]+L1000,[\d.]+$/);
    expect(projectPage(model, 'slipper', history(true)).section.trend).toEqual({ id: 'milestone-trend', title: 'Milestone trend' });
    expect(projectTrend(model, history(true, 1), 'slipper')).toBeUndefined();
    // A project none of whose dates moved: a sentence, no chart.
    expect(projectTrend(model, history(true), 'steady')).toEqual({ id: 'milestone-trend', title: 'Milestone trend', caption: 'No milestone or end date moved over the last 6 reviews (since 15\u00a0Jan\u00a02026).' });
    expect(projectPage(model, 'slipper', history(true, 1)).section.trend).toBeUndefined();
    expect(projectTrend(model, undefined, 'slipper')).toBeUndefined();
    expect(scorecardTrends(model, history(true, 1))).toBeUndefined();
  });

  it('the roadmap: a card of the projects that keep slipping, with the flag', () => {
    const { model } = site('internal');
    const card = roadmapPage(model, 'program', 'window', slipFlags(model, history(true))).cards.find((c) => c.key === 'keeps-slipping')!;
    expect(card.projects).toEqual([{ id: 'slipper', title: 'Slipper', note: 'slipped in 6 of the last 6 reviews' }]);
    expect(roadmapPage(model, 'program').cards.map((c) => c.key)).not.toContain('keeps-slipping');
  });
});

describe('trendChart', () => {
  it('milestone trend: the diagonal from the first to the last review day, on the same y scale as the dates', () => {
    const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const chart = trendChart([{ name: END_SERIES, className: 'trend-red', points: [{ x: d('2026-01-01'), y: d('2026-01-01'), title: '' }, { x: d('2026-03-01'), y: d('2026-03-01'), title: '' }] }], { dates: true, diagonal: true });
    // A date on the diagonal: the series' points lie on it.
    const [, y0, y1] = /^M0,([\d.]+)L1000,([\d.]+)$/.exec(chart.diagonal!)!.map(Number);
    expect(chart.series[0]!.path).toBe(`M0,${y0}L${PATH_WIDTH},${y1}`);
    expect(chart.yTicks.map((t) => t.text)).toEqual(['Jan\u00a02026', 'Feb\u00a02026', 'Mar\u00a02026']);
  });

  it('xs: the axis is labelled at the given days only (reviews, not the day a milestone was reached)', () => {
    const pts = [0, 30, 61, 91].map((x) => ({ x, y: x + 100, title: '' }));
    const reached = { name: 'm', className: 't-0', points: [{ x: 10, y: 10, title: '' }, { x: 20, y: 20, title: '' }], dashed: true };
    const o = { dates: true, diagonal: true, fiscalYearStart: 1 };
    const withXs = trendChart([{ name: 'End', className: 't-end', points: pts }, reached], { ...o, xs: [0, 30, 61, 91] });
    expect(withXs.xTicks.map((t) => t.at)).toEqual(withXs.series[0]!.points.map((p) => p.x));
    const without = trendChart([{ name: 'End', className: 't-end', points: pts }, reached], o);
    expect(without.xTicks.map((t) => t.at)).not.toEqual(withXs.xTicks.map((t) => t.at));
  });

  it('a gap breaks a line', () => {
    const chart = trendChart([{ name: 'a', className: 'trend-0', points: [{ x: 0, y: 1, title: '' }, { x: 1, y: undefined, title: '' }, { x: 2, y: 2, title: '' }] }]);
    expect(chart.series[0]!.path.match(/M/g)).toHaveLength(2);
    expect(chart.series[0]!.points).toHaveLength(2);
  });
});
