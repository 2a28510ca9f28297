/**
 * The DAG layout's steps on their own, on graphs small enough to work out by
 * hand (layoutDag's end-to-end behaviour is in dag.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { adjacency, assignLayers, backEdges } from '../../src/charts/dag/layers.ts';
import { buildSlots, countCrossings, reduceCrossings } from '../../src/charts/dag/order.ts';
import { isotonic } from '../../src/charts/dag/position.ts';

/** Slots of a two-layer graph: `upper` nodes 0…upper−1 in layer 0, the rest in layer 1. */
function twoLayers(upper: number, lower: number, edges: [number, number][]) {
  const layer = Int32Array.from({ length: upper + lower }, (_, i) => (i < upper ? 0 : 1));
  return buildSlots(new Array(upper + lower).fill(40), layer, edges.map(([u, v]) => ({ u, v }))).slots;
}

describe('backEdges', () => {
  it('reverses the edge that closes a cycle, found depth-first from the first node', () => {
    // 0 → 1 → 2 → 0: the search from 0 meets 0 again on 2 → 0 (edge 2); 2 → 3 is no cycle.
    expect(backEdges(4, [{ u: 0, v: 1 }, { u: 1, v: 2 }, { u: 2, v: 0 }, { u: 2, v: 3 }])).toEqual([false, false, true, false]);
  });
});

describe('assignLayers', () => {
  it('longest path from the sources, then a source pulled next to its nearest successor', () => {
    // a(0) → b(1) → c(2), x(3) → c: longest path puts x in layer 0; its only successor c is in
    // layer 2, so x moves to 2 − 1 = 1 and its edge spans one gap instead of two.
    const { succ, pred } = adjacency(4, [{ u: 0, v: 1 }, { u: 1, v: 2 }, { u: 3, v: 2 }]);
    const { layer, layers } = assignLayers(succ, pred);
    expect([...layer]).toEqual([0, 1, 2, 1]);
    expect(layers).toBe(3);
  });
});

describe('buildSlots', () => {
  it('gives an edge one dummy per layer it crosses', () => {
    // 0 (layer 0) → 1 (layer 3): dummies 2 and 3 in layers 1 and 2.
    const { slots, chains } = buildSlots([40, 30], Int32Array.from([0, 3]), [{ u: 0, v: 1 }]);
    expect(chains).toEqual([[0, 2, 3, 1]]);
    expect(slots.map((s) => [s.node, s.layer, s.height])).toEqual([
      [0, 0, 40],
      [1, 3, 30],
      [-1, 1, 0],
      [-1, 2, 0],
    ]);
  });
});

describe('countCrossings', () => {
  it('counts each pair of edges whose ends are in opposite orders', () => {
    // u0 → l2, u1 → l1, u2 → l0 (slots 0–2 above, 3–5 below): every pair is inverted, 3 pairs.
    const slots = twoLayers(3, 3, [[0, 5], [1, 4], [2, 3]]);
    expect(countCrossings(slots, [[0, 1, 2], [3, 4, 5]])).toBe(3);
    // Reverse the lower layer and they run parallel.
    expect(countCrossings(slots, [[0, 1, 2], [5, 4, 3]])).toBe(0);
  });

  it('counts K2,2 once and edges sharing an end never', () => {
    // a → c, a → d, b → c, b → d: only a → d and b → c cross.
    const slots = twoLayers(2, 2, [[0, 2], [0, 3], [1, 2], [1, 3]]);
    expect(countCrossings(slots, [[0, 1], [2, 3]])).toBe(1);
    expect(countCrossings(slots, [[1, 0], [2, 3]])).toBe(1);
  });

  it('adds up the layer pairs', () => {
    // Layers 0, 1, 2 with two crossing edge pairs: 0 → 3, 1 → 2 (one crossing) and 2 → 5, 3 → 4 (one crossing).
    const layer = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const { slots } = buildSlots(new Array(6).fill(40), layer, [{ u: 0, v: 3 }, { u: 1, v: 2 }, { u: 2, v: 5 }, { u: 3, v: 4 }]);
    expect(countCrossings(slots, [[0, 1], [2, 3], [4, 5]])).toBe(2);
  });
});

describe('reduceCrossings', () => {
  it('untangles a reversed matching and reports the crossings of the order it keeps', () => {
    const slots = twoLayers(3, 3, [[0, 5], [1, 4], [2, 3]]);
    const { order, crossings } = reduceCrossings(slots, [[0, 1, 2], [3, 4, 5]], 12);
    expect(crossings).toBe(0);
    expect(order).toEqual([[0, 1, 2], [5, 4, 3]]);
    expect(countCrossings(slots, order)).toBe(0);
  });
});

describe('isotonic', () => {
  it('leaves a non-decreasing sequence as it is', () => {
    expect(isotonic([1, 2, 2, 5], [1, 1, 1, 1])).toEqual([1, 2, 2, 5]);
  });

  it('pools violators into their weighted mean', () => {
    // 3 > 2: pooled to (3·1 + 2·1) / 2 = 2.5; with weight 3 on the 2: (3·1 + 2·3) / 4 = 2.25.
    expect(isotonic([1, 3, 2], [1, 1, 1])).toEqual([1, 2.5, 2.5]);
    expect(isotonic([1, 3, 2], [1, 1, 3])).toEqual([1, 2.25, 2.25]);
    // 3, 2, 1: 3 and 2 pool to 2.5, which is > 1, so all three pool to (3 + 2 + 1) / 3 = 2.
    expect(isotonic([3, 2, 1], [1, 1, 1])).toEqual([2, 2, 2]);
  });
});
