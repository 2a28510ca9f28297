/** Step 5 of the DAG layout: vertical positions of the slots. */
import type { Slot } from './order.ts';

/** Vertical gaps: between two nodes, and around an edge passing through a column. */
export interface Gaps {
  nodeGap: number;
  edgeGap: number;
}

/** Centre-to-centre distance of two slots stacked in a column. */
function gapBetween(a: Slot, b: Slot, g: Gaps): number {
  return (a.height + b.height) / 2 + (a.node >= 0 && b.node >= 0 ? g.nodeGap : g.edgeGap);
}

/**
 * Weighted isotonic regression (pool adjacent violators, O(n)): the non-decreasing
 * sequence closest to `values` in weighted least squares, one value per input.
 */
export function isotonic(values: readonly number[], weights: readonly number[]): number[] {
  const blocks: { value: number; weight: number; count: number }[] = [];
  for (let i = 0; i < values.length; i++) {
    let b = { value: values[i], weight: weights[i], count: 1 };
    while (blocks.length > 0 && blocks[blocks.length - 1].value > b.value) {
      const a = blocks.pop()!;
      const w = a.weight + b.weight;
      b = { value: (a.value * a.weight + b.value * b.weight) / w, weight: w, count: a.count + b.count };
    }
    blocks.push(b);
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.value);
  return out;
}

/** Moves one layer's slots as close as the minimum separation allows to the mean y of their neighbours on one side (`y` is updated for that row). */
function placeRow(slots: readonly Slot[], row: readonly number[], dir: 'up' | 'down', y: Float64Array, g: Gaps): void {
  if (row.length === 0) return;
  const desired = row.map((s) => {
    const nb = slots[s][dir];
    return nb.length === 0 ? y[s] : nb.reduce((a, t) => a + y[t], 0) / nb.length;
  });
  // A slot without neighbours barely pulls; a dummy pulls twice as hard, to keep long edges straight.
  const weight = row.map((s) => (slots[s][dir].length === 0 ? 0.1 : slots[s].node < 0 ? 2 : 1));
  const offset: number[] = [0];
  for (let i = 1; i < row.length; i++) offset.push(offset[i - 1] + gapBetween(slots[row[i - 1]], slots[row[i]], g));
  // With the offsets subtracted, the separation constraint becomes "non-decreasing".
  const fitted = isotonic(
    desired.map((d, i) => d - offset[i]),
    weight,
  );
  row.forEach((s, i) => (y[s] = fitted[i] + offset[i]));
}

/** Centre y of each slot: stacked at minimum separation, then 6 up and down sweeps towards the neighbours. */
export function verticalPositions(slots: readonly Slot[], order: readonly number[][], g: Gaps): Float64Array {
  const y = new Float64Array(slots.length);
  for (const row of order) {
    let at = 0;
    row.forEach((s, i) => {
      if (i > 0) at += gapBetween(slots[row[i - 1]], slots[s], g);
      y[s] = at;
    });
  }
  const layers = order.length;
  for (let it = 0; it < 6; it++) {
    for (let l = 1; l < layers; l++) placeRow(slots, order[l], 'up', y, g);
    for (let l = layers - 2; l >= 0; l--) placeRow(slots, order[l], 'down', y, g);
  }
  return y;
}

/** Rounds to 0.1 px: stable output, short SVG numbers. */
export const round = (v: number) => Math.round(v * 10) / 10;

/** Shifts the centres so the topmost slot edge sits at `margin`, rounded; with the drawing's extent before the shift. */
export function normalise(slots: readonly Slot[], y: Float64Array, margin: number): { y: Float64Array; top: number; bottom: number } {
  let top = Infinity;
  let bottom = -Infinity;
  slots.forEach((s, i) => {
    top = Math.min(top, y[i] - s.height / 2);
    bottom = Math.max(bottom, y[i] + s.height / 2);
  });
  if (slots.length === 0) top = bottom = 0;
  const shift = margin - top;
  return { y: y.map((v) => round(v + shift)), top, bottom };
}
