/**
 * Dependency page data computed once per model (memoised), so the per-program
 * pages do not each scan every edge.
 */
import type { DependencyEdge, PortfolioModel } from '../../core/model.ts';
import { DIAGRAM_LIMIT, NO_PROGRAM, connectedProjects, crossProgramEdges, programGroups, type ProgramGroup } from '../../charts/dag-view.ts';

export interface DependencyPages {
  /** True when one diagram would be unreadable: draw per program plus cross-program edges. */
  split: boolean;
  connected: number;
  groups: ProgramGroup[];
  /** Route key (program id or NO_PROGRAM) → edges with at least one end in it. */
  edgesByProgram: Map<string, DependencyEdge[]>;
  cross: DependencyEdge[];
}

const cache = new WeakMap<PortfolioModel, DependencyPages>();

export function dependencyPages(model: PortfolioModel): DependencyPages {
  let d = cache.get(model);
  if (d) return d;
  const key = (id: string) => model.byId.projects.get(id)?.record.program || NO_PROGRAM;
  const edgesByProgram = new Map<string, DependencyEdge[]>();
  const add = (k: string, e: DependencyEdge) => {
    const l = edgesByProgram.get(k);
    if (l) l.push(e);
    else edgesByProgram.set(k, [e]);
  };
  for (const e of model.edges) {
    add(key(e.from), e);
    if (key(e.on) !== key(e.from)) add(key(e.on), e);
  }
  const connected = connectedProjects(model).length;
  d = { split: connected > DIAGRAM_LIMIT, connected, groups: programGroups(model), edgesByProgram, cross: crossProgramEdges(model) };
  cache.set(model, d);
  return d;
}
