import { describe, expect, it } from 'vitest';
import { DAG_DEFAULTS, layoutDag, type DagEdgeIn, type DagLayout } from '../../src/charts/dag.ts';

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const e = (from: string, to: string): DagEdgeIn => ({ from, to });

/** Every edge segment either runs inside the gap between two columns or straight across a column clear of its nodes. */
function assertEdgesAvoidNodes(l: DagLayout) {
  const w = DAG_DEFAULTS.nodeWidth;
  for (const edge of l.edges) {
    for (let k = 0; k + 1 < edge.points.length; k++) {
      const [[x1, y1], [x2, y2]] = [edge.points[k], edge.points[k + 1]];
      const lo = Math.min(x1, x2);
      const hi = Math.max(x1, x2);
      for (const n of l.nodes) {
        const overlapsX = lo < n.x + w && hi > n.x;
        if (!overlapsX) continue;
        // Only a straight run across the node's own column may overlap it in x, and then it must be clear in y.
        expect(y1).toBe(y2);
        expect(lo).toBe(n.x);
        expect(hi).toBe(n.x + w);
        expect(y1 < n.y || y1 > n.y + n.height).toBe(true);
      }
    }
  }
}

describe('layoutDag', () => {
  it('chain: one node per column, left to right, straight edges', () => {
    const l = layoutDag(nodes('a', 'b', 'c'), [e('a', 'b'), e('b', 'c')]);
    expect(l.nodes.map((n) => [n.id, n.layer, n.x, n.y])).toEqual([
      ['a', 0, 8, 8],
      ['b', 1, 252, 8],
      ['c', 2, 496, 8],
    ]);
    expect(l.edges[0].points).toEqual([
      [188, 28],
      [252, 28],
    ]);
    expect([l.width, l.height, l.layers, l.crossings, l.dummies]).toEqual([684, 56, 3, 0, 0]);
  });

  it('diamond: two middle nodes stacked, the ends centred between them', () => {
    const l = layoutDag(nodes('a', 'b', 'c', 'd'), [e('a', 'b'), e('a', 'c'), e('b', 'd'), e('c', 'd')]);
    const at = Object.fromEntries(l.nodes.map((n) => [n.id, n]));
    expect([at.b.layer, at.c.layer, at.d.layer]).toEqual([1, 1, 2]);
    expect(at.c.y - at.b.y).toBe(56); // height 40 + gap 16
    expect(at.a.y).toBe((at.b.y + at.c.y) / 2);
    expect(at.d.y).toBe(at.a.y);
    expect(l.crossings).toBe(0);
  });

  it('long edges get dummies and avoid the nodes of the columns they cross', () => {
    const l = layoutDag(nodes('a', 'b', 'c', 'd', 'x'), [e('a', 'b'), e('b', 'c'), e('c', 'd'), e('a', 'd'), e('x', 'c')]);
    expect(l.dummies).toBe(2);
    const long = l.edges.find((x) => x.from === 'a' && x.to === 'd')!;
    expect(long.points).toHaveLength(6);
    assertEdgesAvoidNodes(l);
  });

  it('crossing reduction untangles a bipartite graph given in a crossing order', () => {
    const l = layoutDag(nodes('a1', 'a2', 'a3', 'b3', 'b2', 'b1'), [e('a1', 'b1'), e('a2', 'b2'), e('a3', 'b3')]);
    expect(l.crossings).toBe(0);
  });

  it('fan-in and fan-out keep ports spread over the node side', () => {
    const l = layoutDag(nodes('hub', 'x', 'y', 'z'), [e('hub', 'x'), e('hub', 'y'), e('hub', 'z')]);
    const starts = l.edges.map((x) => x.points[0][1]);
    expect(new Set(starts).size).toBe(3);
    const hub = l.nodes[0];
    for (const y of starts) expect(y > hub.y && y < hub.y + hub.height).toBe(true);
  });

  it('disconnected parts, duplicates and self-loops', () => {
    const l = layoutDag(nodes('a', 'b', 'c'), [e('a', 'b'), e('a', 'b'), e('c', 'c'), e('a', 'nope')]);
    expect(l.edges).toHaveLength(1);
    expect(l.nodes.find((n) => n.id === 'c')!.layer).toBe(0);
    expect(layoutDag([], [])).toMatchObject({ nodes: [], edges: [], layers: 0 });
  });

  it('cycles are broken, not looped on', () => {
    const l = layoutDag(nodes('a', 'b', 'c'), [e('a', 'b'), e('b', 'c'), e('c', 'a')]);
    expect(l.edges.filter((x) => x.reversed).map((x) => `${x.from}>${x.to}`)).toEqual(['c>a']);
    assertEdgesAvoidNodes(l);
  });

  it('is deterministic', () => {
    const g = [nodes('a', 'b', 'c', 'd', 'e'), [e('a', 'c'), e('b', 'c'), e('c', 'e'), e('a', 'e'), e('d', 'e')]] as const;
    expect(JSON.stringify(layoutDag(...g))).toBe(JSON.stringify(layoutDag(...g)));
  });

  // Timings are logged for the report; the limits leave room for a loaded CI machine.
  const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ids = Array.from({ length: 2000 }, (_, i) => `p${i}`);

  it('2,000 nodes / 3,000 edges, portfolio-like (10 delivery waves): fast, edges clear of nodes', () => {
    const rand = seeded(7);
    const edges: DagEdgeIn[] = [];
    while (edges.length < 3000) {
      const a = Math.floor(rand() * 2000);
      const b = Math.floor(rand() * 2000);
      if (a % 10 < b % 10) edges.push(e(ids[a], ids[b]));
    }
    const l = layoutDag(nodes(...ids), edges);
    expect(l.layers).toBeLessThanOrEqual(10);
    assertEdgesAvoidNodes({ ...l, nodes: l.nodes.filter((n) => n.layer === 5) });
  });

  it('2,000 nodes / 3,000 edges, long chains (worst case for dummies): still bounded', () => {
    const rand = seeded(42);
    const edges: DagEdgeIn[] = [];
    while (edges.length < 3000) {
      const a = Math.floor(rand() * 1990);
      const b = a + 1 + Math.floor(rand() * rand() * 60);
      if (b < 2000) edges.push(e(ids[a], ids[b]));
    }
    const l = layoutDag(nodes(...ids), edges);
    expect(l.nodes).toHaveLength(2000);
    assertEdgesAvoidNodes({ ...l, nodes: l.nodes.filter((n) => n.layer === Math.floor(l.layers / 2)) });
  }, 30000);
});
