/**
 * Bar charts as view models (coordinates, labels, titles) for the scorecard
 * and the backlog. No markup here: the Astro components render these as SVG,
 * so every string is escaped there.
 */
import { scaleBand, scaleLinear } from 'd3';

export interface BarSeries {
  name: string;
  /** CSS class of the series (`series-0`, `series-1`, …); the legend also names it. */
  className: string;
}

export interface BarRowInput {
  key: string;
  label: string;
  /** One per series; undefined = not known (no bar, "—"), e.g. the actual spend of a quarter not yet reported. */
  values: (number | undefined)[];
}

/**
 * The chart fills its container's width without scaling its text: labels sit
 * in a column `labelWidth` px wide, and the plot takes the rest but
 * `valueRoom` px (for the value after the longest bar). Horizontal positions
 * in the plot are shares of its width (0–1, drawn as percentages); vertical
 * ones are pixels.
 */
export interface BarRect {
  y: number;
  height: number;
  className: string;
  /** The figure in words with its inputs, for `<title>`. */
  title: string;
  /** The value as shown at the end of the bar; "—" when unknown. */
  text: string;
  /** Length as a share of the plot's width; the value text starts there. */
  share: number;
  textY: number;
}

export interface BarRow {
  key: string;
  label: string;
  labelY: number;
  bars: BarRect[];
}

export interface BarChart {
  height: number;
  labelWidth: number;
  /** Room right of the plot for the value after the longest bar, px. */
  valueRoom: number;
  rows: BarRow[];
  /** `share`: position as a share of the plot's width; `inner`: neither end (hidden on phones, where they would collide). */
  ticks: { share: number; text: string; inner: boolean }[];
  axisY: number;
  series: BarSeries[];
}

export interface BarOptions {
  labelWidth?: number;
  /** Height of one bar; a row is bars × this plus padding. */
  barHeight?: number;
  format: (n: number) => string;
  /** `<title>` text of one bar (value undefined: not known). */
  describe?: (row: BarRowInput, series: BarSeries, value: number | undefined) => string;
  ticks?: number;
}

/** Horizontal grouped bars: one row per category, one bar per series. */
export function groupedBars(rows: readonly BarRowInput[], series: readonly BarSeries[], o: BarOptions): BarChart {
  // As wide as the longest label needs at 11 px (about 6.5 px a character), at most 170 px: quarters need ~60.
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const labelWidth = o.labelWidth ?? Math.min(170, Math.max(48, Math.ceil(longest * 6.5) + 10));
  const barHeight = o.barHeight ?? 12;
  const valueRoom = 86;
  const rowHeight = barHeight * series.length + 10;
  const top = 4;
  const height = top + rowHeight * rows.length + 22;
  const max = Math.max(0, ...rows.flatMap((r) => r.values.filter((v) => v !== undefined)));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([0, 1])
    .nice(o.ticks ?? 4);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([top, top + rowHeight * rows.length])
    .paddingInner(0);
  const describe = o.describe ?? ((r, s, v) => `${r.label}, ${s.name}: ${v === undefined ? 'not known' : o.format(v)}`);
  const out: BarRow[] = rows.map((r) => {
    const y0 = y(r.key)! + 5;
    return {
      key: r.key,
      label: r.label,
      labelY: round(y0 + (barHeight * series.length) / 2 + 4),
      bars: series.map((s, i) => {
        const v = r.values[i];
        const by = y0 + i * barHeight;
        return {
          y: round(by),
          height: barHeight - 2,
          className: s.className,
          title: describe(r, s, v),
          text: v === undefined ? '—' : o.format(v),
          share: v === undefined ? 0 : round4(Math.max(0, x(v))),
          textY: round(by + barHeight - 3),
        };
      }),
    };
  });
  const axisY = top + rowHeight * rows.length;
  return {
    height,
    labelWidth,
    valueRoom,
    rows: out,
    ticks: x.ticks(o.ticks ?? 4).map((t, i, all) => ({ share: round4(x(t)), text: o.format(t), inner: i > 0 && i < all.length - 1 })),
    axisY,
    series: [...series],
  };
}

export interface MiniBar {
  width: number;
  height: number;
  /** The filled part. */
  barWidth: number;
  title: string;
}

/** A small bar for one criterion's contribution: `value` of `max`, in a `width` × `height` box. */
export function miniBar(value: number, max: number, title: string, width = 80, height = 10): MiniBar {
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([0, width]).clamp(true);
  return { width, height, barWidth: round(x(Math.max(0, value))), title };
}

const round = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10000) / 10000;
