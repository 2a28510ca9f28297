/**
 * The roadmap timeline as a view model: swimlanes of project bars on a
 * fiscal time axis, with baselines, progress, milestones and the as-of line.
 * Pure: the portfolio model in, coordinates, path data and labels out. No
 * markup is built here; `src/components/Timeline.astro` renders the view as
 * SVG, so every string from a record is escaped there.
 *
 * Cost: one pass to group projects into lanes, one sort per lane, one pass to
 * lay out bars: O(n log n) in the number of projects, never quadratic.
 */
import { linkedGoals } from '../core/rollup.ts';
import { dayToIso, endDay, quarterOf, type Day } from '../core/dates.ts';
import { compareCodeUnits as cmp, compareTitles, formatDate, formatDay, formatDays, humanize } from '../core/format.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';
import { INVESTMENTS, STATUSES, type Rag, type Status } from '../core/schema.ts';
import { lineBox, placeLabel, textBox, type Box, type LabelCandidate, type PlacedLabel } from './label-boxes.ts';
import { layoutMarkers, markerKinds, type ChartMarker } from './markers.ts';
import { ARROW_HEAD, ARROWS_PER_LANE, laneArrows, placeArrowLabels, type ArrowState, type DependencyType, type Whereabouts } from './timeline-arrows.ts';
import {
  AXIS_PAD,
  axisLabelWidth,
  axisLevels,
  defaultWindow,
  fiscalYearLabel,
  fitRange,
  quarterBounds,
  round,
  textWidth,
  timeAxis,
  truncate,
  wrapText,
  type AxisBand,
  type AxisLevelKey,
} from './time-scale.ts';

export type Grouping = 'program' | 'goal' | 'team' | 'investment' | 'status' | 'none';

/** The roadmap pages, one per grouping, in the order of their links. */
export const GROUPINGS: { key: Exclude<Grouping, 'none'>; label: string; path: string }[] = [
  { key: 'program', label: 'Program', path: '/roadmap/' },
  { key: 'goal', label: 'Goal', path: '/roadmap/by-goal/' },
  { key: 'team', label: 'Team', path: '/roadmap/by-team/' },
  { key: 'investment', label: 'Investment type', path: '/roadmap/by-investment/' },
  { key: 'status', label: 'Status', path: '/roadmap/by-status/' },
];

export type RagOrNone = Rag | 'none';
export type MilestoneState = 'done' | 'open' | 'late';

export interface TimelineMilestone {
  name: string;
  dateIso: string;
  state: MilestoneState;
  x: number;
  y: number;
  /** Diamond path data (numbers only). */
  path: string;
  /** The bar across a late milestone's diamond (late only). */
  cross?: { x1: number; x2: number };
  /** Where the baseline date sits when the milestone moved. */
  baseline?: { x: number; path: string; iso: string; days: number };
  tooltip: string;
  /** The name beside the diamond where it fits, else its number in the lane's key; absent when neither fits. */
  label?: PlacedLabel & { number?: number };
}

export interface TimelineBar {
  id: string;
  title: string;
  /** The title as shown (its lines joined), wrapped and cut to the label column; the full title is in `tooltip`. */
  label: string;
  /** The label's lines (one or two) with their baselines. */
  labelLines: { text: string; y: number }[];
  labelTruncated: boolean;
  status: Status;
  open: boolean;
  rag: RagOrNone;
  /** A text marker beside colour and pattern: `!!` red, `!` amber. */
  marker: string;
  rowY: number;
  /** The whole row as a hover and focus target. */
  hit: { x: number; y: number; width: number; height: number };
  markerX: number;
  labelX: number;
  labelY: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Corner radius of the bar and its progress fill. */
  rx: number;
  progress?: number;
  progressWidth: number;
  startIso: string;
  endIso: string;
  baselineIso?: string;
  slipDays?: number;
  /** The baseline as a thin bar under the bar, with a tick at its end from `tickY1` to `tickY2`. */
  baseline?: { x: number; width: number; y: number; height: number; endX: number; tickY1: number; tickY2: number };
  overdue: boolean;
  overdueDays?: number;
  /** The red stretch from the end to the as-of line of an overdue project. */
  overdueGap?: { x: number; y: number; width: number; height: number };
  /** The red cap on an overdue bar's end. */
  overdueEnd?: { x: number; y: number; width: number; height: number };
  note?: { text: string; x: number; y: number; anchor: 'start' | 'end' };
  /**
   * Confidence range (src/core/forecast/): a whisker from the P50 to the P95 end on the bar's centre line, ticks at both
   * ends (a cut end has none); open projects only. `lead`: a dotted line from the bar's end to a later P50, so a range
   * far after its bar still reads as that bar's.
   */
  whisker?: { x1: number; x2: number; y: number; path: string; lead?: { x0: number; path: string } };
  /** Chevrons on a bar cut by the chart's window: it started before or ends after what is shown. */
  continues: { side: 'before' | 'after'; path: string }[];
  milestones: TimelineMilestone[];
  tooltip: string;
  /** What the project waits on (its dependencies), as the chart draws them: for the table. */
  waitsOn: TimelineWaitsOn[];
}

export interface TimelineWaitsOn {
  id: string;
  title: string;
  type: DependencyType;
  state: ArrowState;
  /** Days the upstream date is after the date needed (a conflict), when it is. */
  daysLate?: number;
  /** `arrow` from the upstream bar, `stub` when the upstream is not in this lane, `off` when the lane draws only conflicts and the critical chain. */
  drawn: 'arrow' | 'stub' | 'off';
}

/** A dependency drawn in a lane: from the upstream bar's edge (or a stub when the upstream is elsewhere) into the dependent's. */
export interface TimelineArrow {
  /** Upstream (waited on) and dependent (waiting) project ids. */
  from: string;
  to: string;
  type: DependencyType;
  state: ArrowState;
  stub: boolean;
  points: [number, number][];
  path: string;
  /** `12 d late` on a conflict; `from Cloud landing zone` on a stub. */
  label?: PlacedLabel;
  tooltip: string;
}

export interface LaneSummary {
  count: number;
  x: number;
  width: number;
  y: number;
  height: number;
  byHealth: Record<RagOrNone, number>;
  overdue: number;
  slipped: number;
  /** The bar split by health, in proportion to the counts (red first). */
  segments: { rag: RagOrNone; x: number; width: number }[];
  /** Counts in words (the tooltip has them all). */
  text: string;
  /** Two short lines for the label column, cut to fit it: count, then health. */
  lines: { text: string; y: number }[];
  textX: number;
  tooltip: string;
  startIso: string;
  endIso: string;
}

export interface TimelineLane {
  key: string;
  label: string;
  /** The heading's lines (one or two) with their baselines, in the name column. */
  labelLines: { text: string; y: number }[];
  labelTruncated: boolean;
  /** The full heading, for its <title>. */
  fullLabel: string;
  /** The record the lane stands for, to link its heading. */
  record?: { kind: 'programs' | 'goals' | 'teams'; id: string };
  /** The lane's background: full width, every other lane shaded (`alt`). */
  x: number;
  y: number;
  width: number;
  height: number;
  alt: boolean;
  labelX: number;
  headerY: number;
  count: number;
  bars: TimelineBar[];
  /** Set when lanes are collapsed (too many projects to draw one row each). */
  summary?: LaneSummary;
  /** Milestones shown by number on the lane's bars, named in a key under the lane. */
  milestoneKey?: TimelineKey;
  /** Dependency arrows, quiet ones first so conflicts and the critical chain are drawn on top. */
  arrows: TimelineArrow[];
  /** Set when the lane has more than ARROWS_PER_LANE dependencies and draws only conflicts and the critical chain. */
  arrowsLimited?: { total: number; drawn: number };
}

export interface TimelineKey {
  /** `Milestones` in the name column, level with the first line. */
  title: { text: string; x: number; y: number };
  /** The entries (`1 Public launch · 2 …`) wrapped to the plot's width. */
  lines: { text: string; y: number }[];
  x: number;
  entries: { number: number; name: string; project: string; dateIso: string }[];
}

export interface TimelineView {
  width: number;
  height: number;
  labelWidth: number;
  plotX0: number;
  plotX1: number;
  headerHeight: number;
  grouping: Grouping;
  /** The portfolio's `fiscal_year_start`, to write the dates of the chart's text alternatives. */
  fiscalYearStart: number;
  /** The header's rows, coarsest first: fiscal years (or 5, 10… at a time), then quarters and months where their labels fit. */
  levels: TimelineLevel[];
  /** Boundaries of the finest row above months as gridlines at `x`, from `y1` to `y2`. */
  grid: { x: number[]; y1: number; y2: number };
  /** What the chart shows: the whole span of the data or a window of it. */
  span: {
    fromIso: string;
    toIso: string;
    /** Cut to the default window (a year before the as-of day to three after). */
    windowed: boolean;
    /** The data's own range, fitted to quarters. */
    dataFromIso: string;
    dataToIso: string;
    /** Years shown, rounded, for the link text. */
    years: number;
    /** Projects left off because they end before or start after the window. */
    outsideBefore: number;
    outsideAfter: number;
  };
  /** The small-screen alternative: projects by the fiscal quarter they end in, from the as-of quarter on (at most QUARTER_LIST_QUARTERS). */
  quarterList: TimelineQuarter[];
  /** Projects the quarter list leaves out: ending before its first quarter (and how many of them are overdue), or after its last. */
  quarterListOmitted: { before: number; overdueBefore: number; after: number };
  asOf: { x: number; y1: number; y2: number; iso: string; /** `As of 15 Nov 2026`. */ text: string; labelX: number; labelY: number; anchor: 'start' | 'end'; /** The label's estimated box. */ box: Box };
  /** Portfolio markers in the window: bands and lines over the plot, labelled in the row of the as-of label; they take no row. */
  markers: ChartMarker[];
  /** The marker kinds drawn, for the legend. */
  markerKinds: ReturnType<typeof markerKinds>;
  /** Fill patterns for red (hatch) and amber (dots) marks, beside colour. */
  patterns: typeof HEALTH_PATTERNS;
  lanes: TimelineLane[];
  collapsed: boolean;
  /** Projects drawn (with a start and an end). */
  charted: number;
  /** Projects left off: no start or no end (intake), with why. */
  unscheduled: { id: string; title: string; status: Status; reason: string }[];
  /** Distinct health values drawn, for the legend. */
  healthPresent: RagOrNone[];
  hasMilestones: boolean;
  hasBaseline: boolean;
  hasOverdue: boolean;
  /** Some bar has a confidence-range whisker (for the legend). */
  hasWhisker: boolean;
  /** The arrowhead, drawn once per chart as a marker. */
  arrowHead: typeof ARROW_HEAD;
  /** The kinds of dependency arrow drawn, for the legend. */
  arrowKinds: { quiet: boolean; critical: boolean; conflict: boolean; stub: boolean };
  /** Lanes that draw only conflicts and the critical chain, for the note under the chart. */
  arrowsLimited: { lane: string; total: number; drawn: number }[];
  /** Dependencies of the charted projects (the table's "Waits on" column lists them). */
  dependencies: number;
}

/** An axis band drawn as a rectangle from `y` to `y + height`, with its label ('' when none fits). */
export interface TimelineBand extends AxisBand {
  text: string;
  textX: number;
  textY: number;
  y: number;
  height: number;
  /** Right end of the label (estimated, with a margin): labels of a row never overlap. */
  textX1: number;
}

export interface TimelineLevel {
  key: AxisLevelKey;
  step: number;
  fontSize: number;
  bands: TimelineBand[];
}

export interface TimelineQuarter {
  /** `Q3 FY2026/27`. */
  label: string;
  firstIso: string;
  lastIso: string;
  items: { id: string; title: string; status: Status; rag: RagOrNone; marker: string; startIso: string; endIso: string; overdue: boolean }[];
  /** Projects of the quarter beyond the first QUARTER_LIST_MAX, not listed. */
  more: number;
}

export interface TimelineOptions {
  grouping?: Grouping;
  /** Chart width in SVG units. */
  width?: number;
  labelWidth?: number;
  /** Draw lanes as one summary row each above this many charted projects. */
  collapseAt?: number;
  /** Show milestones on the bars. */
  milestones?: boolean;
  /** Show the default window around the as-of day instead of the whole span. */
  window?: boolean;
  /** Draw dependency arrows (default true). */
  arrows?: boolean;
  /** With grouping 'none': how many projects the chart stands for when it draws only some ("Projects (50 of 77)"). */
  ofTotal?: number;
}

const ROW = 24;
/** A row whose name takes two lines. */
const ROW_TWO = 36;
const LINE = 14;
const SUMMARY_ROW = 32;
const BAR = 12;
const LANE_HEAD = 26;
const LANE_HEAD_TWO = 42;
const LANE_GAP = 6;
/** Header rows: one per axis level, each a band of BAND_H with BAND_GAP below. */
const BAND_H = 18;
const BAND_GAP = 2;
const FONT = 12;
const NOTE_FONT = 11;
const DIAMOND = 5;
const RIGHT_PAD = 12;
/** Projects listed per quarter in the small-screen list; the table has them all. */
const QUARTER_LIST_MAX = 25;
/** Quarters the small-screen list shows: a phone reader wants what lands next, and a long list would outweigh the page. */
const QUARTER_LIST_QUARTERS = 8;
const CHEVRON = 4;
// The label column: lane heading, bar marker (`!!`), project title.
const LANE_LABEL_X = 6;
const MARKER_X = 8;
const BAR_LABEL_X = 24;
const BAR_RADIUS = 2;
const BASELINE_H = 3;
const OVERDUE_GAP_H = 4;
const OVERDUE_END_W = 3;
const LATE_CROSS = 2.5;
/** Half the height of a confidence whisker's end ticks. */
const WHISKER_TICK = 3;
/** The narrowest gap between a bar's end and its P50 that gets a dotted lead. */
const WHISKER_LEAD_MIN = 6;
/** Milestone names on the bars; the key under a lane. */
const MS_FONT = 11;
const KEY_MAX_LINES = 4;
/** The sizes of the timeline's marks, for the legend (src/charts/timeline-legend.ts) to draw the same. */
export const TIMELINE_MARKS = {
  barHeight: BAR,
  barRadius: BAR_RADIUS,
  diamond: DIAMOND,
  baselineDiamond: DIAMOND - 1.5,
  lateCross: LATE_CROSS,
  baselineHeight: BASELINE_H,
  overdueGapHeight: OVERDUE_GAP_H,
  whiskerTick: WHISKER_TICK,
} as const;

/** Tiles of the fill patterns over red (hatched) and amber (dotted) bars; the legend draws the same. */
export const HEALTH_PATTERNS = {
  hatch: { size: 6, rotate: 45, line: { x1: 0, y1: 0, x2: 0, y2: 6 } },
  dots: { size: 5, cx: 2.5, cy: 2.5, r: 1 },
} as const;

/** The boxes of an axis row's labels, with the band's left padding. */
function axisLabelBoxes(level: TimelineLevel): Box[] {
  return level.bands.filter((b) => b.text).map((b) => ({ x0: b.textX - AXIS_PAD, y0: b.y, x1: b.textX1, y1: b.y + b.height }));
}

/** The header rows as drawn: one band row per level, labels at the band's left. */
function headerRows(levels: ReturnType<typeof axisLevels>): TimelineLevel[] {
  return levels.map((level, i) => {
    const y = i * (BAND_H + BAND_GAP);
    return {
      key: level.key,
      step: level.step,
      fontSize: level.fontSize,
      bands: level.bands.map((b) => ({
        ...b,
        y,
        height: BAND_H,
        textX: b.x + AXIS_PAD,
        textY: y + 13,
        textX1: round(b.x + AXIS_PAD + (b.text ? axisLabelWidth(b.text, level.fontSize) : 0)),
      })),
    };
  });
}

export { ARROWS_PER_LANE };

export const RAG_ORDER: RagOrNone[] = ['red', 'amber', 'green', 'none'];
export const MARKERS: Record<RagOrNone, string> = { red: '!!', amber: '!', green: '', none: '' };

interface LaneDraft {
  key: string;
  label: string;
  sort: string;
  record?: { kind: 'programs' | 'goals' | 'teams'; id: string };
  projects: ProjectView[];
}

/** Lanes for a grouping: each project in every lane it belongs to, lanes in a fixed order. */
export function groupIntoLanes(model: PortfolioModel, projects: readonly ProjectView[], grouping: Grouping): LaneDraft[] {
  const lanes = new Map<string, LaneDraft>();
  const add = (key: string, label: string, sort: string, p: ProjectView, record?: LaneDraft['record']) => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { key, label, sort, record, projects: [] };
      lanes.set(key, lane);
    }
    lane.projects.push(p);
  };
  // Titles sort lanes; "none" lanes go last (the sort key starts with a high character).
  const LAST = '\uffff';
  let teamsOf: Map<string, string[]> | undefined;
  if (grouping === 'team') {
    teamsOf = new Map();
    for (const t of model.teams) for (const id of t.projects) (teamsOf.get(id) ?? teamsOf.set(id, []).get(id)!).push(t.id);
  }
  for (const p of projects) {
    const r = p.record;
    if (grouping === 'none') add('all', 'Projects', '', p);
    else if (grouping === 'program') {
      const prog = r.program ? model.byId.programs.get(r.program) : undefined;
      if (prog) add(`program:${prog.id}`, prog.record.title, prog.record.title, p, { kind: 'programs', id: prog.id });
      else add('program:-', 'No program', LAST, p);
    } else if (grouping === 'goal') {
      // Linked directly or through the program, as goal pages and the scorecard count them.
      const goals = linkedGoals(p, model.byId.programs).filter((g) => model.byId.goals.has(g));
      if (goals.length === 0) add('goal:-', 'No goal', LAST, p);
      for (const g of goals) {
        const goal = model.byId.goals.get(g)!;
        add(`goal:${g}`, goal.record.title, goal.record.title, p, { kind: 'goals', id: g });
      }
    } else if (grouping === 'team') {
      const teams = teamsOf!.get(p.id) ?? [];
      if (teams.length === 0) add('team:-', 'No team', LAST, p);
      for (const id of teams) {
        const team = model.byId.teams.get(id)!;
        add(`team:${id}`, team.record.title, team.record.title, p, { kind: 'teams', id });
      }
    } else if (grouping === 'investment') {
      const inv = r.investment;
      if (inv) add(`investment:${inv}`, humanize(inv), String(INVESTMENTS.indexOf(inv)), p);
      else add('investment:-', 'No investment type', LAST, p);
    } else {
      add(`status:${r.status}`, humanize(r.status), String(STATUSES.indexOf(r.status)), p);
    }
  }
  return [...lanes.values()].sort((a, b) => +(a.sort === LAST) - +(b.sort === LAST) || compareTitles(a.sort, b.sort) || cmp(a.key, b.key));
}


/** Path data of a diamond centred on (x, y) with half-diagonal r: relative steps after the top corner (shorter; one repeats per milestone). */
export function diamond(x: number, y: number, r: number): string {
  const d = round(r);
  return `M${round(x)} ${round(y - r)}l${d} ${d}-${d} ${d}-${d}-${d}z`;
}

function healthText(p: ProjectView): string {
  const overall = p.health.overall;
  if (!overall) return 'no health data';
  const reasons = (['schedule', 'budget', 'scope', 'resources', 'benefits'] as const)
    .map((d) => p.health[d])
    .filter((h) => h && h.value === overall)
    .map((h) => h!.reason);
  return `${humanize(overall)}${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
}

/** Above this many charted projects, each lane is drawn as one summary row (collapseAt's default). */
export const COLLAPSE_AT = 500;

/** The one-lane timeline of some projects by id (a program's, goal's or team's record page); unknown ids are ignored. */
export function projectsTimeline(model: PortfolioModel, ids: readonly string[], ofTotal?: number): TimelineView {
  const projects = ids.map((id) => model.byId.projects.get(id)).filter((p): p is ProjectView => p !== undefined);
  return buildTimeline(model, projects, { grouping: 'none', ofTotal });
}

/** Whether a project can be drawn: it needs both a start and an end. */
export function isScheduled(p: ProjectView): boolean {
  return p.startDay !== undefined && p.endDay !== undefined;
}

/**
 * The timeline of `projects` (default: every project of the model), grouped
 * into lanes. Projects without a start or an end are listed in `unscheduled`.
 */
export function buildTimeline(model: PortfolioModel, projects: readonly ProjectView[] = model.projects, options: TimelineOptions = {}): TimelineView {
  const grouping = options.grouping ?? 'program';
  const width = options.width ?? 1100;
  const labelWidth = options.labelWidth ?? 260;
  const collapseAt = options.collapseAt ?? COLLAPSE_AT;
  const showMilestones = options.milestones ?? true;
  const showArrows = options.arrows ?? true;
  const fy = model.settings.fiscal_year_start;
  const asOfDay = model.asOfDay;

  const scheduled: ProjectView[] = [];
  const unscheduled: TimelineView['unscheduled'] = [];
  for (const p of projects) {
    if (isScheduled(p)) scheduled.push(p);
    else
      unscheduled.push({
        id: p.id,
        title: p.record.title,
        status: p.record.status,
        reason: p.startDay === undefined && p.endDay === undefined ? 'no dates' : p.startDay === undefined ? 'no start date' : 'no end date',
      });
  }
  unscheduled.sort((a, b) => cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.id, b.id));

  // The data's range from bars alone, then the window (when asked) cut to it.
  const data = fitRange(scheduled.flatMap((p) => [p.startDay, p.endDay]), asOfDay, fy);
  let from = data.from;
  let to = data.to;
  if (options.window) {
    const w = defaultWindow(asOfDay, fy);
    from = Math.max(from, w.from);
    to = Math.min(to, w.to);
  }
  const windowed = from > data.from || to < data.to;
  let outsideBefore = 0;
  let outsideAfter = 0;
  const charted: ProjectView[] = [];
  for (const p of scheduled) {
    if (p.endDay! < from) outsideBefore += 1;
    else if (p.startDay! > to) outsideAfter += 1;
    else charted.push(p);
  }
  const collapsed = charted.length > collapseAt;

  // Milestone days per project, computed once (used for the range and the bars).
  const milestoneDays = new Map<string, { day: Day; baseline?: Day }[]>();
  function* allDays(): Generator<Day | undefined> {
    for (const p of charted) {
      yield p.startDay;
      yield p.endDay;
      if (collapsed) continue;
      yield p.baselineEndDay;
      if (!showMilestones) continue;
      const ms = (p.record.milestones ?? []).map((m) => ({
        day: endDay(m.date, fy),
        baseline: m.baseline !== undefined ? endDay(m.baseline, fy) : undefined,
      }));
      milestoneDays.set(p.id, ms);
      for (const m of ms) {
        yield m.day;
        yield m.baseline;
      }
    }
  }
  // Baselines and milestones widen the whole span; a window stays as it is.
  const full = fitRange(allDays(), asOfDay, fy);
  if (!options.window) {
    from = full.from;
    to = full.to;
  }
  const plotX0 = labelWidth;
  const plotX1 = width - RIGHT_PAD;
  const axis = timeAxis(from, to, plotX0, plotX1, fy);
  const levels = headerRows(axisLevels(axis, fy));
  const header = levels.length * (BAND_H + BAND_GAP) + 6;

  // Names first: wrapped to two lines, then the ones that read the same told apart by their id.
  const names = projectLabels(charted, labelWidth - BAR_LABEL_X - 8);

  const drafts = groupIntoLanes(model, charted, grouping);
  const lanes: TimelineLane[] = [];
  const healthPresent = new Set<RagOrNone>();
  let hasMilestones = false;
  let hasBaseline = false;
  let hasOverdue = false;
  let hasWhisker = false;
  const arrowKinds = { quiet: false, critical: false, conflict: false, stub: false };
  const arrowsLimited: TimelineView['arrowsLimited'] = [];
  const where = dependencyWhere(model, projects, charted, scheduled);
  let y = header + 8;
  const asOfX = axis.x(asOfDay);
  const range = { from, to };
  // The as-of label first: marker labels share its row and keep clear of it.
  const asOfText = `As of ${formatDay(asOfDay)}`;
  const asOfLabelW = textWidth(asOfText, NOTE_FONT);
  const asOfAnchor: 'start' | 'end' = asOfX + 4 + asOfLabelW <= plotX1 ? 'start' : 'end';
  const asOfLabelX = asOfAnchor === 'start' ? asOfX + 4 : asOfX - 4;
  const asOfLabelY = header + 4;
  const asOfBox = textBox(asOfText, asOfLabelX, asOfLabelY, asOfAnchor, NOTE_FONT, true);

  for (const draft of drafts) {
    const sorted = draft.projects.sort(
      (a, b) => a.startDay! - b.startDay! || a.endDay! - b.endDay! || cmp(a.id, b.id),
    );
    const ofTotal = grouping === 'none' && options.ofTotal !== undefined && options.ofTotal > sorted.length ? ` of ${options.ofTotal}` : '';
    const fullLabel = `${draft.label} (${sorted.length}${ofTotal})`;
    // Lane headings are bold: up to 20% wider than the per-character estimate.
    const laneLabel = wrapText(fullLabel, (labelWidth - LANE_LABEL_X - 6) / 1.2, FONT + 1);
    const head = laneLabel.lines.length > 1 ? LANE_HEAD_TWO : LANE_HEAD;
    const lane: TimelineLane = {
      key: draft.key,
      label: laneLabel.lines.join(' '),
      labelLines: laneLabel.lines.map((text, i) => ({ text, y: y + 17 + i * (LINE + 2) })),
      labelTruncated: laneLabel.truncated,
      fullLabel,
      record: draft.record,
      x: 0,
      y,
      width,
      height: 0,
      alt: lanes.length % 2 === 1,
      labelX: LANE_LABEL_X,
      headerY: y + 17,
      count: sorted.length,
      bars: [],
      arrows: [],
    };
    let rowY = y + head;
    if (collapsed) {
      let min = Infinity;
      let max = -Infinity;
      const byHealth: Record<RagOrNone, number> = { red: 0, amber: 0, green: 0, none: 0 };
      let overdue = 0;
      let slipped = 0;
      for (const p of sorted) {
        min = Math.min(min, p.startDay!);
        max = Math.max(max, p.endDay!);
        byHealth[p.health.overall ?? 'none'] += 1;
        if (p.overdue) overdue += 1;
        if (p.open && (p.slipDays ?? 0) > 0) slipped += 1;
      }
      const x = axis.x(min);
      const spanWidth = Math.max(2, round(axis.xEnd(max) - x));
      const segments: LaneSummary['segments'] = [];
      let acc = 0;
      for (const rag of RAG_ORDER) {
        if (byHealth[rag] === 0) continue;
        const sx = round(x + (spanWidth * acc) / sorted.length);
        acc += byHealth[rag];
        segments.push({ rag, x: sx, width: round(x + (spanWidth * acc) / sorted.length - sx) });
      }
      const parts = RAG_ORDER.filter((r) => byHealth[r] > 0).map((r) => `${byHealth[r]} ${r === 'none' ? 'no data' : r}`);
      const text = `${sorted.length} projects: ${parts.join(', ')}${overdue ? `, ${overdue} overdue` : ''}`;
      const summaryY = rowY + (SUMMARY_ROW - BAR) / 2;
      const line1 = truncate(`${sorted.length} projects${overdue ? `, ${overdue} overdue` : ''}, ${slipped} slipped`, labelWidth - 24, NOTE_FONT).text;
      const line2 = truncate(parts.join(' · '), labelWidth - 24, NOTE_FONT).text;
      lane.summary = {
        count: sorted.length,
        x,
        width: spanWidth,
        y: summaryY,
        segments,
        height: BAR,
        byHealth,
        overdue,
        slipped,
        text,
        lines: [
          { text: line1, y: rowY + 12 },
          { text: line2, y: rowY + 26 },
        ],
        textX: 24,
        tooltip: `${draft.label}: ${text}; ${slipped} slipped; ${formatDay(min)} to ${formatDay(max)}${min < from || max > to ? `; continues past the ${formatDay(from)} to ${formatDay(to)} shown` : ''}`,
        startIso: dayToIso(min),
        endIso: dayToIso(max),
      };
      lane.height = head + SUMMARY_ROW;
      for (const r of RAG_ORDER) if (byHealth[r] > 0) healthPresent.add(r);
      if (overdue) hasOverdue = true;
    } else {
      const key: TimelineKey['entries'] = [];
      const marks: RowMarks[] = [];
      for (const p of sorted) {
        const name = names.get(p.id)!;
        const rowH = name.lines.length > 1 ? ROW_TWO : ROW;
        const laid = layoutBar(p, rowY, rowH, name, width, axis, range, asOfDay, asOfX, labelWidth, plotX1, showMilestones ? (milestoneDays.get(p.id) ?? []) : [], fy);
        lane.bars.push(laid.bar);
        marks.push(laid.marks);
        healthPresent.add(laid.bar.rag);
        if (laid.bar.milestones.length) hasMilestones = true;
        if (laid.bar.baseline) hasBaseline = true;
        if (laid.bar.whisker) hasWhisker = true;
        if (laid.bar.overdue) hasOverdue = true;
        rowY += rowH;
      }
      // Arrows before labels: milestone names keep clear of them.
      const { rowBoxes, labels } = showArrows ? laneArrows(model, lane, sorted, where, { x0: plotX0, x1: plotX1 }) : { rowBoxes: lane.bars.map(() => []), labels: new Map() };
      for (const a of lane.arrows) arrowKinds[a.state] = true;
      if (lane.arrows.some((a) => a.stub)) arrowKinds.stub = true;
      if (lane.arrowsLimited) arrowsLimited.push({ lane: draft.label, ...lane.arrowsLimited });
      for (const [i, bar] of lane.bars.entries()) {
        const obstacles = [...rowObstacles(bar.milestones, marks[i]), ...rowBoxes[i]];
        placeArrowLabels(lane.arrows, labels, bar, obstacles, { x0: labelWidth + 2, x1: plotX1 }, obstacles[0]);
        placeMilestoneLabels(bar.milestones, marks[i], bar.title, key, obstacles);
      }
      if (key.length > 0) {
        lane.milestoneKey = laneKey(key, rowY, plotX0, plotX1);
        rowY += lane.milestoneKey.lines.length * LINE + 6;
      }
      lane.height = rowY - y;
    }
    lanes.push(lane);
    y += lane.height + LANE_GAP;
  }

  const height = Math.max(y + 4, header + 40);
  const asOfIso = dayToIso(asOfDay);
  const markers = layoutMarkers(model.markers, axis, from, to, {
    y1: header - 6,
    y2: height,
    // Under the axis beside the as-of label, else in an axis row beside its labels (finest row first).
    rows: [
      { y: asOfLabelY, obstacles: [asOfBox, lineBox(asOfX, asOfLabelY - NOTE_FONT, asOfLabelY + 5)] },
      ...levels.toReversed().map((level, i, finestFirst) => ({
        y: level.bands[0].textY,
        obstacles: axisLabelBoxes(level),
        tickObstacles: finestFirst.slice(0, i + 1).flatMap(axisLabelBoxes),
      })),
    ],
    fontSize: NOTE_FONT,
    x0: plotX0 + 2,
    x1: width - 2,
    fiscalYearStart: fy,
  });
  // Gridlines at the finest row above months (quarters, else the year row).
  const gridLevel = levels.filter((l) => l.key !== 'months').at(-1)!;
  return {
    width,
    height,
    labelWidth,
    plotX0,
    plotX1,
    headerHeight: header,
    grouping,
    fiscalYearStart: fy,
    levels,
    grid: { x: gridLevel.bands.map((b) => b.x).concat(plotX1), y1: gridLevel.bands[0]?.y ?? 0, y2: height },
    span: {
      fromIso: dayToIso(from),
      toIso: dayToIso(to),
      windowed,
      dataFromIso: dayToIso(options.window ? data.from : full.from),
      dataToIso: dayToIso(options.window ? data.to : full.to),
      years: Math.max(1, Math.round((to - from + 1) / 365.25)),
      outsideBefore,
      outsideAfter,
    },
    ...quarterList(charted, fy, asOfDay),
    asOf: {
      x: asOfX,
      y1: header - 6,
      y2: height,
      iso: asOfIso,
      text: asOfText,
      labelX: asOfLabelX,
      labelY: asOfLabelY,
      anchor: asOfAnchor,
      box: asOfBox,
    },
    markers,
    markerKinds: markerKinds(markers),
    patterns: HEALTH_PATTERNS,
    lanes,
    collapsed,
    charted: charted.length,
    unscheduled,
    healthPresent: RAG_ORDER.filter((r) => healthPresent.has(r)),
    hasMilestones,
    hasBaseline,
    hasOverdue,
    hasWhisker,
    arrowHead: ARROW_HEAD,
    arrowKinds,
    arrowsLimited,
    dependencies: lanes.reduce((n, l) => n + l.bars.reduce((m, b) => m + b.waitsOn.length, 0), 0),
  };
}

/** Where each project is, seen from this chart: drawn, outside the window, without dates, or not among its projects. */
function dependencyWhere(model: PortfolioModel, projects: readonly ProjectView[], charted: readonly ProjectView[], scheduled: readonly ProjectView[]): (id: string) => Whereabouts {
  const drawn = new Set(charted.map((p) => p.id));
  const dated = new Set(scheduled.map((p) => p.id));
  const shown = projects === model.projects ? undefined : new Set(projects.map((p) => p.id));
  return (id) => (drawn.has(id) ? 'charted' : dated.has(id) ? 'outside' : shown && !shown.has(id) ? 'not-shown' : 'unscheduled');
}

/**
 * Each project's name in the label column: up to two lines, cut with `…`.
 * Names that still read the same as another project's (two "New Style of
 * Information…") end with their project id instead.
 */
function projectLabels(projects: readonly ProjectView[], maxWidth: number): Map<string, { lines: string[]; truncated: boolean }> {
  const out = new Map<string, { lines: string[]; truncated: boolean }>();
  const seen = new Map<string, string[]>();
  for (const p of projects) {
    if (out.has(p.id)) continue;
    const w = wrapText(p.record.title, maxWidth, FONT);
    out.set(p.id, w);
    const key = w.lines.join('\n');
    (seen.get(key) ?? seen.set(key, []).get(key)!).push(p.id);
  }
  for (const ids of seen.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      const p = projects.find((x) => x.id === id)!;
      const tag = truncate(id, maxWidth / 2, FONT).text;
      out.set(id, { ...wrapText(p.record.title, maxWidth, FONT, 2, ` · ${tag}`), truncated: true });
    }
  }
  return out;
}

/** Projects by the fiscal quarter they end in, quarters in order, each sorted by end then title. */
function quarterList(projects: readonly ProjectView[], fy: number, asOfDay: Day): Pick<TimelineView, 'quarterList' | 'quarterListOmitted'> {
  const key = (day: Day) => {
    const q = quarterOf(day, fy);
    return q.fy * 4 + q.q - 1;
  };
  const byQuarter = new Map<number, ProjectView[]>();
  for (const p of projects) {
    const k = key(p.endDay!);
    (byQuarter.get(k) ?? byQuarter.set(k, []).get(k)!).push(p);
  }
  const quarters = [...byQuarter.entries()].sort((a, b) => a[0] - b[0]);
  // From the as-of quarter on; a portfolio that ended before the as-of day shows its last quarters.
  const firstCurrent = quarters.findIndex(([k]) => k >= key(asOfDay));
  const start = firstCurrent >= 0 ? firstCurrent : Math.max(0, quarters.length - QUARTER_LIST_QUARTERS);
  const shown = quarters.slice(start, start + QUARTER_LIST_QUARTERS);
  const before = quarters.slice(0, start).flatMap(([, ps]) => ps);
  const quarterListOmitted = {
    before: before.length,
    overdueBefore: before.filter((p) => p.overdue).length,
    after: quarters.slice(start + QUARTER_LIST_QUARTERS).reduce((n, [, ps]) => n + ps.length, 0),
  };
  const quarterList = shown.map(([k, ps]) => {
      const qfy = Math.floor(k / 4);
      const q = (k % 4) + 1;
      const bounds = quarterBounds(qfy, q, fy);
      ps.sort((a, b) => a.endDay! - b.endDay! || compareTitles(a.record.title, b.record.title) || cmp(a.id, b.id));
      const items = ps.slice(0, QUARTER_LIST_MAX).map((p) => {
        const rag: RagOrNone = p.health.overall ?? 'none';
        return {
          id: p.id,
          title: p.record.title,
          status: p.record.status,
          rag,
          marker: MARKERS[rag],
          startIso: p.record.start!,
          endIso: p.record.end!,
          overdue: p.overdue && p.endDay! < asOfDay,
        };
      });
      return { label: `Q${q} ${fiscalYearLabel(qfy, fy)}`, firstIso: dayToIso(bounds.first), lastIso: dayToIso(bounds.last), items, more: ps.length - items.length };
    });
  return { quarterList, quarterListOmitted };
}

function layoutBar(
  p: ProjectView,
  rowY: number,
  rowH: number,
  name: { lines: string[]; truncated: boolean },
  chartWidth: number,
  axis: ReturnType<typeof timeAxis>,
  range: { from: Day; to: Day },
  asOfDay: Day,
  asOfX: number,
  labelWidth: number,
  plotX1: number,
  milestoneDays: { day: Day; baseline?: Day }[],
  fy: number,
): { bar: TimelineBar; marks: RowMarks } {
  const r = p.record;
  const rag: RagOrNone = p.health.overall ?? 'none';
  const x = axis.x(p.startDay!);
  const width = Math.max(2, round(axis.xEnd(p.endDay!) - x));
  const y = rowY + (rowH - BAR) / 2;
  const progress = r.progress;
  const overdueDays = p.overdue ? asOfDay - p.endDay! : undefined;
  // The note and a one-line name sit on the bar's line; two lines sit around it.
  const labelY = y + BAR / 2 + 4;
  const labelLines = name.lines.map((text, i) => ({ text, y: name.lines.length > 1 ? rowY + 14 + i * LINE : labelY }));
  const slip = p.slipDays;

  let baseline: TimelineBar['baseline'];
  if (p.baselineEndDay !== undefined && p.baselineEndDay !== p.endDay) {
    const bx = axis.x(Math.min(p.startDay!, p.baselineEndDay));
    const endX = axis.xEnd(p.baselineEndDay);
    const by = y + BAR + 2;
    baseline = { x: bx, width: Math.max(1, round(endX - bx)), y: by, height: BASELINE_H, endX, tickY1: y - 2, tickY2: by + 4 };
  }

  let overdueGap: TimelineBar['overdueGap'];
  if (p.overdue) {
    const gx = x + width;
    overdueGap = { x: gx, y: y + 4, width: Math.max(1, round(asOfX - gx)), height: OVERDUE_GAP_H };
  }

  // The confidence range, P50 to P95, clipped to the plot; none when the spread is nil, nor on an overdue bar
  // (its range starts from an end already gone, and would sit on the overdue stretch).
  let whisker: TimelineBar['whisker'];
  const f = p.open ? p.forecast : undefined;
  if (f && !p.overdue && f.p95Day > f.p50Day && f.p95Day >= range.from && f.p50Day <= range.to) {
    const wy = y + BAR / 2;
    const plotX0 = axis.x(range.from);
    const x1 = round(Math.max(plotX0, axis.xEnd(f.p50Day)));
    const x2 = round(Math.min(plotX1, axis.xEnd(f.p95Day)));
    // Relative moves keep the path short: it repeats on every open bar of every timeline.
    const tick = `v${2 * WHISKER_TICK}m0 -${WHISKER_TICK}`;
    const start = f.p50Day >= range.from ? `M${x1} ${wy - WHISKER_TICK}${tick}` : `M${x1} ${wy}`;
    const end = f.p95Day <= range.to ? `m0 -${WHISKER_TICK}v${2 * WHISKER_TICK}` : '';
    const barEnd = round(x + width);
    // A lead only where there is a gap worth bridging (a few pixels read as touching).
    const lead = f.p50Day >= range.from && x1 - barEnd >= WHISKER_LEAD_MIN ? { x0: barEnd, path: `M${barEnd} ${wy}H${x1}` } : undefined;
    whisker = { x1, x2, y: wy, path: `${start}H${x2}${end}`, ...(lead ? { lead } : {}) };
  }

  const noteParts: string[] = [];
  if (p.overdue) noteParts.push(`overdue ${overdueDays} d`);
  if (slip !== undefined && slip > 0 && p.open) noteParts.push(`+${slip} d slip`);
  if (r.status === 'cancelled') noteParts.push('cancelled');
  else if (r.status === 'on-hold') noteParts.push('on hold');
  else if (r.status === 'done') noteParts.push('done');
  let note: TimelineBar['note'];
  if (noteParts.length) {
    const text = noteParts.join(', ');
    const w = textWidth(text, NOTE_FONT);
    const after = Math.max(x + width, overdueGap ? overdueGap.x + overdueGap.width : 0, baseline ? baseline.endX : 0, whisker ? whisker.x2 : 0) + 5;
    if (after + w <= plotX1) note = { text, x: round(after), y: labelY, anchor: 'start' };
    else if (x - 5 - w >= labelWidth) note = { text, x: round(x - 5), y: labelY, anchor: 'end' };
  }

  const milestones: TimelineMilestone[] = [];
  const list = r.milestones ?? [];
  for (let i = 0; i < list.length; i += 1) {
    const m = list[i];
    const { day, baseline: bday } = milestoneDays[i] ?? { day: undefined };
    // Milestones outside the window are left off the chart (the table lists them).
    if (day === undefined || day < range.from || day > range.to) continue;
    // Late only while the project is open: a done or cancelled project's unfinished milestones are moot.
    const state: MilestoneState = m.done ? 'done' : p.open && day < asOfDay ? 'late' : 'open';
    const mx = round((axis.x(day) + axis.xEnd(day)) / 2);
    const my = y + BAR / 2;
    const moved = bday !== undefined && bday !== day && bday >= range.from && bday <= range.to ? bday : undefined;
    const tip = [
      `${m.name}: ${formatDate(m.date, fy)}`,
      state === 'done' ? 'done' : state === 'late' ? `late (not done, due before ${formatDay(asOfDay)})` : 'open',
      moved !== undefined ? `baseline ${formatDate(m.baseline, fy)}, moved ${formatDays(day - moved)}` : undefined,
    ]
      .filter(Boolean)
      .join('; ');
    const bx = moved !== undefined ? round((axis.x(moved) + axis.xEnd(moved)) / 2) : undefined;
    milestones.push({
      name: m.name,
      dateIso: m.date,
      state,
      x: mx,
      y: my,
      path: diamond(mx, my, DIAMOND),
      cross: state === 'late' ? { x1: mx - LATE_CROSS, x2: mx + LATE_CROSS } : undefined,
      baseline: moved !== undefined ? { x: bx!, path: diamond(bx!, my, TIMELINE_MARKS.baselineDiamond), iso: m.baseline!, days: day - moved } : undefined,
      tooltip: tip,
    });
  }

  const tooltip = [
    `${r.title} (${humanize(r.status)})`,
    `${formatDate(r.start, fy)} to ${formatDate(r.end, fy)}`,
    progress !== undefined ? `${progress}% complete` : undefined,
    `health ${healthText(p)}`,
    r.baseline_end !== undefined ? `baseline end ${formatDate(r.baseline_end, fy)}${slip !== undefined ? `, slip ${formatDays(slip)}` : ''}` : undefined,
    p.overdue ? `overdue: ended ${overdueDays} days before ${formatDay(asOfDay)} and still open` : undefined,
    f ? `likely end: P50 ${formatDate(f.p50, fy)}, P80 ${formatDate(f.p80, fy)}, P95 ${formatDate(f.p95, fy)}` : undefined,
    p.startDay! < range.from ? `continues before ${formatDay(range.from)} (off the chart's window)` : undefined,
    p.endDay! > range.to ? `continues after ${formatDay(range.to)} (off the chart's window)` : undefined,
  ]
    .filter(Boolean)
    .join('; ');

  // Chevrons inside the cut end of a bar, pointing the way it continues.
  const continues: TimelineBar['continues'] = [];
  const cy = y + BAR / 2;
  if (p.startDay! < range.from) continues.push({ side: 'before', path: `M${round(x + 2 + CHEVRON)} ${cy - CHEVRON}L${round(x + 2)} ${cy}L${round(x + 2 + CHEVRON)} ${cy + CHEVRON}` });
  if (p.endDay! > range.to) {
    const ex = x + width;
    continues.push({ side: 'after', path: `M${round(ex - 2 - CHEVRON)} ${cy - CHEVRON}L${round(ex - 2)} ${cy}L${round(ex - 2 - CHEVRON)} ${cy + CHEVRON}` });
  }

  const marks: RowMarks = { rowY, rowH, y, x, width, labelWidth, plotX1, asOfX, note, baseline, overdueGap, whisker, continues, overdue: p.overdue };
  const bar: TimelineBar = {
    id: p.id,
    title: r.title,
    label: name.lines.join(' '),
    labelLines,
    labelTruncated: name.truncated,
    status: r.status,
    open: p.open,
    rag,
    marker: MARKERS[rag],
    rowY,
    hit: { x: 0, y: rowY, width: chartWidth, height: rowH },
    markerX: MARKER_X,
    labelX: BAR_LABEL_X,
    labelY,
    x,
    y,
    width,
    height: BAR,
    rx: BAR_RADIUS,
    progress,
    progressWidth: progress !== undefined ? round((width * progress) / 100) : 0,
    startIso: r.start!,
    endIso: r.end!,
    baselineIso: r.baseline_end,
    slipDays: slip,
    baseline,
    overdue: p.overdue,
    overdueDays,
    overdueGap,
    overdueEnd: p.overdue ? { x: x + width - OVERDUE_END_W, y: y - 2, width: OVERDUE_END_W, height: BAR + 4 } : undefined,
    note,
    whisker,
    continues,
    milestones,
    tooltip,
    waitsOn: [],
  };
  return { bar, marks };
}

interface RowMarks {
  rowY: number;
  rowH: number;
  /** The bar. */
  y: number;
  x: number;
  width: number;
  labelWidth: number;
  plotX1: number;
  asOfX: number;
  note: TimelineBar['note'];
  baseline: TimelineBar['baseline'];
  overdueGap: TimelineBar['overdueGap'];
  whisker: TimelineBar['whisker'];
  continues: TimelineBar['continues'];
  /** The note is bold on an overdue bar. */
  overdue: boolean;
}

/** What a label on the bar's line must keep clear of: the as-of line (first), diamonds, the note, the baseline's end, the overdue stretch, chevrons. */
function rowObstacles(milestones: readonly TimelineMilestone[], m: RowMarks): Box[] {
  const cy = m.y + BAR / 2;
  const obstacles: Box[] = [lineBox(m.asOfX, m.rowY, m.rowY + m.rowH)];
  for (const ms of milestones) {
    obstacles.push({ x0: ms.x - DIAMOND, y0: cy - DIAMOND, x1: ms.x + DIAMOND, y1: cy + DIAMOND });
    if (ms.baseline) obstacles.push({ x0: ms.baseline.x - DIAMOND, y0: cy - DIAMOND, x1: ms.baseline.x + DIAMOND, y1: cy + DIAMOND });
  }
  if (m.note) obstacles.push(textBox(m.note.text, m.note.x, m.note.y, m.note.anchor, NOTE_FONT, m.overdue));
  if (m.baseline) obstacles.push(lineBox(m.baseline.endX, m.baseline.tickY1, m.baseline.tickY2));
  if (m.overdueGap) obstacles.push({ x0: m.overdueGap.x, y0: m.overdueGap.y, x1: m.overdueGap.x + m.overdueGap.width, y1: m.overdueGap.y + m.overdueGap.height });
  if (m.whisker) obstacles.push({ x0: m.whisker.lead?.x0 ?? m.whisker.x1, y0: m.whisker.y - WHISKER_TICK, x1: m.whisker.x2, y1: m.whisker.y + WHISKER_TICK });
  for (const c of m.continues) {
    const cx = c.side === 'before' ? m.x + 2 : m.x + m.width - 2 - CHEVRON;
    obstacles.push({ x0: cx - 1, y0: cy - CHEVRON - 1, x1: cx + CHEVRON + 1, y1: cy + CHEVRON + 1 });
  }
  return obstacles;
}

/**
 * Milestone names beside their diamonds on the bar's line, left to right: the
 * name after the diamond, else before it, else the next number of the lane's
 * key (after, else before). Nothing is drawn over another label, a diamond,
 * the as-of line, the note, the chevrons, the baseline's end or an arrow
 * (all in `obstacles`, which gains each label placed); a milestone with no
 * room keeps its diamond and tooltip (and its row in the table).
 */
function placeMilestoneLabels(milestones: TimelineMilestone[], m: RowMarks, project: string, key: TimelineKey['entries'], obstacles: Box[]): void {
  if (milestones.length === 0) return;
  const cy = m.y + BAR / 2;
  const baselineY = round(cy + MS_FONT * 0.35);
  const bounds = { x0: m.labelWidth + 2, x1: m.plotX1 };
  for (const ms of [...milestones].sort((a, b) => a.x - b.x)) {
    const right = ms.x + DIAMOND + 2;
    const left = ms.x - DIAMOND - 2;
    const named: LabelCandidate[] = [
      { text: ms.name, x: right, anchor: 'start' },
      { text: ms.name, x: left, anchor: 'end' },
    ];
    let placed = placeLabel(named, baselineY, MS_FONT, obstacles, bounds);
    let number: number | undefined;
    if (!placed) {
      const n = String(key.length + 1);
      placed = placeLabel([{ text: n, x: right, anchor: 'start' }, { text: n, x: left, anchor: 'end' }], baselineY, MS_FONT, obstacles, bounds, true);
      if (placed) {
        number = key.length + 1;
        key.push({ number, name: ms.name, project, dateIso: ms.dateIso });
      }
    }
    if (!placed) continue;
    ms.label = number === undefined ? placed : { ...placed, number };
    obstacles.push(placed.box);
  }
}

/** The key under a lane: `1 Name · 2 Name · …` wrapped to the plot's width, at most KEY_MAX_LINES lines. */
function laneKey(entries: TimelineKey['entries'], rowY: number, plotX0: number, plotX1: number): TimelineKey {
  const max = plotX1 - plotX0 - 12;
  const sep = ' · ';
  const lines: string[] = [];
  let line = '';
  let cut = false;
  for (const e of entries) {
    const item = truncate(`${e.number} ${e.name}`, max, NOTE_FONT).text;
    const next = line ? `${line}${sep}${item}` : item;
    if (textWidth(next, NOTE_FONT) <= max) {
      line = next;
      continue;
    }
    lines.push(line);
    line = item;
    if (lines.length === KEY_MAX_LINES) {
      cut = true;
      break;
    }
  }
  if (!cut && line) lines.push(line);
  if (cut) lines[KEY_MAX_LINES - 1] = truncate(`${lines[KEY_MAX_LINES - 1]}${sep}… (the table lists all)`, max, NOTE_FONT).text;
  return {
    title: { text: 'Milestones', x: BAR_LABEL_X, y: rowY + 11 },
    lines: lines.map((text, i) => ({ text, y: rowY + 11 + i * LINE })),
    x: plotX0 + 6,
    entries,
  };
}

/** Every label the view draws as a box: axis labels, the as-of label, marker labels, milestone labels, arrow labels. For tests and checks. */
export function labelBoxes(view: TimelineView): { what: string; box: Box }[] {
  const out: { what: string; box: Box }[] = [];
  for (const level of view.levels) for (const b of level.bands) if (b.text) out.push({ what: `axis ${b.text}`, box: { x0: b.textX, y0: b.y, x1: b.textX1, y1: b.y + b.height } });
  out.push({ what: 'as-of label', box: view.asOf.box });
  for (const m of view.markers) if (m.label) out.push({ what: `marker ${m.name}`, box: m.label.box });
  for (const lane of view.lanes) for (const bar of lane.bars) for (const ms of bar.milestones) if (ms.label) out.push({ what: `milestone ${bar.id}/${ms.name}`, box: ms.label.box });
  for (const lane of view.lanes) for (const a of lane.arrows) if (a.label) out.push({ what: `arrow ${a.from}→${a.to}`, box: a.label.box });
  return out;
}
