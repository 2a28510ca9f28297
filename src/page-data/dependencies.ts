/**
 * Page data for /dependencies/ and /dependencies/programs/[id]/: what each
 * page shows, from the model and the dependency charts.
 */
import { DIAGRAM_LIMIT, NO_PROGRAM, connectedProjects, crossProgramEdges, portfolioDiagram, programDiagram, programGroups, programOverviewDiagram, type Diagram, type ProgramGroup } from '../charts/dag-view.ts';
import { compareCodeUnits } from '../core/format.ts';
import { components } from '../core/graph.ts';
import type { DependencyEdge, PortfolioModel, ProgramView, ProjectView, SlipRisk } from '../core/model.ts';
import { capList, type Capped } from './paging.ts';
import { onThisPage, presentSections, type PageSection } from './sections.ts';
import { likelyConflicts } from './forecast.ts';

/** How many projects at risk a row of "where slips will hurt" names; the project's page has them all. */
export const AT_RISK_CAP = 10;

/** A dependency table's order: conflicts first (most days late first), then the critical chain, then the rest; each group by dependent, then upstream. */
export function dependencyTableOrder(edges: readonly DependencyEdge[]): DependencyEdge[] {
  const rank = (e: DependencyEdge) => (e.conflict ? 0 : e.critical ? 1 : 2);
  return edges.toSorted((a, b) => rank(a) - rank(b) || (b.conflict ? b.gapDays! - a.gapDays! : 0) || compareCodeUnits(a.from, b.from) || compareCodeUnits(a.on, b.on));
}

export interface DependencyGroups {
  /** True when one diagram would be unreadable: draw per program plus cross-program edges. */
  split: boolean;
  connected: number;
  groups: ProgramGroup[];
  /** Route key (program id or NO_PROGRAM) → edges with at least one end in it. */
  edgesByProgram: Map<string, DependencyEdge[]>;
  cross: DependencyEdge[];
}

/** How the dependencies split into program pages; computed once per build by the pipeline. */
export function dependencyGroups(model: PortfolioModel): DependencyGroups {
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
  return { split: connected > DIAGRAM_LIMIT, connected, groups: programGroups(model), edgesByProgram, cross: crossProgramEdges(model) };
}

/** The critical chains (projects linked by critical edges), each upstream first (by end date), longest chain first. */
export function criticalChains(model: PortfolioModel): ProjectView[][] {
  const critical = model.projects.filter((p) => p.critical);
  const linked = components(model.edges.filter((e) => e.critical));
  const inChain = new Set(linked.flat());
  const groups = [...linked, ...critical.filter((p) => !inChain.has(p.id)).map((p) => [p.id])];
  return groups
    .map((ids) =>
      ids.map((id) => model.byId.projects.get(id)!).toSorted((a, b) => (a.endDay ?? Infinity) - (b.endDay ?? Infinity) || compareCodeUnits(a.id, b.id)),
    )
    .toSorted((a, b) => b.length - a.length || compareCodeUnits(a[0].id, b[0].id));
}

export interface DependenciesPage {
  groups: DependencyGroups;
  edges: DependencyEdge[];
  /** Most days late first; the rest on /projects/list/conflicts/. */
  conflicts: Capped<DependencyEdge>;
  criticalCount: number;
  /** Longest chain first; the rest are on the project pages (each marks its critical chain). */
  chains: Capped<ProjectView[]>;
  /** Slipped projects that put others at risk, most at risk first (each naming the first AT_RISK_CAP); the rest on /projects/list/slipping/. */
  slipping: Capped<{ p: ProjectView; atRisk: Capped<SlipRisk> }>;
  diagram: Diagram;
  /** The rows of the table after the lists (table order); when split, the first LIST_CAP, the rest on the program pages. */
  tableEdges: Capped<DependencyEdge>;
  diagramLimit: number;
  /** Confidence ranges: dependencies on time as typed but delivered by their need-by date in fewer than `below` of the runs; absent without a forecast. */
  likely?: ReturnType<typeof likelyConflicts>;
  /** The page's sections by key (absent when left out), in page order as a list, and its "On this page" list. */
  section: Partial<Record<'diagram' | 'conflicts' | 'likely' | 'critical' | 'slips' | 'table', PageSection>>;
  sections: PageSection[];
  onThisPage?: PageSection[];
}

export function dependenciesPage(model: PortfolioModel, groups: DependencyGroups): DependenciesPage {
  const conflicts = model.edges
    .filter((e) => e.conflict)
    .toSorted((a, b) => b.gapDays! - a.gapDays! || compareCodeUnits(a.from, b.from) || compareCodeUnits(a.on, b.on));
  const slipping = model.projects
    .filter((p) => (p.slipPropagation?.atRisk.length ?? 0) > 0)
    .toSorted((a, b) => b.slipPropagation!.atRisk.length - a.slipPropagation!.atRisk.length || compareCodeUnits(a.id, b.id));
  const criticalCount = model.projects.filter((p) => p.critical).length;
  const likely = likelyConflicts(model);
  const section = {
    diagram: { id: 'diagram', title: groups.split ? 'Programs and the dependencies between them' : 'Dependency diagram' },
    conflicts: conflicts.length > 0 ? { id: 'conflicts', title: 'Conflicts' } : undefined,
    likely: (likely?.edges.total ?? 0) > 0 ? { id: 'likely-conflicts', title: 'Likely conflicts' } : undefined,
    critical: criticalCount > 0 ? { id: 'critical', title: 'Critical chain' } : undefined,
    slips: slipping.length > 0 ? { id: 'slips', title: 'Where slips will hurt' } : undefined,
    table: { id: 'table', title: groups.split ? 'Dependencies between programs' : 'All dependencies' },
  };
  const sections = model.edges.length > 0 ? presentSections([section.diagram, section.conflicts, section.likely, section.critical, section.slips, section.table]) : [];
  return {
    groups,
    edges: model.edges,
    conflicts: capList(conflicts),
    ...(likely ? { likely } : {}),
    criticalCount,
    chains: capList(criticalChains(model), 20),
    slipping: capList(slipping.map((p) => ({ p, atRisk: capList(p.slipPropagation!.atRisk, AT_RISK_CAP) }))),
    diagram: groups.split ? programOverviewDiagram(model) : portfolioDiagram(model),
    // One diagram (not split) means few dependencies: the table shows them all.
    tableEdges: groups.split ? capList(dependencyTableOrder(groups.cross)) : capList(dependencyTableOrder(model.edges), Infinity),
    diagramLimit: DIAGRAM_LIMIT,
    section,
    sections,
    onThisPage: onThisPage(sections),
  };
}

/** The route keys of the per-program pages (none when one diagram fits). */
export function programDependencyKeys(groups: DependencyGroups): string[] {
  return groups.split ? groups.groups.map((g) => g.program || NO_PROGRAM) : [];
}

export interface ProgramDependenciesPage {
  group: ProgramGroup;
  program?: ProgramView;
  /** In table order. */
  edges: DependencyEdge[];
  diagram: Diagram;
}

export function programDependenciesPage(model: PortfolioModel, groups: DependencyGroups, key: string): ProgramDependenciesPage {
  const group = groups.groups.find((g) => (g.program || NO_PROGRAM) === key);
  if (!group) throw new Error(`no dependency page for program "${key}"`);
  const edges = groups.edgesByProgram.get(key) ?? [];
  return { group, program: group.program ? model.byId.programs.get(group.program) : undefined, edges: dependencyTableOrder(edges), diagram: programDiagram(model, group.program, edges) };
}
