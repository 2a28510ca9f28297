/**
 * Portfolio markers (portfolio.yaml `markers`) on a time axis: a period as a
 * band over the plot's full height, a date as a vertical line, each labelled
 * in one row at the top of the chart. They never take a row: the caller says
 * where the plot runs (`y1`–`y2`) and where the label row is, and the chart's
 * height does not change. Labels are placed left to right, full name first,
 * then shortened with `…`, then the marker's number (the chart's list of
 * markers gives the name); a label that fits nowhere is left off, never drawn
 * over another. Markers outside the axis range are not drawn.
 */
import { dayToIso, type Day } from '../core/dates.ts';
import { formatDate } from '../core/format.ts';
import type { MarkerView } from '../core/model.ts';
import type { MarkerKind } from '../core/schema.ts';
import { lineBox, overlaps, placeLabel, roomRight, type Box, type LabelCandidate, type PlacedLabel } from './label-boxes.ts';
import { round, truncate, type TimeAxis } from './time-scale.ts';
import { MARKER_KIND_LABELS } from '../core/format.ts';

export { MARKER_KIND_LABELS } from '../core/format.ts';

export interface ChartMarker {
  name: string;
  kind: MarkerKind;
  /** A band (period) or a line (date). */
  period: boolean;
  /** As written: a date marker's `date` twice, a period's `from` and `to`. */
  fromIso: string;
  toIso: string;
  /** 1, 2, … in the chart's list of markers (by first day). */
  number: number;
  /** A band from `x` to `x + width` (clipped to the range); a line at `x` (width 0). */
  x: number;
  width: number;
  y1: number;
  y2: number;
  /** The label as drawn; `short` when it is cut or the number. Absent when it fits nowhere. */
  label?: PlacedLabel & { short: boolean };
  /** A label up in the axis: a thin line from its row down to the plot ties it to the marker. */
  tick?: { x: number; y1: number; y2: number };
  /** Name, dates and kind, for <title> and the list. */
  text: string;
}

export interface MarkerLayoutOptions {
  /** The plot's vertical extent: bands and lines run from y1 to y2. */
  y1: number;
  y2: number;
  /**
   * The rows a label may take, best first, each a text baseline with what
   * its labels must not overlap (the as-of label, axis labels, …). The lines
   * cross the first row (between the axis and the lanes), so labels there
   * also keep clear of other markers' lines.
   */
  rows: { y: number; obstacles: readonly Box[]; /** Labels up here get a tick down to y1, which must clear these. */ tickObstacles?: readonly Box[] }[];
  fontSize: number;
  /** Labels stay within these x bounds. */
  x0: number;
  x1: number;
  fiscalYearStart: number;
}

const GAP = 4;
/** The shortest cut label worth drawing; below it the number is clearer. */
const MIN_CUT = 6;

/** Name, dates and kind in words: `Year-end change freeze: 14 Dec 2026 to 4 Jan 2027 (change freeze)`. */
export function markerText(m: Pick<MarkerView, 'name' | 'kind' | 'date' | 'from' | 'to'>, fy: number): string {
  const when = m.date !== undefined ? formatDate(m.date, fy) : `${formatDate(m.from, fy)} to ${formatDate(m.to, fy)}`;
  return `${m.name}: ${when} (${MARKER_KIND_LABELS[m.kind].toLowerCase()})`;
}

/** The markers that fall in `from`–`to`, laid out on the axis, labels placed without overlaps. */
export function layoutMarkers(markers: readonly MarkerView[], axis: Pick<TimeAxis, 'x' | 'xEnd'>, from: Day, to: Day, o: MarkerLayoutOptions): ChartMarker[] {
  const shown = markers.filter((m) => m.lastDay >= from && m.firstDay <= to);
  const out: ChartMarker[] = shown.map((m, i) => {
    const first = Math.max(m.firstDay, from);
    const last = Math.min(m.lastDay, to);
    const x = m.period ? round(axis.x(first)) : round((axis.x(first) + axis.xEnd(first)) / 2);
    return {
      name: m.name,
      kind: m.kind,
      period: m.period,
      fromIso: m.date ?? m.from ?? dayToIso(m.firstDay),
      toIso: m.date ?? m.to ?? dayToIso(m.lastDay),
      number: i + 1,
      x,
      width: m.period ? Math.max(2, round(axis.xEnd(last) - x)) : 0,
      y1: o.y1,
      y2: o.y2,
      text: markerText(m, o.fiscalYearStart),
    };
  });
  // Every row's obstacles, growing as labels are placed; lines cross the first row.
  const rows = o.rows.map((r, i) => {
    const top = r.y - o.fontSize;
    const bottom = r.y + o.fontSize * 0.4;
    const lines = i === 0 ? new Map(out.filter((m) => !m.period).map((m) => [m, lineBox(m.x, top, bottom)])) : new Map<ChartMarker, Box>();
    return { y: r.y, top, bottom, lines, obstacles: [...r.obstacles, ...lines.values()], tickObstacles: r.tickObstacles };
  });
  const bounds = { x0: o.x0, x1: o.x1 };
  for (const m of out) {
    const right = m.x + (m.period ? GAP : GAP + 1);
    const left = m.x - GAP;
    // A line's own box is not in its label's way: the label starts beside it.
    const free = (row: (typeof rows)[number]) => {
      const own = row.lines.get(m);
      return own ? row.obstacles.filter((b) => b !== own) : row.obstacles;
    };
    const attempts: { row: (typeof rows)[number]; candidates: LabelCandidate[] }[] = [];
    for (const row of rows) attempts.push({ row, candidates: [{ text: m.name, x: right, anchor: 'start' }, { text: m.name, x: left, anchor: 'end' }] });
    for (const row of rows) {
      const room = roomRight(right, row.top, row.bottom, free(row), bounds.x1) / 1.21; // the box's margins, bold
      const cut = truncate(m.name, room, o.fontSize);
      if (cut.truncated && [...cut.text].length > MIN_CUT + 1) attempts.push({ row, candidates: [{ text: cut.text, x: right, anchor: 'start' }] });
    }
    const n = String(m.number);
    for (const row of rows) attempts.push({ row, candidates: [{ text: n, x: right, anchor: 'start' }, { text: n, x: left, anchor: 'end' }] });
    for (const { row, candidates } of attempts) {
      const tick = row.tickObstacles ? { x: m.x, y1: row.top, y2: o.y1 } : undefined;
      if (tick && row.tickObstacles!.some((b) => overlaps(b, lineBox(tick.x, tick.y1, tick.y2)))) continue;
      const placed = placeLabel(candidates, row.y, o.fontSize, free(row), bounds, true);
      if (!placed) continue;
      m.label = { ...placed, short: placed.text !== m.name };
      if (tick) m.tick = tick;
      row.obstacles.push(placed.box);
      break;
    }
  }
  return out;
}

/** The kinds drawn, in a fixed order, each as a band when any of its markers is a period. For the legend. */
export function markerKinds(markers: readonly ChartMarker[]): { kind: MarkerKind; label: string; period: boolean; line: boolean }[] {
  return (Object.keys(MARKER_KIND_LABELS) as MarkerKind[])
    .filter((k) => markers.some((m) => m.kind === k))
    .map((kind) => ({
      kind,
      label: MARKER_KIND_LABELS[kind],
      period: markers.some((m) => m.kind === kind && m.period),
      line: markers.some((m) => m.kind === kind && !m.period),
    }));
}
