/**
 * The capacity heatmap: team/role × fiscal quarter, each cell coloured by its
 * utilization (a shade within its level's band) with demand, capacity and the
 * ratio written in it. A view model only; `HeatmapChart.astro` draws it.
 */
import { scaleBand } from 'd3';
import type { PortfolioModel, Rag, UtilizationCell } from '../core/model.ts';
import { titleOf } from '../core/model.ts';
import { formatPeriod } from '../core/format.ts';

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
  /**
   * The fill: `heat-0` (no demand, no capacity), then light to saturated by
   * utilization within the band: `heat-g1`…`g4` (≤ first threshold),
   * `heat-a1`…`a3` (stretched), `heat-r1`/`r2` (over; r2 from 1.5 × the red
   * threshold, or demand with no capacity). Colours are CSS variables (site.css).
   */
  shade: string;
  /** True when the cell is red (over the red threshold or demand without capacity): drawn with a heavy border too. */
  over: boolean;
  /** First line: the ratio (`125%`), `no cap.` or `—`. */
  ratioText: string;
  /** Second line: `2.5 / 2` (demand / capacity FTE). */
  fteText: string;
  /** Both lines are centred on `textX`, at baselines `ratioY` and `fteY`. */
  textX: number;
  ratioY: number;
  fteY: number;
  title: string;
}

export interface HeatmapRow {
  team: string;
  label: string;
  y: number;
  /** The row label, right-aligned at `labelX` left of the cells. */
  labelX: number;
  labelY: number;
  cells: HeatmapCell[];
}

export interface Heatmap {
  width: number;
  height: number;
  labelWidth: number;
  /** Column headings, centred on `x`. */
  columns: { period: string; x: number; y: number; text: string }[];
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
  /** A period's name in headings and titles (`Q3 FY2026/27`, short `Q3 FY26/27`); default: the period as written. */
  periodLabel?: (period: string, short: boolean) => string;
  /** Only these periods (sorted); default: every period any row has. */
  periods?: readonly string[];
}

// Text baselines: column headings from the top, row labels and the two cell lines from the row's or cell's top.
const COLUMN_TEXT_Y = 16;
const ROW_LABEL = { dx: -8, dy: 24 };
const CELL_RATIO_DY = 16;
const CELL_FTE_DY = 31;

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

/** The shade class of a cell (see `HeatmapCell.shade`). */
export function heatShade(c: Pick<UtilizationCell, 'demand' | 'capacity' | 'level'>, t: readonly [number, number]): string {
  if (c.capacity <= 0) return c.demand > 0 ? 'heat-r2' : 'heat-0';
  const ratio = c.demand / c.capacity;
  // Step `n` of `steps` for where `value` falls in [from, to]: 1 at `from`, `steps` at `to` and beyond.
  const step = (value: number, from: number, to: number, steps: number) => Math.min(steps, 1 + Math.floor(((value - from) / (to - from)) * steps));
  if (c.level === 'red') return ratio >= 1.5 * t[1] ? 'heat-r2' : 'heat-r1';
  if (c.level === 'amber') return `heat-a${Math.max(1, step(ratio, t[0], t[1], 3))}`;
  return `heat-g${Math.max(1, step(ratio, 0, t[0], 4))}`;
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
  const periodLabel = o.periodLabel ?? ((p: string) => p);
  return {
    width: labelWidth + cw * periods.length + 2,
    height: headerHeight + ch * rows.length + 2,
    labelWidth,
    headerHeight,
    columns: periods.map((p) => ({ period: p, x: x(p)! + cw / 2, y: COLUMN_TEXT_Y, text: periodLabel(p, true) })),
    rows: rows.map((r) => ({
      team: r.team,
      label: r.label,
      y: y(r.team)!,
      labelX: labelWidth + ROW_LABEL.dx,
      labelY: y(r.team)! + ROW_LABEL.dy,
      cells: r.cells
        .filter((c) => x(c.period) !== undefined)
        .map((c) => {
          const by = c.projects.length > 0 ? `; demanded by ${c.projects.map((p) => `${name(p.id)} ${fte(p.fte)}`).join(', ')}` : '';
          const cx = x(c.period)! + 1;
          const cy = y(r.team)! + 1;
          const width = cw - 2;
          return {
            period: c.period,
            x: cx,
            y: cy,
            width,
            height: ch - 2,
            level: c.level,
            shade: heatShade(c, o.thresholds),
            over: c.level === 'red',
            ratioText: c.capacity > 0 ? pct(c.demand / c.capacity) : c.demand > 0 ? 'no cap.' : '—',
            fteText: `${fte(c.demand)} / ${fte(c.capacity)}`,
            textX: cx + width / 2,
            ratioY: cy + CELL_RATIO_DY,
            fteY: cy + CELL_FTE_DY,
            title: `${r.label}, ${periodLabel(c.period, false)}: ${cellFormula(c)}, ${levelWords(c, o.thresholds)}${by}`,
          };
        }),
    })),
  };
}

/** The heatmap of `rows` with the model's utilization thresholds and project titles. */
export function capacityHeatmapOf(model: PortfolioModel, rows: readonly HeatmapRowInput[]): Heatmap {
  return capacityHeatmap(rows, {
    thresholds: model.settings.thresholds.capacity_utilization,
    projectTitle: (id) => titleOf(model, 'projects', id),
    periodLabel: (p, short) => formatPeriod(p, model.settings.fiscal_year_start, { short }),
  });
}
