/**
 * Dependency arrows inside one timeline lane, as geometry: orthogonal routes
 * from the upstream bar's edge to the dependent bar's edge (or its `need_by`
 * milestone), with rounded corners and an arrowhead. Pure; the timeline
 * (src/charts/timeline.ts) lays out the rows first and calls this per lane.
 *
 * Routing: leave the upstream bar straight down (or up) from just inside its
 * edge, run along the gap between rows (no bar is ever there), cross the
 * rows in between at a column where none of their bars or diamonds is
 * (going round their notes where that is short), then come into the target
 * edge from beside it. Cost per arrow: the rows it crosses, times their
 * notes; 3,622 arrows on the 98 record timelines of the 2,000-project
 * portfolio take about 0.2 CPU-seconds.
 */
import type { PortfolioModel, ProjectView } from '../core/model.ts';
import { placeLabel, textBox, type Box } from './label-boxes.ts';
import { round, truncate } from './time-scale.ts';
import type { TimelineArrow, TimelineBar, TimelineLane } from './timeline.ts';

export type DependencyType = 'finish-to-start' | 'start-to-start' | 'finish-to-finish';
export type ArrowState = 'conflict' | 'critical' | 'quiet';

/** A row of the lane as the router sees it: the bar and its milestone diamonds. */
export interface ArrowRow {
  id: string;
  rowY: number;
  rowH: number;
  x: number;
  width: number;
  /** The bar's top and height. */
  y: number;
  height: number;
  milestones: { name: string; x: number; y: number }[];
  /** Spans of the row's other marks (the note, the overdue stretch, the baseline): crossed only where it saves a long way round. */
  soft: [number, number][];
}

/** What routing needs of a dependency: its type and the dependent's `need_by` milestone. */
export interface ArrowEdge {
  type: DependencyType;
  needBy?: string;
}

export interface RoutedArrow {
  /** The corners of the orthogonal route, from the upstream edge to the tip. */
  points: [number, number][];
  /** Path data with rounded corners, ending where the arrowhead (ARROW_HEAD, an SVG marker) begins. */
  path: string;
  /** Where the arrow comes into the dependent: a bar edge (`start`, `end`) or a milestone. */
  into: 'start' | 'end' | 'milestone';
}

/** Beside the dependent's edge, the column the arrow turns in at. */
const EXIT = 8;
/** How far inside the upstream bar's end (or start) the arrow leaves it. */
const EDGE_INSET = 2;
/** A stub's length: the arrow from something not drawn in this lane. */
const STUB = 14;
/** Below a row boundary: the gap between a bar's baseline mark and the next bar. */
const GUTTER = 2.5;
/** Bars (and diamonds) count this much wider when looking for a free column. */
const CLEAR = 3;
const RADIUS = 4;
const HEAD_LEN = 6;
const HEAD_HALF = 3.5;
const DIAMOND = 5;

type Pt = [number, number];

/**
 * Where the arrow leaves the upstream bar: just inside its end
 * (finish-to-…), else its start, from the bottom edge when the dependent is
 * below and the top when above. Straight down or up from there, it passes
 * no note, diamond or label on the bar's line.
 */
function sourceAnchor(row: ArrowRow, type: DependencyType, down: boolean): Pt {
  const inset = Math.min(EDGE_INSET, row.width / 2);
  const x = type === 'start-to-start' ? row.x + inset : row.x + row.width - inset;
  return [x, down ? row.y + row.height : row.y];
}

/**
 * Where it comes into the dependent, and from which side: the named
 * milestone's left tip, else the bar's start (…-to-start) from the left or
 * its end (finish-to-finish) from the right.
 */
function targetAnchor(row: ArrowRow, edge: ArrowEdge): { x: number; y: number; side: -1 | 1; into: RoutedArrow['into'] } {
  const cy = row.y + row.height / 2;
  const ms = edge.needBy !== undefined ? row.milestones.find((m) => m.name === edge.needBy) : undefined;
  if (ms) return { x: ms.x - DIAMOND, y: cy, side: -1, into: 'milestone' };
  return edge.type === 'finish-to-finish' ? { x: row.x + row.width, y: cy, side: 1, into: 'end' } : { x: row.x, y: cy, side: -1, into: 'start' };
}

/** Crossing one of a row's notes or marks costs as much as this much extra travel. */
const SOFT_COST = 120;

/**
 * The column for crossing `rows`: never through a bar or diamond; among the
 * rest, the least travel beyond the span between `a` and `b`, plus SOFT_COST
 * per note or mark crossed; ties go to the column nearest `want`. Undefined
 * when bars block every column.
 */
export function freeColumn(rows: readonly ArrowRow[], want: number, a: number, b: number, x0: number, x1: number): number | undefined {
  const blocked: [number, number][] = [];
  const soft: [number, number][] = [];
  for (const r of rows) {
    blocked.push([r.x - CLEAR, r.x + r.width + CLEAR]);
    for (const m of r.milestones) blocked.push([m.x - DIAMOND - CLEAR, m.x + DIAMOND + CLEAR]);
    for (const [s0, s1] of r.soft) soft.push([s0 - CLEAR, s1 + CLEAR]);
  }
  blocked.sort((p, q) => p[0] - q[0]);
  const free: [number, number][] = [];
  let from = x0;
  for (const [s0, e] of blocked) {
    if (s0 > from) free.push([from, Math.min(s0, x1)]);
    from = Math.max(from, e);
    if (from >= x1) break;
  }
  if (from < x1) free.push([from, x1]);
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let best: number | undefined;
  let bestCost = Infinity;
  for (const [s0, e] of free) {
    if (e - s0 < 2) continue;
    const inside = (x: number) => Math.min(Math.max(x, s0 + 1), e - 1);
    // The wanted column, the region's ends, and just past each mark: the only places the cost can be least.
    const candidates = [inside(want), s0 + 1, e - 1, inside(lo), inside(hi), ...soft.flatMap(([m0, m1]) => [m0 - 0.5, m1 + 0.5]).filter((x) => x > s0 && x < e)];
    for (const x of candidates) {
      let cost = Math.max(0, lo - x) + Math.max(0, x - hi);
      for (const [m0, m1] of soft) if (x > m0 && x < m1) cost += SOFT_COST;
      if (cost < bestCost || (cost === bestCost && Math.abs(x - want) < Math.abs(best! - want))) {
        best = x;
        bestCost = cost;
      }
    }
  }
  return best === undefined ? undefined : round(best);
}

/** Drop repeated points and middle points of straight runs. */
function simplify(points: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const prev = out.at(-2);
    if (prev && last && ((prev[0] === last[0] && last[0] === p[0]) || (prev[1] === last[1] && last[1] === p[1]))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Orthogonal path data with each corner rounded (a quadratic curve of radius up to RADIUS). */
export function roundedPath(points: readonly Pt[]): string {
  const f = (p: Pt) => `${round(p[0])} ${round(p[1])}`;
  let d = `M${f(points[0])}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const [px, py] = points[i - 1];
    const [cx, cy] = points[i];
    const [nx, ny] = points[i + 1];
    const inLen = Math.abs(cx - px) + Math.abs(cy - py);
    const outLen = Math.abs(nx - cx) + Math.abs(ny - cy);
    const r = Math.min(RADIUS, inLen / 2, outLen / 2);
    const a: Pt = [cx - (Math.sign(cx - px) * r), cy - (Math.sign(cy - py) * r)];
    const b: Pt = [cx + (Math.sign(nx - cx) * r), cy + (Math.sign(ny - cy) * r)];
    d += `L${f(a)}Q${f(points[i])} ${f(b)}`;
  }
  return `${d}L${f(points[points.length - 1])}`;
}

/**
 * The arrowhead as an SVG marker drawn at the end of each arrow's path (one
 * per chart and state, not one path per arrow): a triangle from the path's
 * end to the tip, HEAD_LEN ahead.
 */
export const ARROW_HEAD = { width: HEAD_LEN, height: 2 * HEAD_HALF, refX: 0, refY: HEAD_HALF, path: `M0 0L${HEAD_LEN} ${HEAD_HALF}L0 ${2 * HEAD_HALF}Z` } as const;

/** A filled triangle with its tip at the last point, pointing along the last segment (the legend's swatch). */
export function arrowHead(points: readonly Pt[]): string {
  const [tx, ty] = points[points.length - 1];
  const [px, py] = points[points.length - 2];
  const dx = Math.sign(tx - px);
  const dy = Math.sign(ty - py);
  const bx = tx - dx * HEAD_LEN;
  const by = ty - dy * HEAD_LEN;
  // Perpendicular to the direction of travel.
  const [ox, oy] = [-dy * HEAD_HALF, dx * HEAD_HALF];
  return `M${round(tx)} ${round(ty)}L${round(bx + ox)} ${round(by + oy)}L${round(bx - ox)} ${round(by - oy)}Z`;
}

function finish(points: Pt[], into: RoutedArrow['into']): RoutedArrow {
  const pts = simplify(points);
  // The line stops where the head begins: the head's point, not the line's end, touches the target.
  const [tx, ty] = pts[pts.length - 1];
  const [px, py] = pts[pts.length - 2];
  const base: Pt = [tx - Math.sign(tx - px) * HEAD_LEN, ty - Math.sign(ty - py) * HEAD_LEN];
  return { points: pts, path: roundedPath([...pts.slice(0, -1), base]), into };
}

/**
 * The route of one dependency between two rows of a lane (`rows` in drawing
 * order, `s` the upstream row's index, `t` the dependent's), within the plot
 * from `x0` to `x1`. Undefined when every column across the rows between is
 * taken by a bar (the table still lists the pair).
 */
export function routeArrow(rows: readonly ArrowRow[], s: number, t: number, edge: ArrowEdge, x0: number, x1: number): RoutedArrow | undefined {
  const src = rows[s];
  const dst = rows[t];
  const down = t > s;
  const a = sourceAnchor(src, edge.type, down);
  const b = targetAnchor(dst, edge);
  const clampX = (x: number) => Math.min(Math.max(x, x0 + 1), x1 - 1);
  // The column the arrow comes down (or up) before turning into the target edge.
  const xIn = clampX(b.x + b.side * EXIT);
  const top = (i: number) => rows[i].rowY + GUTTER;
  const bottom = (i: number) => rows[i].rowY + rows[i].rowH + GUTTER;
  const g1 = down ? bottom(s) : top(s);
  const g2 = down ? top(t) : bottom(t);
  const between = rows.slice(Math.min(s, t) + 1, Math.max(s, t));
  const xv = between.length ? freeColumn(between, xIn, a[0], xIn, x0 + 1, x1 - 1) : xIn;
  if (xv === undefined) return undefined;
  return finish([a, [a[0], g1], [xv, g1], [xv, g2], [xIn, g2], [xIn, b.y], [b.x, b.y]], b.into);
}

/** A short arrow into the dependent from something this lane does not draw; the caller labels it. */
export function stubArrow(row: ArrowRow, edge: ArrowEdge, x0: number, x1: number): RoutedArrow {
  const b = targetAnchor(row, edge);
  const from = Math.min(Math.max(b.x + b.side * STUB, x0 + 1), x1 - 1);
  // A bar at the plot's edge leaves no room beside it: the stub comes down onto the bar instead.
  if (Math.abs(from - b.x) < HEAD_LEN + 2) return finish([[b.x, row.rowY + GUTTER - STUB / 2], [b.x, row.y]], b.into);
  return finish([[from, b.y], [b.x, b.y]], b.into);
}

/** The boxes a route covers (its segments, `pad` either side, and the arrowhead): obstacles for labels, and for tests. */
export function routeBoxes(points: readonly Pt[], pad = 1.5): Box[] {
  const out: Box[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    out.push({ x0: Math.min(ax, bx) - pad, y0: Math.min(ay, by) - pad, x1: Math.max(ax, bx) + pad, y1: Math.max(ay, by) + pad });
  }
  const [tx, ty] = points[points.length - 1];
  out.push({ x0: tx - HEAD_LEN, y0: ty - HEAD_LEN, x1: tx + HEAD_LEN, y1: ty + HEAD_LEN });
  return out;
}

/** The spans of a bar's note, overdue stretch, baseline and confidence whisker. */
function softMarks(b: TimelineBar): [number, number][] {
  const out: [number, number][] = [];
  if (b.note) {
    // An overdue bar's note is bold.
    const box = textBox(b.note.text, b.note.x, b.note.y, b.note.anchor, NOTE_FONT, b.overdue);
    out.push([box.x0, box.x1]);
  }
  if (b.overdueGap) out.push([b.overdueGap.x, b.overdueGap.x + b.overdueGap.width]);
  if (b.baseline) out.push([b.baseline.x, b.baseline.x + b.baseline.width]);
  if (b.whisker) out.push([b.whisker.lead?.x0 ?? b.whisker.x1, b.whisker.x2]);
  return out;
}

/** Where a dependency's upstream project is, seen from one chart. */
export type Whereabouts = 'charted' | 'outside' | 'unscheduled' | 'not-shown';

const WHERE_TEXT: Record<Exclude<Whereabouts, 'charted'>, string> = {
  outside: 'outside the dates shown',
  unscheduled: 'no dates yet',
  'not-shown': 'not on this chart',
};

/**
 * Above this many dependencies into one lane's projects, the lane draws only
 * conflicts and the critical chain (the table lists them all): past it the
 * quiet grey lines hide the ones that matter.
 */
export const ARROWS_PER_LANE = 40;

const STATE_ORDER: Record<ArrowState, number> = { quiet: 0, critical: 1, conflict: 2 };
const NOTE_FONT = 11;
/** A stub's label: the upstream's title cut to this width, else to the second. */
const STUB_LABEL_W = [130, 60];

/**
 * The lane's dependency arrows, into `lane.arrows` (and each bar's
 * `waitsOn`, for the table): an arrow from the upstream bar when it is in
 * the lane, else a labelled stub. Above ARROWS_PER_LANE the lane keeps only
 * conflicts and the critical chain. Returns, per row, the boxes the arrows
 * cover, for the labels placed after them.
 */
export function laneArrows(
  model: PortfolioModel,
  lane: TimelineLane,
  projects: readonly ProjectView[],
  where: (id: string) => Whereabouts,
  bounds: { x0: number; x1: number },
): { rowBoxes: Box[][]; labels: Map<TimelineArrow, string[]> } {
  const index = new Map(projects.map((p, i) => [p.id, i]));
  const rows: ArrowRow[] = lane.bars.map((b) => ({
    id: b.id,
    rowY: b.rowY,
    rowH: b.hit.height,
    x: b.x,
    width: b.width,
    y: b.y,
    height: b.height,
    milestones: b.milestones.map((m) => ({ name: m.name, x: m.x, y: m.y })),
    soft: softMarks(b),
  }));
  const edges = projects.flatMap((p, i) => p.dependsOn.map((e) => ({ i, e, state: (e.conflict ? 'conflict' : e.critical ? 'critical' : 'quiet') as ArrowState })));
  const limited = edges.length > ARROWS_PER_LANE;
  const labels = new Map<TimelineArrow, string[]>();
  for (const { i, e, state } of edges) {
    const up = model.byId.projects.get(e.on);
    if (!up) continue;
    const bar = lane.bars[i];
    const s = index.get(e.on);
    const daysLate = e.conflict ? e.gapDays : undefined;
    const waits = { id: e.on, title: up.record.title, type: e.type, state, daysLate, drawn: 'off' as TimelineBar['waitsOn'][number]['drawn'] };
    bar.waitsOn.push(waits);
    if (limited && state === 'quiet') continue;
    const route = s !== undefined ? routeArrow(rows, s, i, e, bounds.x0, bounds.x1) : stubArrow(rows[i], e, bounds.x0, bounds.x1);
    if (!route) continue;
    waits.drawn = s !== undefined ? 'arrow' : 'stub';
    const whereabouts = where(e.on);
    const tooltip = [
      `${bar.title} waits on ${up.record.title} (${e.kind}, ${e.type.replaceAll('-', ' ')}${e.needBy ? `, for ${e.needBy}` : ''})`,
      e.conflict ? `${e.gapDays} days late` : e.tight ? 'no slack' : undefined,
      e.critical ? 'critical chain' : undefined,
      s === undefined ? (whereabouts === 'charted' ? 'in another lane' : WHERE_TEXT[whereabouts]) : undefined,
    ]
      .filter(Boolean)
      .join('; ');
    const arrow: TimelineArrow = { from: e.on, to: bar.id, type: e.type, state, stub: s === undefined, points: route.points, path: route.path, tooltip };
    lane.arrows.push(arrow);
    const late = daysLate !== undefined ? `${daysLate} d late` : undefined;
    // A stub names what it comes from, shorter where the full name has no room.
    const texts = s === undefined ? STUB_LABEL_W.map((w) => [`from ${truncate(up.record.title, w, NOTE_FONT).text}`, late].filter(Boolean).join(', ')) : late ? [late] : [];
    if (texts.length) labels.set(arrow, [...new Set(texts)]);
  }
  lane.arrows.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
  if (limited) lane.arrowsLimited = { total: edges.length, drawn: lane.arrows.length };

  // Each route's boxes go to every row they reach (rows are in order of y).
  const rowBoxes: Box[][] = rows.map(() => []);
  for (const a of lane.arrows) {
    for (const box of routeBoxes(a.points)) {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid].rowY + rows[mid].rowH <= box.y0) lo = mid + 1;
        else hi = mid;
      }
      for (let r = lo; r < rows.length && rows[r].rowY < box.y1; r += 1) rowBoxes[r].push(box);
    }
  }
  return { rowBoxes, labels };
}

/**
 * The labels of the arrows that end on `bar` (`12 d late`, `from …`) on its
 * text line, beside where the arrow comes in; an arrow with no room keeps
 * its tooltip (and its row in the table). Placed labels join `obstacles`;
 * `asOfLine` (one of them) is the only one a stub's label may cross.
 */
export function placeArrowLabels(
  arrows: readonly TimelineArrow[],
  labels: ReadonlyMap<TimelineArrow, string[]>,
  bar: TimelineBar,
  obstacles: Box[],
  bounds: { x0: number; x1: number },
  asOfLine?: Box,
): void {
  for (const a of arrows) {
    const texts = labels.get(a);
    if (a.to !== bar.id || texts === undefined) continue;
    const [tx] = a.points[a.points.length - 1];
    const [px] = a.points[a.points.length - 2];
    // Beside the column the arrow turns in at (a stub: where it starts), on the side it comes from.
    const x = a.stub ? a.points[0][0] : px;
    const candidates = texts.flatMap((text) =>
      tx > px ? [{ text, x: x - 3, anchor: 'end' as const }] : tx < px ? [{ text, x: x + 3, anchor: 'start' as const }] : [{ text, x: tx + 4, anchor: 'start' as const }, { text, x: tx - 4, anchor: 'end' as const }],
    );
    // A stub must say where it comes from: with no room, its label may cross the as-of line (its halo keeps both legible).
    // Measured bold, as drawn (.dep-label): a regular-weight estimate let long stub labels run off the plot's left edge.
    const placed = placeLabel(candidates, bar.labelY, NOTE_FONT, obstacles, bounds, true) ?? (a.stub && asOfLine ? placeLabel(candidates, bar.labelY, NOTE_FONT, obstacles.filter((o) => o !== asOfLine), bounds, true) : undefined);
    if (!placed) continue;
    a.label = placed;
    obstacles.push(placed.box);
  }
}
