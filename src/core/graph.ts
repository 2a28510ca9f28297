/**
 * Dependencies between projects: edges with the date each is needed and the
 * upstream date it is compared with, conflicts, tight edges and the critical
 * chain. Every walk keeps a visited set, so a cycle (which validation reports
 * separately) never makes it loop.
 */
import { dayToIso, endDay, startDay, type Day } from './dates.ts';
import type { Project } from './schema.ts';
import type { Conflict, DependencyEdge } from './model.ts';
import { compareCodeUnits as byId } from './format.ts';

type DepType = DependencyEdge['type'];

export interface GraphProject {
  id: string;
  record: Pick<Project, 'start' | 'end' | 'milestones' | 'dependencies'>;
}


/**
 * When the dependent needs the upstream, and what for. `need_by` overrides
 * the default for every dependency type: the named milestone's date (its
 * last day) is the date needed. Without `need_by`: finish-to-start and
 * start-to-start need it by the dependent's start, finish-to-finish by its end.
 * An unknown milestone name or a missing date gives no date.
 */
export function neededDate(
  p: GraphProject['record'],
  type: DepType,
  needBy: string | undefined,
  fy: number,
): { day?: Day; neededFor: string } {
  if (needBy !== undefined) {
    const m = p.milestones?.find((x) => x.name === needBy);
    return { day: m ? endDay(m.date, fy) : undefined, neededFor: needBy };
  }
  if (type === 'finish-to-finish') return { day: p.end !== undefined ? endDay(p.end, fy) : undefined, neededFor: 'end' };
  return { day: p.start !== undefined ? startDay(p.start, fy) : undefined, neededFor: 'start' };
}

/** The upstream date compared: its start for start-to-start, else its end. */
export function upstreamDate(u: GraphProject['record'], type: DepType, fy: number): Day | undefined {
  if (type === 'start-to-start') return u.start !== undefined ? startDay(u.start, fy) : undefined;
  return u.end !== undefined ? endDay(u.end, fy) : undefined;
}

export interface EdgeBuild {
  edge: DependencyEdge;
  /** What the needed date is for (`start`, `end` or the milestone name). */
  neededFor: string;
}

/**
 * One edge per dependency whose `on` is among `projects`; others are dropped
 * silently (validation reports unknown ids). Sorted by dependent, then
 * upstream, then order in the record. Edges come out with `critical: false`.
 */
export function buildEdges(projects: readonly GraphProject[], fy: number): EdgeBuild[] {
  const index = new Map(projects.map((p) => [p.id, p]));
  const out: (EdgeBuild & { n: number })[] = [];
  for (const p of projects) {
    (p.record.dependencies ?? []).forEach((d, n) => {
      const u = index.get(d.on);
      if (!u) return;
      const type: DepType = d.type ?? 'finish-to-start';
      const needed = neededDate(p.record, type, d.need_by, fy);
      const up = upstreamDate(u.record, type, fy);
      const gap = needed.day !== undefined && up !== undefined ? up - needed.day : undefined;
      const edge: DependencyEdge = {
        from: p.id,
        on: u.id,
        kind: d.kind ?? 'other',
        type,
        needBy: d.need_by,
        note: d.note,
        needed: needed.day !== undefined ? dayToIso(needed.day) : undefined,
        upstreamDate: up !== undefined ? dayToIso(up) : undefined,
        gapDays: gap,
        tight: gap !== undefined && gap >= 0,
        conflict: gap !== undefined && gap > 0,
        critical: false,
      };
      out.push({ edge, neededFor: needed.neededFor, n });
    });
  }
  out.sort((a, b) => byId(a.edge.from, b.edge.from) || byId(a.edge.on, b.edge.on) || a.n - b.n);
  return out.map(({ edge, neededFor }) => ({ edge, neededFor }));
}

/** The conflict an edge stands for, when the upstream date is after the date needed. */
export function conflictOf(e: EdgeBuild): Conflict | undefined {
  const { edge } = e;
  if (!edge.conflict) return undefined;
  return {
    on: edge.on,
    type: edge.type,
    needed: edge.needed!,
    neededFor: e.neededFor,
    upstream: edge.upstreamDate!,
    days: edge.gapDays!,
  };
}

/** Connected components (undirected) of the projects that have at least one edge. */
export function components(edges: readonly DependencyEdge[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const e of edges) {
    for (const id of [e.from, e.on]) if (!parent.has(id)) parent.set(id, id);
    const a = find(e.from);
    const b = find(e.on);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const id of [...parent.keys()].sort(byId)) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

/**
 * The critical chain. In each connected group, start at the project(s) with
 * the latest end (projects without an end are ignored; a group where none
 * has an end has nothing critical) and walk upstream along tight
 * finish-to-start edges. Returns the critical project ids and edges; does not
 * modify the edges.
 */
export function criticalChain(
  edges: readonly DependencyEdge[],
  endOf: (id: string) => Day | undefined,
): { projects: Set<string>; edges: Set<DependencyEdge> } {
  const outgoing = new Map<string, DependencyEdge[]>();
  for (const e of edges) {
    const list = outgoing.get(e.from);
    if (list) list.push(e);
    else outgoing.set(e.from, [e]);
  }
  const projects = new Set<string>();
  const critical = new Set<DependencyEdge>();
  for (const group of components(edges)) {
    let latest: Day | undefined;
    for (const id of group) {
      const end = endOf(id);
      if (end !== undefined && (latest === undefined || end > latest)) latest = end;
    }
    if (latest === undefined) continue;
    const queue = group.filter((id) => endOf(id) === latest);
    for (const id of queue) projects.add(id);
    for (let i = 0; i < queue.length; i++) {
      for (const e of outgoing.get(queue[i]) ?? []) {
        if (!e.tight || e.type !== 'finish-to-start') continue;
        critical.add(e);
        if (!projects.has(e.on)) {
          projects.add(e.on);
          queue.push(e.on);
        }
      }
    }
  }
  return { projects, edges: critical };
}

export interface DependencyAnalysis {
  /** All edges, sorted, with `critical` set. */
  edges: DependencyEdge[];
  critical: Set<string>;
  conflicts: Map<string, Conflict[]>;
  dependsOn: Map<string, DependencyEdge[]>;
  dependents: Map<string, DependencyEdge[]>;
}

/** Edges, conflicts and the critical chain of a set of projects. */
export function analyzeDependencies(projects: readonly GraphProject[], fy: number): DependencyAnalysis {
  const built = buildEdges(projects, fy);
  const ends = new Map(projects.map((p) => [p.id, p.record.end !== undefined ? endDay(p.record.end, fy) : undefined]));
  const chain = criticalChain(
    built.map((b) => b.edge),
    (id) => ends.get(id),
  );
  const edges: DependencyEdge[] = [];
  const conflicts = new Map<string, Conflict[]>();
  const dependsOn = new Map<string, DependencyEdge[]>();
  const dependents = new Map<string, DependencyEdge[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const b of built) {
    const edge = { ...b.edge, critical: chain.edges.has(b.edge) };
    edges.push(edge);
    push(dependsOn, edge.from, edge);
    push(dependents, edge.on, edge);
    const c = conflictOf(b);
    if (c) push(conflicts, edge.from, c);
  }
  // dependents: sorted by the dependent's id (edges are sorted by from, so they already are).
  return { edges, critical: chain.projects, conflicts, dependsOn, dependents };
}
