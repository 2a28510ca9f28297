/**
 * The capacity heatmap: team/role × fiscal quarter, each cell coloured by its
 * utilization level with demand, capacity and the ratio written in it. A view
 * model only; `HeatmapChart.astro` draws it.
 */
import { scaleBand } from 'd3';
import type { Rag, UtilizationCell } from '../core/model.ts';

export interface HeatmapRowInput {
  team: string;
  label: string;
  cells: readonly UtilizationCell[];
}

export interface HeatmapCell {
  period: string;
  x: number;
  y: number;
  width: number;
  height: number;
  level: Rag;
  /** True when the cell is red (over the red threshold or demand without capacity): drawn with a heavy border too. */
  over: boolean;
  /** First line: the ratio (`125%`), `no cap.` or `—`. */
  ratioText: string;
  /** Second line: `2.5 / 2` (demand / capacity FTE). */
  fteText: string;
  title: string;
}

export interface HeatmapRow {
  team: string;
  label: string;
  y: number;
  cells: HeatmapCell[];
}

export interface Heatmap {
  width: number;
  height: number;
  labelWidth: number;
  columns: { period: string; x: number; text: string }[];
  rows: HeatmapRow[];
  headerHeight: number;
}

export interface HeatmapOptions {
  thresholds: readonly [number, number];
  /** Display name of a project id, for the titles. */
  projectTitle?: (id: string) => string;
  labelWidth?: number;
  cellWidth?: number;
  cellHeight?: number;
  /** Only these periods (sorted); default: every period any row has. */
  periods?: readonly string[];
}

const fte = (n: number) => String(Math.round(n * 100) / 100);
const pct = (r: number) => `${Math.round(r * 100)}%`;

/** Words for a cell: `demand 2.5 FTE / capacity 2 FTE = 125%`. */
export function cellFormula(c: UtilizationCell): string {
  if (c.capacity <= 0) return c.demand > 0 ? `demand ${fte(c.demand)} FTE with no capacity` : 'no demand, no capacity';
  return `demand ${fte(c.demand)} FTE / capacity ${fte(c.capacity)} FTE = ${pct(c.demand / c.capacity)}`;
}

export function levelWords(c: UtilizationCell, t: readonly [number, number]): string {
  if (c.level === 'red') return c.capacity <= 0 ? 'over-allocated (no capacity)' : `over-allocated (> ${pct(t[1])})`;
  if (c.level === 'amber') return `stretched (> ${pct(t[0])})`;
  return `within capacity (≤ ${pct(t[0])})`;
}

export function capacityHeatmap(rows: readonly HeatmapRowInput[], o: HeatmapOptions): Heatmap {
  const labelWidth = o.labelWidth ?? 180;
  const cw = o.cellWidth ?? 76;
  const ch = o.cellHeight ?? 40;
  const headerHeight = 24;
  const periods = o.periods ? [...o.periods] : [...new Set(rows.flatMap((r) => r.cells.map((c) => c.period)))].sort();
  const x = scaleBand<string>().domain(periods).range([labelWidth, labelWidth + cw * periods.length]);
  const y = scaleBand<string>().domain(rows.map((r) => r.team)).range([headerHeight, headerHeight + ch * rows.length]);
  const name = o.projectTitle ?? ((id: string) => id);
  return {
    width: labelWidth + cw * periods.length + 2,
    height: headerHeight + ch * rows.length + 2,
    labelWidth,
    headerHeight,
    columns: periods.map((p) => ({ period: p, x: x(p)! + cw / 2, text: p })),
    rows: rows.map((r) => ({
      team: r.team,
      label: r.label,
      y: y(r.team)!,
      cells: r.cells
        .filter((c) => x(c.period) !== undefined)
        .map((c) => {
          const by = c.projects.length > 0 ? `; demanded by ${c.projects.map((p) => `${name(p.id)} ${fte(p.fte)}`).join(', ')}` : '';
          return {
            period: c.period,
            x: x(c.period)! + 1,
            y: y(r.team)! + 1,
            width: cw - 2,
            height: ch - 2,
            level: c.level,
            over: c.level === 'red',
            ratioText: c.capacity > 0 ? pct(c.demand / c.capacity) : c.demand > 0 ? 'no cap.' : '—',
            fteText: `${fte(c.demand)} / ${fte(c.capacity)}`,
            title: `${r.label}, ${c.period}: ${cellFormula(c)}, ${levelWords(c, o.thresholds)}${by}`,
          };
        }),
    })),
  };
}
