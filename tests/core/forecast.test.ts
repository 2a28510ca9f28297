/**
 * Confidence ranges (src/core/forecast/): the model's numbers through the
 * pipeline function (siteFromInput), properties with fast-check, the engine's
 * operation count, and determinism across runs and time zones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayToIso, startDay } from '../../src/core/dates.ts';
import { analyzeDependencies } from '../../src/core/graph.ts';
import { DEFAULT_SLIP, empirical, slipSample, triangular } from '../../src/core/forecast/distribution.ts';
import { forecastPortfolio, type OpCounter } from '../../src/core/forecast/index.ts';
import { rank, select } from '../../src/core/forecast/simulate.ts';
import { toPortfolioJson } from '../../src/core/export-json.ts';
import { portfolioCsv } from '../../src/core/export-csv.ts';
import type { PortfolioInput, PortfolioModel } from '../../src/core/model.ts';
import { modelFromInput, siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, project, records, settings } from './fixtures.ts';
import { runScript } from '../scripts/run.ts';

const AS_OF = '2026-06-01';
const base = startDay(AS_OF);
const iso = (offset: number) => dayToIso(base + offset);
const modelOf = (input: PortfolioInput): PortfolioModel => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: 'internal' }, '/p'), input, { now: new Date(`${AS_OF}T12:00:00Z`) }).model;

interface Shape {
  finished: { duration: number; slip: number }[];
  open: { start: number; duration: number; range?: [number, number]; deps: { on: number; type: 0 | 1 | 2 }[] }[];
}

const TYPES = ['finish-to-start', 'start-to-start', 'finish-to-finish'] as const;

/** A random portfolio: finished projects with a slip each, open projects depending only on earlier ones (no cycles). */
const shape = (opts: { ranges?: boolean; onTime?: boolean; minFinished?: number } = {}): fc.Arbitrary<Shape> =>
  fc.record({
    finished: fc.array(fc.record({ duration: fc.integer({ min: 30, max: 400 }), slip: opts.onTime ? fc.constant(0) : fc.integer({ min: -40, max: 200 }) }), { minLength: opts.minFinished ?? 0, maxLength: 14 }),
    open: fc.array(
      fc.record({
        start: fc.integer({ min: -200, max: 300 }),
        duration: fc.integer({ min: 0, max: 500 }),
        range: opts.ranges === false ? fc.constant(undefined) : fc.option(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 200 })), { nil: undefined }),
        deps: fc.array(fc.record({ on: fc.nat(), type: fc.constantFrom(0 as const, 1 as const, 2 as const) }), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  });

function inputOf(s: Shape, iterations = 300): PortfolioInput {
  const projects = [
    ...s.finished.map((f, i) => project(`done-${i}`, { status: 'done', start: iso(-900), baseline_end: iso(-900 + f.duration), end: iso(-900 + f.duration + f.slip) })),
    ...s.open.map((o, i) => {
      const deps = i === 0 ? [] : [...new Map(o.deps.map((d) => [`open-${d.on % i}`, { on: `open-${d.on % i}`, type: TYPES[d.type] }])).values()];
      const end = o.start + o.duration;
      return project(`open-${i}`, {
        start: iso(o.start),
        end: iso(end),
        ...(o.range ? { end_range: { optimistic: iso(end - o.range[0]), pessimistic: iso(end + o.range[1]) } } : {}),
        dependencies: deps,
      });
    }),
  ];
  return portfolio({ settings: settings({ as_of: AS_OF, forecast: { iterations } }), projects });
}

describe('the slip sample', () => {
  it('is the finished projects’ (end − baseline_end) / (baseline_end − start), and the default below min_samples', () => {
    const finished = [0, 10, 20, 30, 40, 50, 60, 70].map((slip, i) => ({ id: `d${i}`, record: { status: 'done' as const, start: '2025-01-01', baseline_end: '2025-04-11', end: dayToIso(startDay('2025-04-11') + slip) } }));
    // planned duration 100 days: the ratios are slip / 100.
    const own = slipSample(finished, 1, 8);
    expect(own).toMatchObject({ source: 'portfolio', n: 8, p50: 0.35 });
    expect(own.ratios.map((r) => r.ratio)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    const thin = slipSample(finished.slice(0, 7), 1, 8);
    expect(thin).toMatchObject({ source: 'default', n: 7 });
    expect(thin.p50).toBeCloseTo(triangular(0.5, DEFAULT_SLIP.optimistic, DEFAULT_SLIP.likely, DEFAULT_SLIP.pessimistic), 10);
    // Not finished, or without a start, baseline or planned duration: not in the sample.
    expect(slipSample([{ id: 'x', record: { status: 'active', start: '2025-01-01', baseline_end: '2025-02-01', end: '2025-03-01' } }, { id: 'y', record: { status: 'done', start: '2025-01-01', baseline_end: '2025-01-01', end: '2025-03-01' } }], 1, 1).n).toBe(0);
  });

  it('quantile functions rise with the draw and hit their ends', () => {
    expect(triangular(0, 10, 20, 40)).toBe(10);
    expect(triangular(1, 10, 20, 40)).toBe(40);
    expect(triangular(1 / 3, 10, 20, 40)).toBeCloseTo(20, 10);
    expect(empirical(0.5, [1, 2, 3, 4])).toBe(2.5);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (u, v) => {
        const [lo, hi] = u <= v ? [u, v] : [v, u];
        return triangular(lo, -5, 0, 30) <= triangular(hi, -5, 0, 30) && empirical(lo, [0, 0, 1, 7]) <= empirical(hi, [0, 0, 1, 7]);
      }),
    );
  });

  it('selection puts every rank where sorting does, and ranks are nearest-rank', () => {
    expect([rank(0.5, 2000), rank(0.8, 2000), rank(0.95, 2000)]).toEqual([999, 1599, 1899]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(), (values, k0) => {
        const a = Int32Array.from(values);
        const k = k0 % a.length;
        select(a, 0, a.length, k);
        return a[k] === [...values].sort((x, y) => x - y)[k];
      }),
    );
  });
});

describe('confidence ranges through the pipeline', () => {
  it('P50 ≤ P80 ≤ P95 for every open dated project, and every probability is between 0 and 1', () => {
    fc.assert(
      fc.property(shape(), (s) => {
        const model = modelOf(inputOf(s));
        for (const p of model.projects) {
          if (!p.open) continue;
          const f = p.forecast!;
          expect(f.p50Day).toBeLessThanOrEqual(f.p80Day);
          expect(f.p80Day).toBeLessThanOrEqual(f.p95Day);
          expect(f.onTime).toBeGreaterThanOrEqual(0);
          expect(f.onTime).toBeLessThanOrEqual(1);
        }
        for (const e of model.edges) if (e.onTimeProbability !== undefined) expect(e.onTimeProbability >= 0 && e.onTimeProbability <= 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('zero spread (every finished project on time, no end_range) gives exactly today’s dates and conflicts', () => {
    fc.assert(
      fc.property(shape({ ranges: false, onTime: true, minFinished: 8 }), (s) => {
        const model = modelOf(inputOf(s, 100));
        expect(model.forecast!.sample).toMatchObject({ source: 'portfolio', p10: 0, p90: 0 });
        for (const p of model.projects) {
          if (!p.open) continue;
          expect([p.forecast!.p50Day, p.forecast!.p80Day, p.forecast!.p95Day]).toEqual([p.endDay, p.endDay, p.endDay]);
          expect(p.forecast!.onTime).toBe(1);
        }
        for (const e of model.edges) expect(e.onTimeProbability).toBe(e.gapDays === undefined ? undefined : e.conflict ? 0 : 1);
      }),
      { numRuns: 60 },
    );
  });

  it('a longer upstream range never raises a downstream need-by probability nor brings a P-date earlier', () => {
    fc.assert(
      fc.property(shape(), fc.nat(), fc.integer({ min: 1, max: 400 }), (s, pick, longer) => {
        const u = pick % s.open.length;
        const withRange = { ...s, open: s.open.map((o, i) => (i === u ? { ...o, range: o.range ?? ([10, 20] as [number, number]) } : o)) };
        const longerRange = { ...withRange, open: withRange.open.map((o, i) => (i === u ? { ...o, range: [o.range![0], o.range![1] + longer] as [number, number] } : o)) };
        const a = modelOf(inputOf(withRange));
        const b = modelOf(inputOf(longerRange));
        a.edges.forEach((e, i) => {
          if (e.onTimeProbability !== undefined) expect(b.edges[i].onTimeProbability!).toBeLessThanOrEqual(e.onTimeProbability);
        });
        a.projects.forEach((p, i) => {
          if (p.forecast) expect(b.projects[i].forecast!.p95Day).toBeGreaterThanOrEqual(p.forecast.p95Day);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a late upstream lowers its dependent’s need-by probability and moves the dependent (the propagation rules)', () => {
    const model = modelOf(
      portfolio({
        settings: settings({ as_of: AS_OF, forecast: { iterations: 1000 } }),
        projects: [
          project('up', { start: iso(0), end: iso(100), end_range: { optimistic: iso(100), pessimistic: iso(200) } }),
          // Needs "up" 20 days after its typed end: delivered by then when up's end lands within 20 days.
          project('down', { start: iso(120), end: iso(220), end_range: { optimistic: iso(220), pessimistic: iso(220) }, dependencies: [{ on: 'up' }] }),
          // Already in conflict by 10 days: only what "up" moves is passed on, not the 10 days again.
          project('behind', { start: iso(90), end: iso(150), end_range: { optimistic: iso(150), pessimistic: iso(150) }, dependencies: [{ on: 'up' }] }),
        ],
      }),
    );
    const edge = model.edges.find((e) => e.from === 'down')!;
    // Triangular (100, 100, 200): P(end ≤ 120) = 1 − (80/100)² = 0.36.
    expect(edge.onTimeProbability!).toBeGreaterThan(0.3);
    expect(edge.onTimeProbability!).toBeLessThan(0.42);
    const down = model.byId.projects.get('down')!.forecast!;
    // "down" has no spread of its own: it moves only by what "up" passes on, clamp(gap + Δ, 0, Δ) = Δ − 20.
    const up = model.byId.projects.get('up')!.forecast!;
    expect(down.p95Day - (base + 220)).toBe(up.p95Day - (base + 100) - 20);
    expect(down.p50Day - (base + 220)).toBe(Math.max(0, up.p50Day - (base + 100) - 20));
    const behind = model.byId.projects.get('behind')!.forecast!;
    expect(behind.p95Day - (base + 150)).toBe(up.p95Day - (base + 100));
    expect(model.edges.find((e) => e.from === 'behind')!.onTimeProbability).toBe(0);
  });

  it('the same records give the same numbers, run after run', () => {
    const s = fc.sample(shape(), { seed: 20, numRuns: 1 })[0];
    const json = () => JSON.stringify(toPortfolioJson(modelOf(inputOf(s))));
    expect(json()).toBe(json());
    expect(json()).toContain('"p95"');
  });

  it('portfolio.json and the CSV carry the P-dates and the need-by chances', () => {
    const model = modelOf(inputOf({ finished: [], open: [{ start: 0, duration: 100, range: [10, 60], deps: [] }, { start: 110, duration: 50, deps: [{ on: 0, type: 0 }] }] }));
    const f = model.byId.projects.get('open-0')!.forecast!;
    const json = toPortfolioJson(model);
    const open0 = json.projects.find((p) => p.id === 'open-0')!;
    expect(open0.forecast).toEqual({ p50: f.p50, p80: f.p80, p95: f.p95, onTime: Math.round(f.onTime * 10_000) / 10_000, source: 'range' });
    expect(json.projects.find((p) => p.id === 'open-1')!.dependsOnForecast).toEqual([{ on: 'open-0', needed: iso(110), onTimeProbability: Math.round(model.edges[0].onTimeProbability! * 10_000) / 10_000 }]);
    expect(json.portfolio.forecast).toMatchObject({ iterations: 300, likelyConflictBelow: 0.5, sample: { source: 'default', n: 0, minSamples: 8 } });
    const [header, row] = portfolioCsv(model).split('\r\n');
    const cells = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const at = (name: string) => cells(row)[cells(header).indexOf(name)];
    expect([at('p50_end'), at('p80_end'), at('p95_end')]).toEqual([f.p50, f.p80, f.p95]);
  });

  it('no forecast unless asked for (compare, history samples)', () => {
    const input = inputOf({ finished: [], open: [{ start: 0, duration: 10, deps: [] }] });
    expect(modelOf(input).projects[0].forecast).toBeDefined();
    const without = modelFromInput(loadSettings({}, '/p'), input, new Date(AS_OF), { forecast: false });
    expect(without.forecast).toBeUndefined();
    expect(without.projects[0].forecast).toBeUndefined();
  });
});

describe('speed', () => {
  /** A synthetic portfolio of n open projects, each depending on up to two earlier ones, and its edges. */
  function synthetic(n: number) {
    const projects = Array.from({ length: n }, (_, i) =>
      project(`p${i}`, {
        start: iso(i % 97),
        end: iso((i % 97) + 60 + (i % 13) * 7),
        ...(i % 5 === 0 ? { end_range: { optimistic: iso((i % 97) + 50 + (i % 13) * 7), pessimistic: iso((i % 97) + 90 + (i % 13) * 7) } } : {}),
        dependencies: i === 0 ? [] : i % 3 === 0 ? [{ on: `p${(i * 7) % i}` }, { on: `p${i - 1}`, type: 'finish-to-finish' }] : [{ on: `p${(i * 5) % i}` }],
      }),
    );
    const recs = records(projects);
    return { recs, edges: analyzeDependencies(recs, 1).edges };
  }

  it('work is linear in projects × iterations (an operation count, not a clock)', () => {
    const perCell: number[] = [];
    for (const n of [200, 400, 800]) {
      const { recs, edges } = synthetic(n);
      for (const iterations of [100, 200, 400]) {
        const counter: OpCounter = { ops: 0 };
        forecastPortfolio(recs, edges, { fy: 1, asOfDay: base, settings: { iterations, min_samples: 8, likely_conflict_below: 0.5 }, counter });
        perCell.push(counter.ops / (n * iterations));
      }
    }
    // Projects + edges per iteration, and three linear-time selections per project: a constant per cell.
    expect(Math.max(...perCell) / Math.min(...perCell)).toBeLessThan(1.25);
    expect(Math.max(...perCell)).toBeLessThan(20);
  });

  it('reads no clock, zone or unseeded randomness: days are whole numbers since 1970 (UTC)', () => {
    const dir = join(import.meta.dirname, '../../src/core/forecast');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/Math\.random|new Date|Date\.now|getTimezoneOffset|toLocale|Intl\./);
    }
  });

  it('is the same in every time zone (a child process per zone)', async () => {
    const runs = await Promise.all(['Pacific/Kiritimati', 'America/Adak'].map((TZ) => runScript('export.ts', ['--format', 'json'], { env: { TZ, ROADMAP_AUDIENCE: 'internal' } })));
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[0].stdout).toContain('"p80"');
    expect(runs[1].stdout).toBe(runs[0].stdout);
  });
});
