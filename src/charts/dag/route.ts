/** Step 6 of the DAG layout: edge ports on the node sides and edge polylines. */
import type { Slot } from './order.ts';
import { round } from './position.ts';

/** Port y of each edge end at a node, keyed `in|out <slot> <other slot>`: spread over the middle 60% of the side, ordered by the other end's y, so edges leave and enter without crossing at the node. */
export function portPositions(slots: readonly Slot[], y: Float64Array, nodes: number): Map<string, number> {
  const portY = new Map<string, number>();
  const spread = (s: number, others: readonly number[], side: 'in' | 'out') => {
    const sorted = [...others].sort((a, b) => y[a] - y[b] || a - b);
    const h = slots[s].height * 0.6;
    sorted.forEach((t, k) => portY.set(`${side} ${s} ${t}`, round(y[s] + (sorted.length === 1 ? 0 : -h / 2 + (h * k) / (sorted.length - 1)))));
  };
  for (let i = 0; i < nodes; i++) {
    spread(i, slots[i].up, 'in');
    spread(i, slots[i].down, 'out');
  }
  return portY;
}

/** Polyline of one edge's chain of slots: out of the first node's right side, straight across each crossed column at its dummy's y, into the last node's left side; right to left when the edge was reversed. */
export function edgePoints(
  chain: readonly number[],
  slots: readonly Slot[],
  y: Float64Array,
  portY: ReadonlyMap<string, number>,
  columnX: (layer: number) => number,
  nodeWidth: number,
  reversed: boolean,
): [number, number][] {
  const points: [number, number][] = [];
  const first = chain[0];
  const last = chain[chain.length - 1];
  points.push([columnX(slots[first].layer) + nodeWidth, portY.get(`out ${first} ${chain[1]}`)!]);
  for (let k = 1; k + 1 < chain.length; k++) {
    const d = chain[k];
    const x = columnX(slots[d].layer);
    points.push([x, y[d]], [x + nodeWidth, y[d]]);
  }
  points.push([columnX(slots[last].layer), portY.get(`in ${last} ${chain[chain.length - 2]}`)!]);
  if (reversed) points.reverse();
  return points;
}
