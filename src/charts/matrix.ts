/**
 * The 5×5 risk heat map (likelihood × impact) as a view model: cell
 * positions, counts and a severity band per cell. `RiskMatrix` in
 * `ScorecardRisks.astro` draws it.
 */
import { scaleBand } from 'd3';

export interface MatrixCellInput {
  likelihood: number;
  impact: number;
  count: number;
}

export type Severity = 'high' | 'medium' | 'low';

export interface MatrixCell {
  likelihood: number;
  impact: number;
  count: number;
  x: number;
  y: number;
  size: number;
  severity: Severity;
  title: string;
}

export interface RiskMatrix {
  width: number;
  height: number;
  cells: MatrixCell[];
  /** Impact 1..5 along the bottom. */
  xTicks: { value: number; x: number }[];
  /** Likelihood 5..1 down the side. */
  yTicks: { value: number; y: number }[];
  plot: { x: number; y: number; size: number };
}

/** likelihood × impact ≥ 15 high, ≥ 8 medium, else low. */
export function severity(likelihood: number, impact: number): Severity {
  const s = likelihood * impact;
  return s >= 15 ? 'high' : s >= 8 ? 'medium' : 'low';
}

export function riskMatrix(cells: readonly MatrixCellInput[], cellSize = 56): RiskMatrix {
  const left = 64;
  const top = 8;
  const size = cellSize * 5;
  const levels = [1, 2, 3, 4, 5];
  const x = scaleBand<number>().domain(levels).range([left, left + size]);
  const y = scaleBand<number>().domain([5, 4, 3, 2, 1]).range([top, top + size]);
  const count = new Map(cells.map((c) => [`${c.likelihood}x${c.impact}`, c.count]));
  const out: MatrixCell[] = [];
  for (const l of [5, 4, 3, 2, 1]) {
    for (const i of levels) {
      const n = count.get(`${l}x${i}`) ?? 0;
      const sev = severity(l, i);
      out.push({
        likelihood: l,
        impact: i,
        count: n,
        x: x(i)!,
        y: y(l)!,
        size: cellSize,
        severity: sev,
        title: `Likelihood ${l} × impact ${i} = ${l * i} (${sev}): ${n} open ${n === 1 ? 'risk' : 'risks'}`,
      });
    }
  }
  return {
    width: left + size + 8,
    height: top + size + 44,
    cells: out,
    xTicks: levels.map((v) => ({ value: v, x: x(v)! + cellSize / 2 })),
    yTicks: [5, 4, 3, 2, 1].map((v) => ({ value: v, y: y(v)! + cellSize / 2 })),
    plot: { x: left, y: top, size },
  };
}
