/** Steps 3–4 of the DAG layout: slots (nodes and dummies) and their order within each layer. */

/** A place in a layer: a node, or a dummy that carries a long edge through the layer. */
export interface Slot {
  /** Index into nodes, or −1 for a dummy. */
  node: number;
  layer: number;
  height: number;
  /** Slots in the previous layer joined to this one. */
  up: number[];
  /** Slots in the next layer joined to this one. */
  down: number[];
}

/**
 * Slots: the nodes (same indices), then one dummy per layer an edge crosses, so an edge never passes through a node; `chains[i]` is edge i's path of slots.
 * An edge with a `band` gets that much height in its middle dummy: free room beside its straight run for its label.
 */
export function buildSlots(heights: readonly number[], layer: Int32Array, dag: readonly { u: number; v: number; band?: number }[]): { slots: Slot[]; chains: number[][] } {
  const slots: Slot[] = heights.map((height, i) => ({ node: i, layer: layer[i], height, up: [], down: [] }));
  const chains: number[][] = [];
  for (const e of dag) {
    const chain = [e.u];
    const mid = Math.floor((layer[e.u] + layer[e.v]) / 2);
    for (let l = layer[e.u] + 1; l < layer[e.v]; l++) {
      slots.push({ node: -1, layer: l, height: l === mid ? (e.band ?? 0) : 0, up: [], down: [] });
      chain.push(slots.length - 1);
    }
    chain.push(e.v);
    for (let k = 0; k + 1 < chain.length; k++) {
      slots[chain[k]].down.push(chain[k + 1]);
      slots[chain[k + 1]].up.push(chain[k]);
    }
    chains.push(chain);
  }
  return { slots, chains };
}

/** First order of each layer: depth-first from each node in input order, so connected slots start close. */
export function initialOrder(slots: readonly Slot[], nodes: number, layers: number): number[][] {
  const byLayer: number[][] = Array.from({ length: layers }, () => []);
  const placed = new Uint8Array(slots.length);
  for (let r = 0; r < nodes; r++) {
    if (placed[r]) continue;
    const stack = [r];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (placed[s]) continue;
      placed[s] = 1;
      byLayer[slots[s].layer].push(s);
      const next = [...slots[s].up, ...slots[s].down];
      for (let k = next.length - 1; k >= 0; k--) if (!placed[next[k]]) stack.push(next[k]);
    }
  }
  return byLayer;
}

/** Position of each slot within its layer. */
function positions(byLayer: readonly number[][], size: number): Int32Array {
  const pos = new Int32Array(size);
  for (const row of byLayer) row.forEach((s, i) => (pos[s] = i));
  return pos;
}

/** Crossings between one layer and the next: inversions of the edges sorted by (upper, lower) position, counted with a Fenwick tree in O(E log V). */
function crossingsBetween(slots: readonly Slot[], pos: Int32Array, upper: readonly number[], lowerSize: number): number {
  let m = 0;
  for (const s of upper) m += slots[s].down.length;
  const pairs = new Float64Array(m);
  let k = 0;
  for (const s of upper) for (const t of slots[s].down) pairs[k++] = pos[s] * (lowerSize + 1) + pos[t];
  pairs.sort();
  const tree = new Int32Array(lowerSize + 2);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const q = (pairs[i] % (lowerSize + 1)) + 1;
    let le = 0;
    for (let j = q; j > 0; j -= j & -j) le += tree[j];
    count += i - le;
    for (let j = q; j <= lowerSize + 1; j += j & -j) tree[j]++;
  }
  return count;
}

/** Exact edge crossings of an order, summed over adjacent layer pairs (`pos` is the order's positions when already known). */
export function countCrossings(slots: readonly Slot[], byLayer: readonly number[][], pos = positions(byLayer, slots.length)): number {
  let c = 0;
  for (let l = 0; l + 1 < byLayer.length; l++) c += crossingsBetween(slots, pos, byLayer[l], byLayer[l + 1].length);
  return c;
}

/** Reorders one layer by the mean position of each slot's neighbours on one side (a slot without any keeps its place); updates `pos` for that layer. */
function sortByBarycentre(slots: readonly Slot[], row: number[], dir: 'up' | 'down', pos: Int32Array, key: Float64Array): void {
  for (const s of row) {
    const nb = slots[s][dir];
    if (nb.length === 0) key[s] = pos[s];
    else {
      let sum = 0;
      for (const t of nb) sum += pos[t];
      key[s] = sum / nb.length;
    }
  }
  row.sort((a, b) => key[a] - key[b] || pos[a] - pos[b]);
  row.forEach((s, i) => (pos[s] = i));
}

/** Crossing reduction: barycentric down and up sweeps from `start`, keeping the order with the fewest crossings; stops at 0 crossings or after 3 sweeps without gain. */
export function reduceCrossings(slots: readonly Slot[], start: readonly number[][], iterations: number): { order: number[][]; crossings: number } {
  const layers = start.length;
  const byLayer = start.map((r) => [...r]);
  const pos = positions(byLayer, slots.length);
  const key = new Float64Array(slots.length);
  let best = countCrossings(slots, byLayer, pos);
  let bestOrder = byLayer.map((r) => [...r]);
  let stale = 0;
  for (let it = 0; it < iterations && best > 0 && stale < 3; it++) {
    const before = best;
    for (const dir of ['up', 'down'] as const) {
      if (dir === 'up') for (let l = 1; l < layers; l++) sortByBarycentre(slots, byLayer[l], 'up', pos, key);
      else for (let l = layers - 2; l >= 0; l--) sortByBarycentre(slots, byLayer[l], 'down', pos, key);
      const c = countCrossings(slots, byLayer, pos);
      if (c < best) {
        best = c;
        bestOrder = byLayer.map((r) => [...r]);
      }
    }
    stale = best < before ? 0 : stale + 1;
  }
  return { order: bestOrder, crossings: best };
}
