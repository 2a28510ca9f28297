/**
 * A project's own drift (src/core/forecast/drift.ts): the rate from its
 * history samples, the days it adds, and its properties in the simulation:
 * zero drift gives exactly the forecast without it; more drift never brings a
 * P-date earlier nor raises a chance on time, here or downstream.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayToIso, startDay } from '../../src/core/dates.ts';
import { driftExtraDays, forecastDrift, forecastModel, MAX_DRIFT, type ProjectDrift } from '../../src/core/forecast/index.ts';
import type { HistorySample, SampleProject } from '../../src/core/history/index.ts';
import type { PortfolioInput, PortfolioModel } from '../../src/core/model.ts';
import { driftText } from '../../src/page-data/forecast.ts';
import { modelFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, project, settings } from './fixtures.ts';

const AS_OF = '2026-06-01';
const base = startDay(AS_OF);
const iso = (offset: number) => dayToIso(base + offset);
const SETTINGS = loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p');
const NOW = new Date(`${AS_OF}T12:00:00Z`);
/** The model with its forecast, as the pipeline's stage computes it (without history: no drift). */
const modelOf = (input: PortfolioInput, drift?: ReadonlyMap<string, ProjectDrift>): PortfolioModel => {
  const m = modelFromInput(SETTINGS, input, NOW, { forecast: false });
  forecastModel(m, drift);
  return m;
};
const driftOf = (rate: number): ProjectDrift => ({ reviews: 3, from: iso(-60), to: iso(0), firstEnd: iso(100), lastEnd: iso(100 + Math.round(60 * rate)), movedDays: Math.round(60 * rate), spanDays: 60, rate });

const sample = (asOf: string, projects: Partial<SampleProject>[]): HistorySample => ({
  asOf,
  health: { green: 0, amber: 0, red: 0, none: 0 },
  conflicts: 0,
  slip: { total: 0, projects: 0 },
  backlog: 0,
  projects: projects.map((p) => ({ id: 'x', title: 'X', status: 'active', milestones: [], ...p })),
});

describe('drift from the history samples', () => {
  const samples = [
    sample('2026-01-01', [{ id: 'slips', end: '2026-12-01' }, { id: 'recovers', end: '2026-12-01' }, { id: 'two', status: 'proposed' }, { id: 'fast', end: '2026-03-01' }, { id: 'ends', end: '2026-08-01' }]),
    sample('2026-02-01', [{ id: 'slips', end: '2026-12-11' }, { id: 'recovers', end: '2026-12-21' }, { id: 'two', end: '2026-09-01' }, { id: 'fast', end: '2026-05-01' }, { id: 'ends', end: '2026-08-01' }]),
    sample('2026-03-01', [{ id: 'slips', end: '2026-12-21' }, { id: 'recovers', end: '2026-11-01' }, { id: 'two', end: '2026-10-01' }, { id: 'fast', end: '2026-07-01' }, { id: 'ends', status: 'done', end: '2026-09-01' }]),
    sample('2026-04-01', [{ id: 'slips', end: '2026-12-31' }, { id: 'recovers', end: '2026-11-01' }, { id: 'fast', status: 'on-hold', end: '2026-09-01' }, { id: 'ends', status: 'done', end: '2026-09-01' }]),
  ];
  const drift = forecastDrift(samples, 3);

  it('is the end’s move over the days between the first and the latest review open with an end', () => {
    // +30 days between 1 January and 1 April (90 days).
    expect(drift.get('slips')).toEqual({ reviews: 4, from: '2026-01-01', to: '2026-04-01', firstEnd: '2026-12-01', lastEnd: '2026-12-31', movedDays: 30, spanDays: 90, rate: 30 / 90 });
    // Done from March: only the two reviews open count, fewer than 3.
    expect(drift.has('ends')).toBe(false);
    // No end in the first review: two reviews with one.
    expect(drift.has('two')).toBe(false);
    expect(forecastDrift(samples, 2).get('two')).toMatchObject({ reviews: 2, movedDays: 30, spanDays: 28 });
  });

  it('is 0 for a recovery and at most MAX_DRIFT', () => {
    expect(drift.get('recovers')).toMatchObject({ movedDays: -30, rate: 0 });
    // +184 days in 90: more than a day a day, counted as 0.9.
    expect(drift.get('fast')).toMatchObject({ movedDays: 184, spanDays: 90, rate: MAX_DRIFT });
  });

  it('adds remaining × r / (1 − r) days: the end the calendar catches if it keeps moving', () => {
    // r = 1/3: 60 days left become 90 (60 + 30); the end keeps moving 1 day per 3 and is met on day 90.
    expect(driftExtraDays(60, 1 / 3)).toBe(30);
    expect(driftExtraDays(60, 0)).toBe(0);
    expect(driftExtraDays(10, MAX_DRIFT)).toBe(90);
    expect(driftExtraDays(10, 5)).toBe(90);
    expect(driftExtraDays(-20, 0.5)).toBe(0);
  });

  it('says where the drift comes from and what it adds, in words', () => {
    const d = (over: Partial<ProjectDrift>, remainingDays = 90, extraDays = 45) => driftText({ ...driftOf(0), ...over, remainingDays, extraDays });
    expect(d({ reviews: 7, movedDays: 60, spanDays: 183, rate: 60 / 183 })).toBe('Its own end moved +60 days over 7 reviews (+10 days a month); if that continues, +45 days on the 90 days left, added to every run.');
    expect(d({ reviews: 4, movedDays: 0, rate: 0 })).toBe('Its own end held over 4 reviews: no drift added.');
    expect(d({ reviews: 4, movedDays: -30, rate: 0 })).toBe('Its own end came in by 30 days over 4 reviews: no drift added (drift never brings a range earlier).');
    expect(d({ reviews: 3, movedDays: 120, spanDays: 60, rate: MAX_DRIFT }, 0, 0)).toBe('Its own end moved +120 days over 3 reviews (+61 days a month, counted as +27 days a month); its end has passed, so no drift is added.');
  });
});

interface Shape {
  open: { start: number; duration: number; range?: [number, number]; deps: number[] }[];
  rates: number[];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  open: fc.array(
    fc.record({
      start: fc.integer({ min: -200, max: 200 }),
      duration: fc.integer({ min: 0, max: 500 }),
      range: fc.option(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 200 })), { nil: undefined }),
      deps: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  rates: fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: 10, maxLength: 10 }),
});

function inputOf(s: Shape): PortfolioInput {
  return portfolio({
    settings: settings({ as_of: AS_OF, forecast: { iterations: 300 } }),
    projects: s.open.map((o, i) => {
      const end = o.start + o.duration;
      return project(`p-${i}`, {
        start: iso(o.start),
        end: iso(end),
        ...(o.range ? { end_range: { optimistic: iso(end - o.range[0]), pessimistic: iso(end + o.range[1]) } } : {}),
        dependencies: i === 0 ? [] : [...new Set(o.deps.map((d) => `p-${d % i}`))].map((on) => ({ on })),
      });
    }),
  });
}
const driftsOf = (s: Shape, rates = s.rates) => new Map(s.open.map((_, i) => [`p-${i}`, driftOf(rates[i]!)]));
const numbers = (m: PortfolioModel) => ({
  projects: m.projects.map((p) => p.forecast && [p.forecast.p50Day, p.forecast.p80Day, p.forecast.p95Day, p.forecast.onTime]),
  edges: m.edges.map((e) => e.onTimeProbability),
});

describe('drift in the simulation', () => {
  it('zero drift gives exactly the forecast without it', () => {
    fc.assert(
      fc.property(shape, (s) => {
        expect(numbers(modelOf(inputOf(s), driftsOf(s, s.rates.map(() => 0))))).toEqual(numbers(modelOf(inputOf(s))));
      }),
      { numRuns: 40 },
    );
  });

  it('more drift on a project never gives an earlier P50/P80/P95 nor a higher chance on time, for it or downstream', () => {
    fc.assert(
      fc.property(shape, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (s, pick, more) => {
        const u = pick % s.open.length;
        const a = modelOf(inputOf(s), driftsOf(s));
        const b = modelOf(inputOf(s), driftsOf(s, s.rates.map((r, i) => (i === u ? r + more : r))));
        a.projects.forEach((p, i) => {
          const q = b.projects[i]!.forecast!;
          expect(q.p50Day).toBeGreaterThanOrEqual(p.forecast!.p50Day);
          expect(q.p80Day).toBeGreaterThanOrEqual(p.forecast!.p80Day);
          expect(q.p95Day).toBeGreaterThanOrEqual(p.forecast!.p95Day);
          expect(q.onTime).toBeLessThanOrEqual(p.forecast!.onTime);
        });
        a.edges.forEach((e, i) => {
          if (e.onTimeProbability !== undefined) expect(b.edges[i]!.onTimeProbability!).toBeLessThanOrEqual(e.onTimeProbability);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('shifts every run by the extra days, worked by hand; fixed seed, same numbers run after run', () => {
    // 60 days left (end 60 days after the as-of day), r = 1/3: +30 days. Draws from the default never go below the
    // as-of day here (−10% of 160 days is −16), so each P-date is exactly 30 days later than without drift.
    const input = portfolio({ settings: settings({ as_of: AS_OF }), projects: [project('a', { start: iso(-100), end: iso(60) }), project('b', { start: iso(70), end: iso(100), dependencies: [{ on: 'a' }] })] });
    const without = modelOf(input).byId.projects.get('a')!.forecast!;
    const drift = new Map([['a', driftOf(1 / 3)]]);
    const withDrift = modelOf(input, drift);
    const a = withDrift.byId.projects.get('a')!.forecast!;
    expect(a.drift).toMatchObject({ rate: 1 / 3, remainingDays: 60, extraDays: 30 });
    expect([a.p50Day, a.p80Day, a.p95Day]).toEqual([without.p50Day + 30, without.p80Day + 30, without.p95Day + 30]);
    expect(a.onTime).toBeLessThan(without.onTime);
    // The dependent b (needs a 10 days after a's typed end) is delivered on time less often.
    const edge = (m: PortfolioModel) => m.edges.find((e) => e.from === 'b')!.onTimeProbability!;
    expect(edge(withDrift)).toBeLessThan(edge(modelOf(input)));
    expect(JSON.stringify(numbers(modelOf(input, drift)))).toBe(JSON.stringify(numbers(withDrift)));
  });
});
