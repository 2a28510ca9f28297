/**
 * Dependency diagrams as view models: which projects and edges a diagram
 * shows (the whole portfolio, one program with its cross-program
 * neighbours, one project's neighbourhood, or the programs themselves), laid
 * out by `layoutDag`, with path strings (d3), styles, legend entries and the
 * Mermaid source. Components render these as SVG; no markup is built here.
 *
 * Arrows point from the upstream project to the one that waits on it.
 */
import { curveBumpX, line } from 'd3';
import type { DependencyEdge, PortfolioModel, ProjectView } from '../core/model.ts';
import { formatDate, humanize, compareCodeUnits as byId } from '../core/format.ts';
import { toMermaid, type MermaidEdge, type MermaidNode } from '../core/mermaid.ts';
import { layoutDag } from './dag.ts';
import { round } from './time-scale.ts';
import { LABEL_ROOM, NODE_PAD, nodeText, placeLabels, type NodeText } from './dag/labels.ts';
import { titleOf } from '../core/model.ts';

/** Above this many projects one diagram is unreadable: show it per program plus the cross-program edges. */
export const DIAGRAM_LIMIT = 150;

/** Route key of the projects in no program (record ids never start with `_`). */
export const NO_PROGRAM = '_none';

import { DEPENDENCY_KINDS, DEPENDENCY_TYPES } from '../core/schema.ts';
/** Dash pattern per dependency type (type is never shown by colour). */
export const TYPE_DASH: Record<string, string | undefined> = { 'finish-to-start': undefined, 'start-to-start': '7 4', 'finish-to-finish': '2 3' };

export type NodeHealth = 'green' | 'amber' | 'red' | 'none';

export interface DiagramNode {
  id: string;
  /** What the node links to: a project page, or a program's dependency diagram. */
  link: { to: 'project' | 'program-dependencies' | 'none'; id: string };
  x: number;
  y: number;
  width: number;
  height: number;
  /** Corner radius of the node's box. */
  rx: number;
  /** Visible lines, left-aligned at `textX`: the title wrapped to the box (cut with "…" after three lines, never for the focus project), then the subtitle (at most two lines); `y` is the baseline. */
  lines: { text: string; kind: 'title' | 'sub'; y: number }[];
  textX: number;
  /** The full text as a tooltip, only when the box cuts it; otherwise the box's own text names the link. */
  title?: string;
  health: NodeHealth;
  critical: boolean;
  /** In another program than the one the diagram is about. */
  external: boolean;
  /** The project the diagram is about (neighbourhood). */
  focus: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  d: string;
  /** Colour class: the dependency kind, or `conflict`. */
  tone: string;
  dash?: string;
  /** The dash's class (the page's CSS draws `dash` from it): `ss` start to start, `ff` finish to finish; none solid. */
  dashClass?: 'ss' | 'ff';
  strokeWidth: number;
  /** The arrowhead at the path's end (edges end level, into a box's left side), as its own path: no marker per tone in every diagram. */
  head: string;
  critical: boolean;
  conflict: boolean;
  /** What the edge's label says (days late, or a count in the program overview), drawn or not. */
  labelText?: string;
  /** Where the label is drawn (centre x, baseline y): clear of boxes, edges and other labels; absent when there was no room (then in `unplaced`). */
  label?: { x: number; y: number; text: string };
  /** Full description for the tooltip. */
  title: string;
}

export interface Diagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Edge tones in use, sorted. */
  tones: string[];
  /** Legend entries present in this diagram. */
  kinds: string[];
  types: string[];
  hasConflict: boolean;
  hasCritical: boolean;
  hasExternal: boolean;
  mermaid: string;
  /** Layout time in ms is not part of the view (determinism); counts are. */
  crossings: number;
  /** Edges whose label found no free place on the drawing, by their full description: listed under it. */
  unplaced: string[];
}

const NODE_W = 200;
const NODE_RX = 5;
/** Title lines a box shows before it cuts the title with "…" (the focus project's box grows to its whole title). */
export const TITLE_LINES = 3;

// Edge strokes: thick for conflicts and the critical chain.
const EDGE_THICK = 3;
const EDGE_THIN = 1.5;


/** Arrowhead: a triangle 9 wide and 9 high pointing right, its tip 0.9 past the path's end (as the marker it replaces drew it). */
export const ARROW = { length: 9, half: 4.5, overshoot: 0.9 } as const;
const DASH_CLASS: Record<string, 'ss' | 'ff' | undefined> = { 'start-to-start': 'ss', 'finish-to-finish': 'ff' };

/** The arrowhead's path for an edge ending level at (x, y): heading right, or left (`dir` -1) for an edge reversed to break a cycle. */
export function arrowHead(x: number, y: number, dir: 1 | -1 = 1): string {
  const l = dir * ARROW.length;
  return `M${round(x + dir * ARROW.overshoot - l)},${round(y - ARROW.half)}l${l},${ARROW.half}${dir < 0 ? ' ' : ''}${-l},${ARROW.half}z`;
}

const healthText = (h: NodeHealth) => (h === 'none' ? 'No health data' : `${humanize(h)} health`);
const pathOf = line().curve(curveBumpX);

interface NodeSpec {
  id: string;
  link: DiagramNode['link'];
  title: string;
  line2: string;
  health: NodeHealth;
  critical: boolean;
  external: boolean;
  focus: boolean;
}

interface EdgeSpec {
  /** Upstream. */
  from: string;
  /** Dependent. */
  to: string;
  kind: string;
  type: string;
  conflict: boolean;
  critical: boolean;
  label?: string;
  title: string;
}

/** Lay out and style node and edge specs (edges between the same pair are merged). */
function build(nodes: NodeSpec[], edges: EdgeSpec[]): Diagram {
  const sortedNodes = [...nodes].sort((a, b) => byId(a.id, b.id));
  const merged = new Map<string, EdgeSpec[]>();
  for (const e of edges) {
    const k = `${e.from}\u0000${e.to}`;
    const l = merged.get(k);
    if (l) l.push(e);
    else merged.set(k, [e]);
  }
  const pairs = [...merged.values()].sort((a, b) => byId(a[0].from, b[0].from) || byId(a[0].to, b[0].to));
  const texts = new Map(sortedNodes.map((n) => [n.id, nodeText(n.title, n.line2, NODE_W, n.focus ? Infinity : TITLE_LINES)]));
  // Labels go where there is room; when some found none, the layout is made again with room kept for those
  // labels, then (when others lost their place) for every label; what still finds none is listed.
  const key = (e: { from: string; to: string }) => `${e.from}\u0000${e.to}`;
  let d = draw(sortedNodes, texts, pairs, edges, new Set());
  // (Straight to every label when a quarter or more found no place: a crowded diagram.)
  const labelled = d.edges.filter((e) => e.labelText).length;
  if (d.unplaced.length > 0 && d.unplaced.length < labelled / 4) d = draw(sortedNodes, texts, pairs, edges, new Set(d.edges.filter((e) => e.labelText && !e.label).map(key)));
  if (d.unplaced.length > 0) d = draw(sortedNodes, texts, pairs, edges, new Set(d.edges.filter((e) => e.labelText).map(key)));
  return d;
}

/** One layout of the diagram, with room kept for the labels of the edges in `room` (keys `from\u0000to`). */
function draw(sortedNodes: NodeSpec[], texts: Map<string, NodeText>, pairs: EdgeSpec[][], edges: EdgeSpec[], room: ReadonlySet<string>): Diagram {
  const layout = layoutDag(
    sortedNodes.map((n) => ({ id: n.id, height: texts.get(n.id)!.height })),
    pairs.map((g) => ({ from: g[0].from, to: g[0].to, labelHeight: room.has(`${g[0].from}\u0000${g[0].to}`) ? LABEL_ROOM : undefined })),
    { nodeWidth: NODE_W, layerGap: LAYER_GAP },
  );
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const routes = new Map(layout.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  const outNodes: DiagramNode[] = sortedNodes.map((n) => {
    const p = at.get(n.id)!;
    return {
      id: n.id,
      link: n.link,
      x: p.x,
      y: p.y,
      width: p.width,
      height: p.height,
      rx: NODE_RX,
      lines: texts.get(n.id)!.lines.map((l) => ({ text: l.text, kind: l.kind, y: p.y + l.dy })),
      textX: p.x + NODE_PAD.x,
      // The box shows its whole text unless cut: only then does it need the tooltip (about 2 KB less per 10 boxes).
      title: texts.get(n.id)!.truncated ? `${n.title}. ${n.line2}` : undefined,
      health: n.health,
      critical: n.critical,
      external: n.external,
      focus: n.focus,
    };
  });
  const outEdges: DiagramEdge[] = [];
  const labelAt: (readonly [number, number] | undefined)[] = [];
  for (const g of pairs) {
    const route = routes.get(`${g[0].from}\u0000${g[0].to}`);
    if (!route) continue;
    const conflict = g.some((e) => e.conflict);
    const critical = g.some((e) => e.critical);
    const main = g.find((e) => e.conflict) ?? g.find((e) => e.critical) ?? g[0];
    const pts = route.points;
    const labelText = g.map((e) => e.label).filter((x): x is string => !!x)[0];
    labelAt.push(route.labelAt);
    outEdges.push({
      from: main.from,
      to: main.to,
      d: pathOf(pts) ?? '',
      tone: conflict ? 'conflict' : main.kind,
      dash: TYPE_DASH[main.type],
      dashClass: DASH_CLASS[main.type],
      strokeWidth: conflict || critical ? EDGE_THICK : EDGE_THIN,
      head: arrowHead(pts.at(-1)![0], pts.at(-1)![1], pts.length > 1 && pts.at(-1)![0] < pts.at(-2)![0] ? -1 : 1),
      critical,
      conflict,
      labelText,
      title: g.map((e) => e.title).join('\n'),
    });
  }
  const mNodes: MermaidNode[] = sortedNodes.map((n) => ({
    id: n.id,
    label: n.title,
    classes: n.critical ? ['critical'] : n.external ? ['external'] : [],
  }));
  const mEdges: MermaidEdge[] = pairs.flatMap((g) =>
    g.map((e) => ({
      from: e.from,
      to: e.to,
      label: [humanize(e.kind), humanize(e.type).toLowerCase(), e.label].filter(Boolean).join(', '),
      style: e.critical ? ('thick' as const) : e.type === 'finish-to-start' ? ('solid' as const) : ('dotted' as const),
      conflict: e.conflict,
    })),
  );
  return withLabels({
    width: layout.width,
    height: layout.height,
    nodes: outNodes,
    edges: outEdges,
    tones: [...new Set(outEdges.map((e) => e.tone))].sort(),
    kinds: DEPENDENCY_KINDS.filter((k) => edges.some((e) => e.kind === k && !e.conflict)),
    types: DEPENDENCY_TYPES.filter((t) => edges.some((e) => e.type === t)),
    hasConflict: edges.some((e) => e.conflict),
    hasCritical: edges.some((e) => e.critical) || sortedNodes.some((n) => n.critical),
    hasExternal: sortedNodes.some((n) => n.external),
    mermaid: toMermaid(mNodes, mEdges),
    crossings: layout.crossings,
    unplaced: [],
  }, labelAt);
}

/** Horizontal space between columns: room for a label such as "120 d late" beside the curves. */
const LAYER_GAP = 88;

/** The diagram with its edge labels placed (src/charts/dag/labels.ts), first where the layout kept room (`at`, per edge); those with no free place listed in `unplaced`. */
function withLabels(d: Diagram, at: readonly (readonly [number, number] | undefined)[] = []): Diagram {
  const placed = placeLabels(
    d.width,
    d.height,
    d.nodes,
    d.edges.map((e, i) => ({ d: e.d, text: e.labelText, at: at[i] })),
  );
  const edges = d.edges.map((e, i) => ({ ...e, label: placed[i] }));
  return { ...d, edges, unplaced: edges.filter((e) => e.labelText && !e.label).map((e) => e.title) };
}

function projectNode(model: PortfolioModel, p: ProjectView, opts: { external?: boolean; focus?: boolean } = {}): NodeSpec {
  const health: NodeHealth = p.health.overall ?? 'none';
  const program = p.record.program ? (titleOf(model, 'programs', p.record.program)) : undefined;
  return {
    id: p.id,
    link: { to: 'project', id: p.id },
    title: p.record.title,
    line2: [healthText(health), p.critical ? 'critical' : undefined, program].filter(Boolean).join(' · '),
    health,
    critical: p.critical,
    external: opts.external ?? false,
    focus: opts.focus ?? false,
  };
}

function edgeSpec(model: PortfolioModel, e: DependencyEdge): EdgeSpec {
  const t = (id: string) => titleOf(model, 'projects', id);
  const late = e.conflict && e.gapDays !== undefined ? `${e.gapDays} d late` : undefined;
  const date = (iso: string) => formatDate(iso, model.settings.fiscal_year_start);
  return {
    from: e.on,
    to: e.from,
    kind: e.kind,
    type: e.type,
    conflict: e.conflict,
    critical: e.critical,
    label: late,
    title: `${t(e.from)} waits on ${t(e.on)}: ${humanize(e.kind)}, ${humanize(e.type).toLowerCase()}${e.needed ? `, needed ${date(e.needed)}` : ''}${e.upstreamDate ? `, delivered ${date(e.upstreamDate)}` : ''}${late ? `, ${late}` : ''}${e.critical ? ', critical chain' : ''}`,
  };
}

/** Projects with at least one dependency either way, sorted by id. */
export function connectedProjects(model: PortfolioModel): ProjectView[] {
  return model.projects.filter((p) => p.dependsOn.length > 0 || p.dependents.length > 0);
}

/** The whole portfolio's dependency diagram (projects with dependencies only). */
export function portfolioDiagram(model: PortfolioModel): Diagram {
  return build(
    connectedProjects(model).map((p) => projectNode(model, p)),
    model.edges.map((e) => edgeSpec(model, e)),
  );
}

/** Program key of a project: its program id, or '' for none. */
const programOf = (p: ProjectView | undefined) => p?.record.program ?? '';

export interface ProgramGroup {
  /** Program id, or '' for projects in no program. */
  program: string;
  title: string;
  projects: string[];
  /** Edges with both ends in the program. */
  internal: number;
  /** Edges with one end in it. */
  cross: number;
}

/** Connected projects by program (programs in id order, no program last), with edge counts. */
export function programGroups(model: PortfolioModel): ProgramGroup[] {
  const groups = new Map<string, ProgramGroup>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { program: key, title: key ? (titleOf(model, 'programs', key)) : 'No program', projects: [], internal: 0, cross: 0 };
      groups.set(key, g);
    }
    return g;
  };
  for (const p of connectedProjects(model)) group(programOf(p)).projects.push(p.id);
  for (const e of model.edges) {
    const a = programOf(model.byId.projects.get(e.from));
    const b = programOf(model.byId.projects.get(e.on));
    if (a === b) group(a).internal++;
    else {
      group(a).cross++;
      group(b).cross++;
    }
  }
  return [...groups.values()].sort((x, y) => (x.program === '' ? 1 : y.program === '' ? -1 : byId(x.program, y.program)));
}

/** Edges between two different programs (or a program and none). */
export function crossProgramEdges(model: PortfolioModel): DependencyEdge[] {
  return model.edges.filter((e) => programOf(model.byId.projects.get(e.from)) !== programOf(model.byId.projects.get(e.on)));
}

/** One program's projects with dependencies, plus their neighbours in other programs (marked external). */
export function programDiagram(model: PortfolioModel, program: string, edges: readonly DependencyEdge[] = model.edges): Diagram {
  const inside = (id: string) => programOf(model.byId.projects.get(id)) === program;
  const ids = new Set<string>();
  const chosen: DependencyEdge[] = [];
  for (const e of edges) {
    if (!inside(e.from) && !inside(e.on)) continue;
    chosen.push(e);
    ids.add(e.from);
    ids.add(e.on);
  }
  const nodes = [...ids].map((id) => projectNode(model, model.byId.projects.get(id)!, { external: !inside(id) }));
  return build(
    nodes,
    chosen.map((e) => edgeSpec(model, e)),
  );
}

/** Programs as nodes, one edge per pair of programs with the number of dependencies and conflicts. */
export function programOverviewDiagram(model: PortfolioModel): Diagram {
  const groups = programGroups(model);
  const pairs = new Map<string, { from: string; to: string; count: number; late: number; critical: boolean }>();
  for (const e of crossProgramEdges(model)) {
    const from = programOf(model.byId.projects.get(e.on));
    const to = programOf(model.byId.projects.get(e.from));
    const k = `${from}\u0000${to}`;
    const p = pairs.get(k) ?? { from, to, count: 0, late: 0, critical: false };
    p.count++;
    if (e.conflict) p.late++;
    if (e.critical) p.critical = true;
    pairs.set(k, p);
  }
  const key = (program: string) => program || '~none';
  const nodes: NodeSpec[] = groups.map((g) => ({
    id: key(g.program),
    link: { to: 'program-dependencies', id: g.program || NO_PROGRAM },
    title: g.title,
    line2: `${g.projects.length} projects, ${g.internal} internal dependencies`,
    health: 'none',
    critical: false,
    external: false,
    focus: false,
  }));
  const edges: EdgeSpec[] = [...pairs.values()].map((p) => ({
    from: key(p.from),
    to: key(p.to),
    kind: 'other',
    type: 'finish-to-start',
    conflict: p.late > 0,
    critical: p.critical,
    label: p.late > 0 ? `${p.late} late` : `${p.count}`,
    title: `${p.count} dependencies from ${nodes.find((n) => n.id === key(p.to))?.title} on ${nodes.find((n) => n.id === key(p.from))?.title}${p.late > 0 ? `, ${p.late} late` : ''}`,
  }));
  return wrapRows(build(nodes, edges), OVERVIEW_PER_ROW);
}

/** Program boxes a row in the program overview: programs depend on each other in every direction, so layers make one long row (40 programs: 10,824 px); wrapped in rows of 4 (1,048 px, the width of the page), it reads like text. */
export const OVERVIEW_PER_ROW = 4;
const WRAP = { margin: 16, colGap: 72, rowGap: 88 } as const;

/**
 * The diagram's boxes in reading order (the layout's left-to-right, then top-down order), `perRow` a row,
 * rows top-down; each edge redrawn as one curve between its boxes: side to side between neighbours in a row,
 * an arc through the gap below the row for others in the same row, bottom to top (or top to bottom) between rows.
 * Edges pass behind boxes. A diagram with no more boxes than `perRow` is returned as it is.
 */
export function wrapRows(d: Diagram, perRow: number): Diagram {
  if (d.nodes.length <= perRow) return d;
  const order = d.nodes.toSorted((a, b) => a.x - b.x || a.y - b.y || byId(a.id, b.id));
  const w = Math.max(...d.nodes.map((n) => n.width));
  const h = Math.max(...d.nodes.map((n) => n.height));
  const cell = new Map(order.map((n, i) => [n.id, { row: Math.floor(i / perRow), col: i % perRow }]));
  const nodes = d.nodes.map((n) => {
    const { row, col } = cell.get(n.id)!;
    const x = WRAP.margin + col * (w + WRAP.colGap);
    const y = WRAP.margin + row * (h + WRAP.rowGap);
    return { ...n, x, y, textX: x + (n.textX - n.x), lines: n.lines.map((l) => ({ ...l, y: y + (l.y - n.y) })) };
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges = d.edges.map((e) => {
    const s = at.get(e.from)!;
    const t = at.get(e.to)!;
    const cs = cell.get(e.from)!;
    const ct = cell.get(e.to)!;
    const cx = (n: DiagramNode) => n.x + n.width / 2;
    const cy = (n: DiagramNode) => n.y + n.height / 2;
    let p: [number, number][];
    if (cs.row === ct.row && Math.abs(cs.col - ct.col) === 1) {
      // Neighbours: side to side, horizontal tangents.
      const [x0, x1] = ct.col > cs.col ? [s.x + s.width, t.x] : [s.x, t.x + t.width];
      const mid = (x0 + x1) / 2;
      p = [[x0, cy(s)], [mid, cy(s)], [mid, cy(t)], [x1, cy(t)]];
    } else if (cs.row === ct.row) {
      // Same row, boxes between: an arc through the gap below the row.
      const y0 = s.y + s.height;
      const dip = y0 + WRAP.rowGap * 0.6;
      p = [[cx(s), y0], [cx(s), dip], [cx(t), dip], [cx(t), y0]];
    } else {
      const down = ct.row > cs.row;
      const y0 = down ? s.y + s.height : s.y;
      const y1 = down ? t.y : t.y + t.height;
      const bend = (down ? 1 : -1) * WRAP.rowGap * 0.5;
      p = [[cx(s), y0], [cx(s), y0 + bend], [cx(t), y1 - bend], [cx(t), y1]];
    }
    const [a, b, c, z] = p.map(([x, y]) => [round(x), round(y)] as const);
    return { ...e, d: `M${a[0]},${a[1]}C${b[0]},${b[1]},${c[0]},${c[1]},${z[0]},${z[1]}`, label: undefined };
  });
  const rows = Math.ceil(order.length / perRow);
  return withLabels({
    ...d,
    nodes,
    edges,
    width: 2 * WRAP.margin + perRow * w + (perRow - 1) * WRAP.colGap,
    height: 2 * WRAP.margin + rows * h + (rows - 1) * WRAP.rowGap + WRAP.rowGap * 0.6,
  });
}

/** A project with what it waits on and what waits on it, each to `depth` steps. */
export function neighbourhoodDiagram(model: PortfolioModel, id: string, depth = 2): Diagram | undefined {
  const focus = model.byId.projects.get(id);
  if (!focus || (focus.dependsOn.length === 0 && focus.dependents.length === 0)) return undefined;
  const ids = new Set([id]);
  const chosen = new Set<DependencyEdge>();
  for (const dir of ['up', 'down'] as const) {
    let frontier = [id];
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const cur of frontier) {
        const p = model.byId.projects.get(cur);
        if (!p) continue;
        for (const e of dir === 'up' ? p.dependsOn : p.dependents) {
          chosen.add(e);
          const other = dir === 'up' ? e.on : e.from;
          if (!ids.has(other)) {
            ids.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
  }
  const nodes = [...ids].map((x) => projectNode(model, model.byId.projects.get(x)!, { focus: x === id }));
  return build(
    nodes,
    [...chosen].map((e) => edgeSpec(model, e)),
  );
}
