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
  values: number[];
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  className: string;
  /** The figure in words with its inputs, for `<title>`. */
  title: string;
  /** The value as shown at the end of the bar. */
  text: string;
  textX: number;
  textY: number;
}

export interface BarRow {
  key: string;
  label: string;
  labelY: number;
  bars: BarRect[];
}

export interface BarChart {
  width: number;
  height: number;
  labelWidth: number;
  rows: BarRow[];
  ticks: { x: number; text: string }[];
  axisY: number;
  series: BarSeries[];
}

export interface BarOptions {
  width?: number;
  labelWidth?: number;
  /** Height of one bar; a row is bars × this plus padding. */
  barHeight?: number;
  format: (n: number) => string;
  /** `<title>` text of one bar. */
  describe?: (row: BarRowInput, series: BarSeries, value: number) => string;
  ticks?: number;
}

/** Horizontal grouped bars: one row per category, one bar per series. */
export function groupedBars(rows: readonly BarRowInput[], series: readonly BarSeries[], o: BarOptions): BarChart {
  const width = o.width ?? 640;
  const labelWidth = o.labelWidth ?? 170;
  const barHeight = o.barHeight ?? 12;
  const valueRoom = 86;
  const rowHeight = barHeight * series.length + 10;
  const top = 4;
  const height = top + rowHeight * rows.length + 22;
  const max = Math.max(0, ...rows.flatMap((r) => r.values));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([labelWidth, width - valueRoom])
    .nice(o.ticks ?? 4);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([top, top + rowHeight * rows.length])
    .paddingInner(0);
  const describe = o.describe ?? ((r, s, v) => `${r.label}, ${s.name}: ${o.format(v)}`);
  const out: BarRow[] = rows.map((r) => {
    const y0 = y(r.key)! + 5;
    return {
      key: r.key,
      label: r.label,
      labelY: round(y0 + (barHeight * series.length) / 2 + 4),
      bars: series.map((s, i) => {
        const v = r.values[i] ?? 0;
        const w = Math.max(0, x(v) - labelWidth);
        const by = y0 + i * barHeight;
        return {
          x: labelWidth,
          y: round(by),
          width: round(w),
          height: barHeight - 2,
          className: s.className,
          title: describe(r, s, v),
          text: o.format(v),
          textX: round(labelWidth + w + 4),
          textY: round(by + barHeight - 3),
        };
      }),
    };
  });
  const axisY = top + rowHeight * rows.length;
  return {
    width,
    height,
    labelWidth,
    rows: out,
    ticks: x.ticks(o.ticks ?? 4).map((t) => ({ x: round(x(t)), text: o.format(t) })),
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
