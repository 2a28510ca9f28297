/**
 * The roadmap's other views as plain data: the ten-second summary, Now / Next
 * / Later columns, the status board (Kanban) and a project's milestone strip.
 * Pure: the model in, sorted lists and coordinates out. Each is one pass over
 * the projects it is given plus sorts.
 */
import { dayToIso, endDay, quarterLabel, quarterOf, type Day } from '../core/dates.ts';
import { compareCodeUnits as cmp, compareTitles, formatDate, formatDay, formatDays, formatQuarter } from '../core/format.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';
import { STATUSES, type Status } from '../core/schema.ts';
import { addQuarters, quarterBounds, round, textWidth, timeAxis, truncate, type AxisBand } from './time-scale.ts';
import { diamond, type MilestoneState } from './timeline.ts';
import { lineBox, textBox } from './label-boxes.ts';
import { layoutMarkers, markerKinds, type ChartMarker } from './markers.ts';

const byTitle = (a: ProjectView, b: ProjectView) => compareTitles(a.record.title, b.record.title) || cmp(a.id, b.id);

export interface RoadmapSummary {
  quarter: string;
  quarterFirstIso: string;
  quarterLastIso: string;
  inFlight: string[];
  landingThisQuarter: string[];
  slipped: string[];
  atRisk: string[];
  overdue: string[];
}

/** The headline counts: in flight, landing this fiscal quarter, slipped, at risk (red/amber), overdue. Open work only. */
export function roadmapSummary(model: PortfolioModel, projects: readonly ProjectView[] = model.projects): RoadmapSummary {
  const fy = model.settings.fiscal_year_start;
  const q = quarterOf(model.asOfDay, fy);
  const { first, last } = quarterBounds(q.fy, q.q, fy);
  const out: RoadmapSummary = {
    quarter: formatQuarter(q.fy, q.q, fy),
    quarterFirstIso: dayToIso(first),
    quarterLastIso: dayToIso(last),
    inFlight: [],
    landingThisQuarter: [],
    slipped: [],
    atRisk: [],
    overdue: [],
  };
  for (const p of [...projects].sort(byTitle)) {
    if (!p.open) continue;
    if (inFlight(p, model.asOfDay)) out.inFlight.push(p.id);
    if (p.endDay !== undefined && p.endDay >= first && p.endDay <= last && p.record.status !== 'proposed') out.landingThisQuarter.push(p.id);
    if ((p.slipDays ?? 0) > 0) out.slipped.push(p.id);
    if (p.health.overall === 'red' || p.health.overall === 'amber') out.atRisk.push(p.id);
    if (p.overdue) out.overdue.push(p.id);
  }
  return out;
}

/** Active or on hold, or approved and already started. */
function inFlight(p: ProjectView, asOfDay: Day): boolean {
  const s = p.record.status;
  return s === 'active' || s === 'on-hold' || (s === 'approved' && p.startDay !== undefined && p.startDay <= asOfDay);
}

export type Horizon = 'now' | 'next' | 'later';

export interface NowNextLater {
  /** Last day of the "next" window: the end of the second fiscal quarter after the current one. */
  nextUntilIso: string;
  nextQuarters: string[];
  columns: { key: Horizon; label: string; description: string; projects: string[] }[];
  /** Open proposals (intake, not yet approved): counted, not placed. */
  proposed: string[];
}

/**
 * Now = in flight (active, on hold, or approved and started); Next = approved
 * work starting before the end of the next two fiscal quarters; Later =
 * approved work starting after that, or with no start date. Done, cancelled
 * and proposed work is not placed. Columns sort by start, then title.
 */
export function nowNextLater(model: PortfolioModel, projects: readonly ProjectView[] = model.projects): NowNextLater {
  const fy = model.settings.fiscal_year_start;
  const asOf = model.asOfDay;
  const cur = quarterOf(asOf, fy);
  const q1 = addQuarters(cur.fy, cur.q, 1);
  const q2 = addQuarters(cur.fy, cur.q, 2);
  const until = quarterBounds(q2.fy, q2.q, fy).last;
  const now: ProjectView[] = [];
  const next: ProjectView[] = [];
  const later: ProjectView[] = [];
  const proposed: ProjectView[] = [];
  for (const p of projects) {
    if (!p.open) continue;
    if (p.record.status === 'proposed') proposed.push(p);
    else if (inFlight(p, asOf)) now.push(p);
    else if (p.startDay !== undefined && p.startDay <= until) next.push(p);
    else later.push(p);
  }
  const byStart = (a: ProjectView, b: ProjectView) => (a.startDay ?? Infinity) - (b.startDay ?? Infinity) || byTitle(a, b);
  const nextQuarters = [formatQuarter(q1.fy, q1.q, fy), formatQuarter(q2.fy, q2.q, fy)];
  return {
    nextUntilIso: dayToIso(until),
    nextQuarters,
    columns: [
      { key: 'now', label: 'Now', description: `In flight on ${formatDay(asOf)}`, projects: now.sort(byStart).map((p) => p.id) },
      { key: 'next', label: 'Next', description: `Starts by ${formatDay(until)} (${nextQuarters.join(', ')})`, projects: next.sort(byStart).map((p) => p.id) },
      { key: 'later', label: 'Later', description: `Approved, starting after ${formatDay(until)} or not yet scheduled`, projects: later.sort(byStart).map((p) => p.id) },
    ],
    proposed: proposed.sort(byTitle).map((p) => p.id),
  };
}

export interface StatusColumn {
  status: Status;
  count: number;
  groups: { key: string; label: string; programId?: string; projects: string[] }[];
}

/** One column per status (contract order), cards grouped by program (by title; "No program" last). */
export function statusBoard(model: PortfolioModel, projects: readonly ProjectView[] = model.projects): StatusColumn[] {
  const cols = new Map<Status, Map<string, { key: string; label: string; sort: string; programId?: string; projects: ProjectView[] }>>();
  for (const s of STATUSES) cols.set(s, new Map());
  for (const p of projects) {
    const col = cols.get(p.record.status)!;
    const prog = p.record.program ? model.byId.programs.get(p.record.program) : undefined;
    const key = prog ? prog.id : '-';
    let g = col.get(key);
    if (!g) {
      g = prog
        ? { key, label: prog.record.title, sort: prog.record.title, programId: prog.id, projects: [] }
        : { key, label: 'No program', sort: '\uffff', projects: [] };
      col.set(key, g);
    }
    g.projects.push(p);
  }
  return STATUSES.map((status) => {
    const groups = [...cols.get(status)!.values()].sort((a, b) => +(a.sort === '\uffff') - +(b.sort === '\uffff') || compareTitles(a.sort, b.sort) || cmp(a.key, b.key));
    return {
      status,
      count: groups.reduce((n, g) => n + g.projects.length, 0),
      groups: groups.map((g) => ({ key: g.key, label: g.label, programId: g.programId, projects: g.projects.sort(byTitle).map((p) => p.id) })),
    };
  });
}

export interface StripMilestone {
  name: string;
  label: string;
  dateIso: string;
  baselineIso?: string;
  movedDays?: number;
  done: boolean;
  state: MilestoneState;
  x: number;
  path: string;
  baselinePath?: string;
  baselineX?: number;
  /** The bar across a late milestone's diamond (late only). */
  cross?: { x1: number; x2: number };
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
  tooltip: string;
}

/** A quarter on the strip: a tick line from `y1` to `y2` and its label (long when it fits). */
export interface StripQuarter extends AxisBand {
  y1: number;
  y2: number;
  text: string;
  textX: number;
  textY: number;
}

export interface MilestoneStrip {
  width: number;
  height: number;
  lineY: number;
  quarters: StripQuarter[];
  /** The time line the milestones sit on. */
  axis: { x1: number; x2: number; y: number };
  asOf: { x: number; y1: number; y2: number; iso: string; /** The as-of day as people read it. */ text: string; inRange: boolean };
  /** The project's span (start to end), when both are set. */
  span?: { x: number; y: number; width: number; height: number; rx: number };
  milestones: StripMilestone[];
  /** Portfolio markers in the strip's range: bands and lines, labelled between the quarter labels and the line; they take no row. */
  markers: ChartMarker[];
  markerKinds: ReturnType<typeof markerKinds>;
  /** The strip in words for screen readers: counts by state, then each milestone, then the markers. */
  description: string;
}

const STRIP_FONT = 11;
// Quarter ticks run from the top to just below the line; labels sit at the top, right of the tick.
const STRIP_TICK_TOP = 2;
const STRIP_TICK_BELOW = 8;
const STRIP_QUARTER_TEXT = { dx: 3, y: 12 };
/** Quarters narrower than their label (`Q3 FY26/27`) and its margins show `Q3` only. */
const STRIP_SPAN_H = 6;

function stripQuarterText(q: AxisBand, fy: number): string {
  const { fy: qfy, q: n } = quarterOf(q.first, fy);
  const long = formatQuarter(qfy, n, fy, { short: true });
  return textWidth(long, STRIP_FONT) + 2 * STRIP_QUARTER_TEXT.dx <= q.width ? long : q.short;
}
const STRIP_AS_OF_TOP = 16;
/** Marker labels: a row between the quarter labels and the milestones' line. */
const STRIP_MARKER_Y = 25;
const STRIP_MARKER_FONT = 10;
const STRIP_LATE_CROSS = 3;

/**
 * A project's milestones on a small axis (the project's dates and milestones,
 * fitted to fiscal quarters). Labels go on stacked rows so none overlap:
 * each takes the first row where it clears the previous label (greedy).
 */
export function milestoneStrip(model: PortfolioModel, p: ProjectView, width = 720): MilestoneStrip | undefined {
  const fy = model.settings.fiscal_year_start;
  const list = p.record.milestones ?? [];
  if (list.length === 0) return undefined;
  const items = list
    .map((m, i) => ({ m, i, day: endDay(m.date, fy), base: m.baseline !== undefined ? endDay(m.baseline, fy) : undefined }))
    .sort((a, b) => a.day - b.day || a.i - b.i);
  let from = Infinity;
  let to = -Infinity;
  for (const d of [p.startDay, p.endDay, ...items.flatMap((it) => [it.day, it.base])]) {
    if (d === undefined) continue;
    from = Math.min(from, d);
    to = Math.max(to, d);
  }
  const fq = quarterOf(from, fy);
  const tq = quarterOf(to, fy);
  const rangeFrom = quarterBounds(fq.fy, fq.q, fy).first;
  const rangeTo = quarterBounds(tq.fy, tq.q, fy).last;
  const pad = 16;
  const axis = timeAxis(rangeFrom, rangeTo, pad, width - pad, fy);
  const lineY = 34;
  const rowEnds: number[] = [];
  const labelMax = 200;
  const milestones: StripMilestone[] = items.map(({ m, day, base }) => {
    const x = round((axis.x(day) + axis.xEnd(day)) / 2);
    const state: MilestoneState = m.done ? 'done' : p.open && day < model.asOfDay ? 'late' : 'open';
    const label = truncate(m.name, labelMax, STRIP_FONT);
    const w = textWidth(label.text, STRIP_FONT);
    let anchor: StripMilestone['anchor'] = 'middle';
    let left = x - w / 2;
    if (left < 0) {
      anchor = 'start';
      left = x - 4;
    } else if (x + w / 2 > width) {
      anchor = 'end';
      left = x - w + 4;
    }
    let row = rowEnds.findIndex((end) => end + 8 <= left);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = left + w;
    const moved = base !== undefined && base !== day ? base : undefined;
    const bx = moved !== undefined ? round((axis.x(moved) + axis.xEnd(moved)) / 2) : undefined;
    return {
      name: m.name,
      label: label.text,
      dateIso: m.date,
      baselineIso: moved !== undefined ? m.baseline : undefined,
      movedDays: moved !== undefined ? day - moved : undefined,
      done: !!m.done,
      state,
      x,
      path: diamond(x, lineY, 6),
      baselineX: bx,
      cross: state === 'late' ? { x1: x - STRIP_LATE_CROSS, x2: x + STRIP_LATE_CROSS } : undefined,
      baselinePath: bx !== undefined ? diamond(bx, lineY, 4) : undefined,
      labelX: round(anchor === 'middle' ? x : anchor === 'start' ? Math.max(2, x - 4) : Math.min(width - 2, x + 4)),
      labelY: lineY + 22 + row * 15,
      anchor,
      tooltip: `${m.name}: ${formatDate(m.date, fy)}; ${state === 'late' ? 'late (not done)' : state}${moved !== undefined ? `; baseline ${formatDate(m.baseline, fy)}, moved ${formatDays(day - moved)}` : ''}`,
    };
  });
  const asOfX = axis.x(model.asOfDay);
  const span =
    p.startDay !== undefined && p.endDay !== undefined
      ? { x: axis.x(p.startDay), y: lineY - STRIP_SPAN_H / 2, width: round(axis.xEnd(p.endDay) - axis.x(p.startDay)), height: STRIP_SPAN_H, rx: STRIP_SPAN_H / 2 }
      : undefined;
  const height = lineY + 22 + Math.max(1, rowEnds.length) * 15;
  const inRange = model.asOfDay >= rangeFrom && model.asOfDay <= rangeTo;
  const markerObstacles = [
    ...milestones.map((m) => ({ x0: m.x - 6, y0: lineY - 6, x1: m.x + 6, y1: lineY + 6 })),
    ...axis.quarters.map((q) => textBox(stripQuarterText(q, fy), q.x + STRIP_QUARTER_TEXT.dx, STRIP_QUARTER_TEXT.y, 'start', 10)),
  ];
  if (inRange) markerObstacles.push(lineBox(asOfX, STRIP_AS_OF_TOP, height));
  const markers = layoutMarkers(model.markers, axis, rangeFrom, rangeTo, {
    y1: STRIP_AS_OF_TOP,
    y2: height,
    rows: [{ y: STRIP_MARKER_Y, obstacles: markerObstacles }],
    fontSize: STRIP_MARKER_FONT,
    x0: 2,
    x1: width - 2,
    fiscalYearStart: fy,
  });
  const done = milestones.filter((m) => m.state === 'done').length;
  const late = milestones.filter((m) => m.state === 'late').length;
  return {
    width,
    height,
    lineY,
    // The strip has no year row: its quarters carry the fiscal year (`Q3 FY26/27`) where they fit.
    quarters: axis.quarters.map((q) => ({
      ...q,
      label: formatQuarter(quarterOf(q.first, fy).fy, quarterOf(q.first, fy).q, fy),
      y1: STRIP_TICK_TOP,
      y2: lineY + STRIP_TICK_BELOW,
      text: stripQuarterText(q, fy),
      textX: q.x + STRIP_QUARTER_TEXT.dx,
      textY: STRIP_QUARTER_TEXT.y,
    })),
    axis: { x1: axis.quarters[0]?.x ?? 0, x2: width - pad, y: lineY },
    asOf: { x: asOfX, y1: STRIP_AS_OF_TOP, y2: height, iso: dayToIso(model.asOfDay), text: formatDay(model.asOfDay), inRange },
    span,
    milestones,
    markers,
    markerKinds: markerKinds(markers),
    description:
      `${milestones.length} milestones: ${done} done, ${late} late, ${milestones.length - done - late} open. ` +
      milestones.map((m) => `${m.name} ${formatDate(m.dateIso, fy)} (${m.state})`).join('; ') +
      (markers.length > 0 ? `. Portfolio dates: ${markers.map((m) => m.text).join('; ')}` : ''),
  };
}
