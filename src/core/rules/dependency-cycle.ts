/**
 * Dependencies must not form a cycle. Each elementary cycle is reported once,
 * printed from its smallest id (`a → b → c → a`) and located at the first
 * project's dependency entry that starts the cycle. Strongly connected
 * components are found first (Tarjan, iterative), so the search is linear on
 * acyclic portfolios; enumerating cycles inside a component is capped.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { dependencyEntries, diagnostic } from './context.ts';

const MAX_CYCLES = 100;
const MAX_STEPS = 200_000;

/** Strongly connected components with more than one node, each sorted. */
export function stronglyConnected(nodes: string[], adj: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const next = adj.get(frame.node) ?? [];
      if (frame.i < next.length) {
        const w = next[frame.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.node);
        if (comp.length > 1) out.push(comp.sort());
      }
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Elementary cycles within one component, each starting (and ending) at its smallest id. */
function cyclesIn(comp: string[], adj: Map<string, string[]>, budget: { steps: number; cycles: number }): string[][] {
  const members = new Set(comp);
  const found: string[][] = [];
  for (const s of comp) {
    const path = [s];
    const onPath = new Set([s]);
    const work: { node: string; i: number }[] = [{ node: s, i: 0 }];
    while (work.length > 0) {
      if (budget.steps <= 0 || budget.cycles <= 0) return found;
      const frame = work[work.length - 1];
      const next = adj.get(frame.node) ?? [];
      if (frame.i >= next.length) {
        work.pop();
        onPath.delete(frame.node);
        path.pop();
        continue;
      }
      const w = next[frame.i++];
      budget.steps--;
      if (w === s) {
        found.push([...path, s]);
        budget.cycles--;
      } else if (w > s && members.has(w) && !onPath.has(w)) {
        path.push(w);
        onPath.add(w);
        work.push({ node: w, i: 0 });
      }
    }
  }
  return found;
}

/** Shortest cycle through `s` (breadth first); a component always has one. */
function shortestCycle(s: string, comp: string[], adj: Map<string, string[]>): string[] {
  const members = new Set(comp);
  const prev = new Map<string, string>();
  const queue = [s];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of adj.get(v) ?? []) {
      if (w === s) {
        const path = [v];
        while (path[0] !== s) path.unshift(prev.get(path[0])!);
        return [...path, s];
      }
      if (members.has(w) && !prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [s, s];
}

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  description: 'Project dependencies must not form a cycle; the cycle is printed a → b → c → a.',
  check(ctx: LoadContext) {
    const projects = ctx.byId.projects;
    const adj = new Map<string, string[]>();
    for (const [id, r] of projects) {
      if (!r.raw) continue;
      const targets = new Set<string>();
      for (const d of dependencyEntries(r)) if (d.on !== id && projects.has(d.on)) targets.add(d.on);
      if (targets.size > 0) adj.set(id, [...targets].sort());
    }
    const nodes = [...adj.keys()].sort();
    const budget = { steps: MAX_STEPS, cycles: MAX_CYCLES };
    const out: Diagnostic[] = [];
    for (const comp of stronglyConnected(nodes, adj)) {
      let cycles = cyclesIn(comp, adj, budget);
      if (cycles.length === 0) cycles = [shortestCycle(comp[0], comp, adj)];
      for (const cycle of cycles) {
        const r = projects.get(cycle[0])!;
        const entry = dependencyEntries(r).find((d) => d.on === cycle[1]);
        const path = entry ? ['dependencies', entry.index] : ['dependencies'];
        out.push(diagnostic(r, path, 'dependency-cycle', `dependency cycle: ${cycle.join(' → ')}`));
      }
    }
    return out;
  },
};
