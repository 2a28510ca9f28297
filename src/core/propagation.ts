/**
 * Slip propagation: for each project whose forecast end is later than its
 * baseline end (slip > 0), which downstream projects its slip puts at risk,
 * transitively, and by how many days.
 *
 * The model (documented in the README):
 * - A slip of `s` days moved the upstream's end `s` days later. A dependent
 *   whose need is compared with that end (finish-to-start, finish-to-finish;
 *   not start-to-start, which compares starts) is hit by the part of the
 *   slip its slack could not absorb: with the recorded gap `g` (upstream date
 *   − date needed, see graph.ts), the gap before the slip was `g − s`, so the
 *   delay is `clamp(g, 0, s)` days.
 * - A dependent delayed by `d` days moves as a whole (start and end), so each
 *   of its own dependents, with recorded gap `g`, is delayed by
 *   `clamp(g + d, 0, d)` days, whatever the dependency type.
 * - When several paths reach a project, the largest delay wins.
 *
 * Cost: one topological order of the whole graph, then for each slipped
 * project only the projects its slip actually delays (k log k for k delayed
 * projects; the rest of its downstream is never visited), so linear in
 * records + edges in practice. Cycles (an error in `check`) never
 * make it loop: projects on a cycle get no topological position and are
 * skipped.
 */
import type { DependencyEdge, SlipRisk } from './model.ts';
import { compareCodeUnits as byId } from './format.ts';

export interface SlipPropagation {
  /** Per slipped project: the downstream projects at risk, by days descending then id. */
  atRisk: Map<string, SlipRisk[]>;
  /** Per project at risk: the slipped upstream projects that put it there, same order. */
  riskFrom: Map<string, SlipRisk[]>;
}

const order = (a: SlipRisk, b: SlipRisk) => b.days - a.days || byId(a.id, b.id);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Projects in topological order (upstream first); projects on cycles are left out. */
export function topologicalOrder(ids: readonly string[], edges: readonly DependencyEdge[]): string[] {
  const indeg = new Map<string, number>(ids.map((id) => [id, 0]));
  const down = new Map<string, string[]>();
  for (const e of edges) {
    if (!indeg.has(e.from) || !indeg.has(e.on)) continue;
    indeg.set(e.from, indeg.get(e.from)! + 1);
    const l = down.get(e.on);
    if (l) l.push(e.from);
    else down.set(e.on, [e.from]);
  }
  const queue = [...ids].filter((id) => indeg.get(id) === 0).sort(byId);
  for (let i = 0; i < queue.length; i++) {
    for (const d of down.get(queue[i]) ?? []) {
      const n = indeg.get(d)! - 1;
      indeg.set(d, n);
      if (n === 0) queue.push(d);
    }
  }
  return queue;
}

/** A min-heap of project ids by topological position; ids without a position (on a cycle) and ids already queued are ignored. */
class PositionHeap {
  private readonly items: string[] = [];
  private readonly queued = new Set<string>();
  private readonly position: ReadonlyMap<string, number>;
  constructor(position: ReadonlyMap<string, number>) {
    this.position = position;
  }
  push(id: string): void {
    const p = this.position.get(id);
    if (p === undefined || this.queued.has(id)) return;
    this.queued.add(id);
    const a = this.items;
    a.push(id);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.position.get(a[parent])! <= p) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = id;
  }
  pop(): string | undefined {
    const a = this.items;
    const top = a[0];
    if (top === undefined) return undefined;
    this.queued.delete(top);
    const last = a.pop()!;
    if (a.length > 0) {
      const p = this.position.get(last)!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= a.length) break;
        if (c + 1 < a.length && this.position.get(a[c + 1])! < this.position.get(a[c])!) c++;
        if (this.position.get(a[c])! >= p) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * @param slips slip days per project (only entries > 0 are sources)
 * @param edges the dependency edges (from = dependent, on = upstream)
 */
export function propagateSlips(ids: readonly string[], slips: ReadonlyMap<string, number | undefined>, edges: readonly DependencyEdge[]): SlipPropagation {
  const topo = topologicalOrder(ids, edges);
  const position = new Map(topo.map((id, i) => [id, i]));
  const dependents = new Map<string, DependencyEdge[]>();
  for (const e of edges) {
    const l = dependents.get(e.on);
    if (l) l.push(e);
    else dependents.set(e.on, [e]);
  }
  const atRisk = new Map<string, SlipRisk[]>();
  const riskFrom = new Map<string, SlipRisk[]>();
  for (const source of [...ids].sort(byId)) {
    const s = slips.get(source);
    if (s === undefined || s <= 0 || !position.has(source)) continue;
    // Delay per reached project, and the upstream it came through.
    const delay = new Map<string, { days: number; via: string }>();
    // First hop: only edges compared with the source's end.
    for (const e of dependents.get(source) ?? []) {
      if (e.type === 'start-to-start' || e.gapDays === undefined || e.from === source) continue;
      const d = clamp(e.gapDays, 0, s);
      if (d > 0 && d > (delay.get(e.from)?.days ?? 0)) delay.set(e.from, { days: d, via: source });
    }
    // Onward from the delayed projects only, in topological order: a min-heap
    // on topological position, so a project is expanded after every upstream
    // that can delay it, and projects the delay never reaches are never
    // visited (cost: delayed projects × log, not everything downstream).
    const heap = new PositionHeap(position);
    for (const id of delay.keys()) heap.push(id);
    for (let id = heap.pop(); id !== undefined; id = heap.pop()) {
      const here = delay.get(id)!;
      for (const e of dependents.get(id) ?? []) {
        if (e.gapDays === undefined || e.from === source) continue;
        const d = clamp(e.gapDays + here.days, 0, here.days);
        if (d > 0 && d > (delay.get(e.from)?.days ?? 0)) {
          delay.set(e.from, { days: d, via: id });
          heap.push(e.from);
        }
      }
    }
    if (delay.size === 0) continue;
    const list: SlipRisk[] = [...delay].map(([id, v]) => ({ id, days: v.days, via: v.via })).sort(order);
    atRisk.set(source, list);
    for (const r of list) {
      const l = riskFrom.get(r.id);
      const entry = { id: source, days: r.days, via: r.via };
      if (l) l.push(entry);
      else riskFrom.set(r.id, [entry]);
    }
  }
  for (const l of riskFrom.values()) l.sort(order);
  return { atRisk, riskFrom };
}
