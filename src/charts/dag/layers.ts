/** Steps 1–2 of the DAG layout: clean edges, break cycles, assign layers. */

/** An input edge between two known nodes, by index and by id. */
export interface IndexedEdge {
  u: number;
  v: number;
  from: string;
  to: string;
}

/** Unique edges between distinct known nodes, in input order: duplicates, self-loops and dangling ends would add nothing drawable. */
export function uniqueEdges(ids: readonly string[], edgesIn: readonly { from: string; to: string }[]): IndexedEdge[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const seen = new Set<string>();
  const edges: IndexedEdge[] = [];
  for (const e of edgesIn) {
    const u = index.get(e.from);
    const v = index.get(e.to);
    if (u === undefined || v === undefined || u === v) continue;
    const key = `${u} ${v}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ u, v, from: e.from, to: e.to });
  }
  return edges;
}

/** Which edges to reverse so the graph has no cycle: the back edges of an iterative depth-first search from each node in input order (a cycle is a `check` error, but the layout must not hang). */
export function backEdges(n: number, edges: readonly { u: number; v: number }[]): boolean[] {
  const out: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => out[e.u].push(i));
  const reversed = new Array<boolean>(edges.length).fill(false);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  for (let r = 0; r < n; r++) {
    if (state[r]) continue;
    const stack: [number, number][] = [[r, 0]];
    state[r] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k < out[v].length) {
        top[1]++;
        const ei = out[v][k];
        const w = edges[ei].v;
        if (state[w] === 1) reversed[ei] = true;
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  return reversed;
}

/** Successor and predecessor lists of the acyclic edges, in edge order, with each edge's minimum length in layers (1 unless given). */
export function adjacency(
  n: number,
  dag: readonly { u: number; v: number; minLength?: number }[],
): { succ: number[][]; pred: number[][]; succLen: number[][]; predLen: number[][] } {
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  const succLen: number[][] = Array.from({ length: n }, () => []);
  const predLen: number[][] = Array.from({ length: n }, () => []);
  for (const e of dag) {
    succ[e.u].push(e.v);
    pred[e.v].push(e.u);
    succLen[e.u].push(e.minLength ?? 1);
    predLen[e.v].push(e.minLength ?? 1);
  }
  return { succ, pred, succLen, predLen };
}

/** Layer of each node: longest path from the sources (an edge spans at least its minimum length), then each source pulled right next to its nearest successor (shorter edges, fewer dummies). */
export function assignLayers(succ: readonly number[][], pred: readonly number[][], succLen?: readonly number[][]): { layer: Int32Array; layers: number } {
  const len = (v: number, k: number) => succLen?.[v][k] ?? 1;
  const n = succ.length;
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) indeg[v] = pred[v].length;
  const layer = new Int32Array(n);
  const topo: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) topo.push(i);
  for (let i = 0; i < topo.length; i++) {
    for (const [k, w] of succ[topo[i]].entries()) {
      layer[w] = Math.max(layer[w], layer[topo[i]] + len(topo[i], k));
      if (--indeg[w] === 0) topo.push(w);
    }
  }
  for (let i = topo.length - 1; i >= 0; i--) {
    const v = topo[i];
    if (pred[v].length === 0 && succ[v].length > 0) layer[v] = Math.min(...succ[v].map((w, k) => layer[w] - len(v, k)));
  }
  let layers = 0;
  for (let i = 0; i < n; i++) layers = Math.max(layers, layer[i] + 1);
  if (n === 0) layers = 0;
  return { layer, layers };
}
