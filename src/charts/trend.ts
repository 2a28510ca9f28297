/**
 * Charts over time as view models: the portfolio's trends (lines, or stacked
 * areas for the health mix) and milestone trend analysis (report date
 * across, forecast date up, with the diagonal where a date is reached).
 *
 * The chart fills its container's width without scaling its text (as the
 * bar charts do): horizontal positions are shares of the plot's width (0–1),
 * vertical ones pixels. Lines and areas are drawn in a 1000-wide box that
 * the component stretches to the plot (`PATH_WIDTH`), so their x is the
 * share × 1000.
 */
import { scaleLinear } from 'd3';
import { dayToIso, type Day } from '../core/dates.ts';
import { formatDate } from '../core/format.ts';
import { round } from './time-scale.ts';

export const PATH_WIDTH = 1000;

export interface TrendPointInput {
  x: Day;
  /** undefined: not known at that sample (a gap). */
  y: number | undefined;
  /** `<title>` of the point. */
  title: string;
}

export interface TrendSeriesInput {
  name: string;
  /** CSS class (`trend-green`, `trend-0`, …). */
  className: string;
  points: TrendPointInput[];
  /** A series shown dashed (e.g. a done milestone). */
  dashed?: boolean;
}

export interface TrendPoint {
  /** Share of the plot's width. */
  x: number;
  y: number;
  title: string;
}

export interface TrendSeries {
  name: string;
  className: string;
  dashed: boolean;
  /** A line (`M…L…`, x in 0–PATH_WIDTH); for a stacked area, the area's outline. */
  path: string;
  /** Filled (stacked areas) or stroked (lines). */
  area: boolean;
  points: TrendPoint[];
  /**
   * The points as one path of zero-length strokes (round caps draw the dots), in the line's box, when no point has a
   * title: a project page repeats its milestone trend 2,000 times, and a circle per point was most of its markup.
   */
  dots?: string;
}

export interface TrendTick {
  /** Share of the width (x ticks) or pixels (y ticks). */
  at: number;
  text: string;
  /** Hidden on phones, where inner x labels would collide. */
  inner: boolean;
}

export interface TrendChart {
  height: number;
  /** Width of the y labels' column, px. */
  labelWidth: number;
  /** Top and bottom of the plot, px. */
  top: number;
  bottom: number;
  series: TrendSeries[];
  xTicks: TrendTick[];
  yTicks: TrendTick[];
  /** The diagonal of a milestone trend chart (forecast = report date), as a path in the same box as the series. */
  diagonal?: string;
}

export interface TrendOptions {
  height?: number;
  /** Stack the series as areas (each over the one before). */
  stacked?: boolean;
  /** The y axis is days (a milestone trend chart), labelled as months; else numbers through `format`. */
  dates?: boolean;
  /** y labels for number axes. */
  format?: (n: number) => string;
  /** Start a number axis at 0. */
  zero?: boolean;
  /** Whole numbers only (counts): no tick between two integers. */
  integer?: boolean;
  fiscalYearStart?: number;
  /** Draw the diagonal y = x (milestone trend analysis). */
  diagonal?: boolean;
  /** The days the x axis is labelled at and spans (the reviews); default: every point's x. */
  xs?: readonly Day[];
}

const MONTH_MS = 86_400_000;
const monthLabel = (d: Day, fy: number) => formatDate(dayToIso(d).slice(0, 7), fy);

/** Up to `n` evenly spread indices of a list of `len` items, first and last included. */
function spread(len: number, n: number): number[] {
  if (len <= n) return [...Array(len).keys()];
  const out = new Set<number>();
  for (let i = 0; i < n; i += 1) out.add(Math.round((i * (len - 1)) / (n - 1)));
  return [...out];
}

/** Month starts from `from` to `to` (days), every `step` months. */
function monthTicks(from: Day, to: Day, maxTicks: number): Day[] {
  const start = new Date(from * MONTH_MS);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0);
  const months: Day[] = [];
  for (;;) {
    const d = Math.floor(Date.UTC(y, m, 1) / MONTH_MS);
    if (d > to) break;
    months.push(d);
    m += 1;
  }
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => Math.ceil(months.length / s) <= maxTicks) ?? 120;
  // Steps of 3 and more start at a quarter's or year's first month so labels read evenly.
  return months.filter((d) => {
    const mo = new Date(d * MONTH_MS).getUTCMonth();
    const yr = new Date(d * MONTH_MS).getUTCFullYear();
    return step === 1 ? true : step < 12 ? mo % step === 0 : mo === 0 && yr % (step / 12) === 0;
  });
}

export function trendChart(seriesIn: readonly TrendSeriesInput[], o: TrendOptions = {}): TrendChart {
  const fy = o.fiscalYearStart ?? 1;
  const height = o.height ?? 200;
  const top = 8;
  const bottom = height - 24;
  const xs = [...new Set(o.xs ?? seriesIn.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const x0 = xs[0] ?? 0;
  const x1 = xs.length > 1 ? xs.at(-1)! : x0 + 1;
  const x = scaleLinear().domain([x0, x1]).range([0, 1]);

  // Stacked: each series' y is the sum of those before it and its own.
  const base = new Map<Day, number>();
  const stacked = seriesIn.map((s) =>
    s.points.map((p) => {
      const below = base.get(p.x) ?? 0;
      const top = below + (p.y ?? 0);
      if (o.stacked) base.set(p.x, top);
      return { ...p, below, top };
    }),
  );
  const values = o.stacked ? stacked.flat().map((p) => p.top) : seriesIn.flatMap((s) => s.points.flatMap((p) => (p.y === undefined ? [] : [p.y])));
  if (o.diagonal) values.push(x0, x1);
  let lo = Math.min(...values, ...(o.zero || o.stacked ? [0] : []));
  let hi = Math.max(...values);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) hi = lo + (o.dates ? 30 : 1);
  let yTicks: { value: number; text: string }[];
  let y = scaleLinear().domain([lo, hi]).range([bottom, top]);
  if (o.dates) {
    // A little room above and below, and month labels.
    const pad = Math.max(7, (hi - lo) * 0.04);
    y = scaleLinear().domain([lo - pad, hi + pad]).range([bottom, top]);
    yTicks = monthTicks(lo - pad, hi + pad, Math.max(2, Math.floor((bottom - top) / 28))).map((d) => ({ value: d, text: monthLabel(d, fy) }));
  } else {
    y = y.nice(4);
    const format = o.format ?? ((n: number) => String(n));
    yTicks = y.ticks(4).filter((t) => !o.integer || Number.isInteger(t)).map((t) => ({ value: t, text: format(t) }));
  }
  const px = (d: Day) => round(x(d) * PATH_WIDTH);
  const series: TrendSeries[] = seriesIn.map((s, i) => {
    const pts = stacked[i]!;
    let path = '';
    if (o.stacked) {
      const upper = pts.map((p) => `${px(p.x)},${round(y(p.top))}`);
      const lower = [...pts].reverse().map((p) => `${px(p.x)},${round(y(p.below))}`);
      path = pts.length ? `M${upper.join('L')}L${lower.join('L')}Z` : '';
    } else {
      // A gap breaks the line.
      let pen = false;
      for (const p of pts) {
        if (p.y === undefined) {
          pen = false;
          continue;
        }
        path += `${pen ? 'L' : 'M'}${px(p.x)},${round(y(p.y))}`;
        pen = true;
      }
    }
    return {
      name: s.name,
      className: s.className,
      dashed: s.dashed === true,
      area: o.stacked === true,
      path,
      points: pts.flatMap((p) => (p.y === undefined ? [] : [{ x: round(x(p.x) * 10000) / 10000, y: round(y(o.stacked ? p.top : p.y)), title: p.title }])),
      ...(pts.some((p) => p.title) ? {} : { dots: pts.flatMap((p) => (p.y === undefined ? [] : [`M${px(p.x)},${round(y(o.stacked ? p.top : p.y))}h0`])).join('') }),
    };
  });
  const xt = spread(xs.length, 4).map((i, k, all) => ({ at: round(x(xs[i]!) * 10000) / 10000, text: monthLabel(xs[i]!, fy), inner: k > 0 && k < all.length - 1 }));
  const longest = Math.max(0, ...yTicks.map((t) => t.text.length));
  return {
    height,
    labelWidth: Math.min(90, Math.max(28, Math.ceil(longest * 6.5) + 8)),
    top,
    bottom,
    series,
    xTicks: xt,
    yTicks: yTicks.filter((t) => y(t.value) >= top - 0.5 && y(t.value) <= bottom + 0.5).map((t) => ({ at: round(y(t.value)), text: t.text, inner: false })),
    ...(o.diagonal ? { diagonal: `M${px(x0)},${round(y(x0))}L${px(x1)},${round(y(x1))}` } : {}),
  };
}
