/**
 * The time axis of the roadmap charts: a d3 UTC scale over day numbers, with
 * month ticks, fiscal quarters and fiscal years (`fiscal_year_start`), and the
 * range fitted to the data (whole fiscal quarters around the dates shown and
 * the as-of day). Pure: day numbers in, coordinates and labels out.
 */
import { fiscalYearLabel, shortFiscalYearLabel } from '../core/format.ts';
import { scaleUtc } from 'd3';
import { dayFromParts, quarterOf, quarterStart, type Day } from '../core/dates.ts';

const MS_PER_DAY = 86_400_000;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** First and last day of a fiscal quarter. */
export function quarterBounds(fy: number, q: number, fiscalYearStart: number): { first: Day; last: Day } {
  const s = quarterStart(fy, q, fiscalYearStart);
  const first = dayFromParts(s.year, s.month, 1);
  const n = nextQuarter(fy, q);
  const ns = quarterStart(n.fy, n.q, fiscalYearStart);
  return { first, last: dayFromParts(ns.year, ns.month, 1) - 1 };
}

export function nextQuarter(fy: number, q: number): { fy: number; q: number } {
  return q === 4 ? { fy: fy + 1, q: 1 } : { fy, q: q + 1 };
}

/** The quarter `n` quarters after (or before, when negative) the given one. */
export function addQuarters(fy: number, q: number, n: number): { fy: number; q: number } {
  const index = fy * 4 + (q - 1) + n;
  return { fy: Math.floor(index / 4), q: (((index % 4) + 4) % 4) + 1 };
}

/**
 * The range a chart shows: from the first day of the fiscal quarter holding the
 * earliest day to the last day of the quarter holding the latest, always
 * including the as-of day. One pass over the days (no sorting).
 */
export function fitRange(days: Iterable<Day | undefined>, asOfDay: Day, fiscalYearStart: number): { from: Day; to: Day } {
  let min = asOfDay;
  let max = asOfDay;
  for (const d of days) {
    if (d === undefined) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const a = quarterOf(min, fiscalYearStart);
  const b = quarterOf(max, fiscalYearStart);
  return { from: quarterBounds(a.fy, a.q, fiscalYearStart).first, to: quarterBounds(b.fy, b.q, fiscalYearStart).last };
}

export interface AxisBand {
  /** Left edge and width in chart units. */
  x: number;
  width: number;
  label: string;
  /** A shorter label for narrow bands (`Q3`, `FY26`, `N`). */
  short: string;
  first: Day;
  last: Day;
  /** Cut by the range's edge (the band's period starts before or ends after the range). */
  clipped: boolean;
}

export interface TimeAxis {
  from: Day;
  to: Day;
  x0: number;
  x1: number;
  /** Chart x of a day (its start); days outside the range are clamped. */
  x: (d: Day) => number;
  /** Chart x of the end of a day (start of the next). */
  xEnd: (d: Day) => number;
  months: AxisBand[];
  quarters: AxisBand[];
  years: AxisBand[];
  /** A band from `first` to `last` (inclusive days) clipped to the range. */
  band: (first: Day, last: Day, label: string, short: string) => AxisBand;
}

/** Fiscal year label: `FY2026`, or `FY2026/27` (one naming for the axis and the text: core/format.ts). */
export { fiscalYearLabel };

/**
 * A time axis from `from` to `to` (inclusive days) drawn between x0 and x1.
 * Months, quarters and fiscal years are bands clipped to the range.
 */
export function timeAxis(from: Day, to: Day, x0: number, x1: number, fiscalYearStart: number): TimeAxis {
  const scale = scaleUtc()
    .domain([new Date(from * MS_PER_DAY), new Date((to + 1) * MS_PER_DAY)])
    .range([x0, x1])
    .clamp(true);
  const x = (d: Day) => round(scale(new Date(d * MS_PER_DAY)));
  const xEnd = (d: Day) => round(scale(new Date((d + 1) * MS_PER_DAY)));
  const band = (first: Day, last: Day, label: string, short: string): AxisBand => {
    const a = Math.max(first, from);
    const b = Math.min(last, to);
    return { x: x(a), width: round(xEnd(b) - x(a)), label, short, first: a, last: b, clipped: a !== first || b !== last };
  };

  const months: AxisBand[] = [];
  const start = new Date(from * MS_PER_DAY);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  for (;;) {
    const first = dayFromParts(year, month, 1);
    if (first > to) break;
    const last = dayFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
    const name = MONTH_SHORT[month - 1];
    months.push(band(first, last, name, name));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }

  const quarters: AxisBand[] = [];
  let qq = quarterOf(from, fiscalYearStart);
  for (;;) {
    const { first, last } = quarterBounds(qq.fy, qq.q, fiscalYearStart);
    if (first > to) break;
    quarters.push(band(first, last, `Q${qq.q}`, `Q${qq.q}`));
    qq = nextQuarter(qq.fy, qq.q);
  }

  const years: AxisBand[] = [];
  for (let fy = quarterOf(from, fiscalYearStart).fy; ; fy += 1) {
    const first = quarterBounds(fy, 1, fiscalYearStart).first;
    if (first > to) break;
    const last = quarterBounds(fy, 4, fiscalYearStart).last;
    const label = fiscalYearLabel(fy, fiscalYearStart);
    years.push(band(first, last, label, shortFiscalYearLabel(fy, fiscalYearStart)));
  }

  return { from, to, x0, x1, x, xEnd, months, quarters, years, band };
}

export type AxisLevelKey = 'years' | 'quarters' | 'months';

/** One row of the axis header: bands with the label each shows ('' when none fits a clipped edge band). */
export interface AxisLevel {
  key: AxisLevelKey;
  /** Fiscal years per band (years only; 1 for quarters and months). */
  step: number;
  fontSize: number;
  bands: (AxisBand & { text: string })[];
}

/** Font sizes of the axis rows; the component's CSS uses the same. */
export const AXIS_FONT: Record<AxisLevelKey, number> = { years: 12, quarters: 11, months: 11 };
/** Space left of a label inside its band; twice as much is kept free to its right. */
export const AXIS_PAD = 4;
/** Steps of the year row when one fiscal year is too narrow for its label. */
export const YEAR_STEPS = [1, 5, 10, 20, 50];

/**
 * A label's width with a margin: the estimate is per character and axis
 * labels are bold, so 15% more keeps real glyphs inside their band.
 */
export function axisLabelWidth(text: string, fontSize: number): number {
  return round(textWidth(text, fontSize) * 1.15);
}

/** The label a band shows: the long one when it fits, else the short one, else none. */
function fitLabel(b: AxisBand, fontSize: number): string {
  for (const t of [b.label, b.short]) if (axisLabelWidth(t, fontSize) + 3 * AXIS_PAD <= b.width) return t;
  return '';
}

/** A level fits when every band that is not cut by the range's edge shows a label. */
function fitLevel(key: AxisLevelKey, step: number, bands: AxisBand[]): AxisLevel | undefined {
  const fontSize = AXIS_FONT[key];
  const out = bands.map((b) => ({ ...b, text: fitLabel(b, fontSize) }));
  return out.every((b) => b.text !== '' || b.clipped) ? { key, step, fontSize, bands: out } : undefined;
}

/** Fiscal years grouped `step` at a time, starting at years divisible by `step`. */
function yearSteps(axis: TimeAxis, step: number, fiscalYearStart: number): AxisBand[] {
  const out: AxisBand[] = [];
  const fy0 = quarterOf(axis.from, fiscalYearStart).fy;
  for (let fy = Math.floor(fy0 / step) * step; ; fy += step) {
    const first = quarterBounds(fy, 1, fiscalYearStart).first;
    if (first > axis.to) break;
    const last = quarterBounds(fy + step - 1, 4, fiscalYearStart).last;
    const label = fiscalYearLabel(fy, fiscalYearStart);
    const short = step === 1 ? shortFiscalYearLabel(fy, fiscalYearStart) : String(fy);
    out.push(axis.band(first, last, label, short));
  }
  return out;
}

/** `FY26/27`, or `FY26` when fiscal years are calendar years. */
export { shortFiscalYearLabel };

/**
 * The header rows an axis can show without overlapping labels, coarsest
 * first: fiscal years (1, 5, 10, 20 or 50 at a time: the smallest step whose
 * labels fit), then quarters and months only while every full band fits its
 * label. Pixels per month decide it, through the bands' widths.
 */
export function axisLevels(axis: TimeAxis, fiscalYearStart: number): AxisLevel[] {
  let years: AxisLevel | undefined;
  for (const step of YEAR_STEPS) {
    years = fitLevel('years', step, step === 1 ? axis.years : yearSteps(axis, step, fiscalYearStart));
    if (years) break;
  }
  // Nothing fits even 50 years at a time: show the 50-year row with the labels that fit.
  years ??= { key: 'years', step: 50, fontSize: AXIS_FONT.years, bands: yearSteps(axis, 50, fiscalYearStart).map((b) => ({ ...b, text: fitLabel(b, AXIS_FONT.years) })) };
  const levels = [years];
  if (years.step !== 1) return levels;
  const quarters = fitLevel('quarters', 1, axis.quarters);
  if (!quarters) return levels;
  levels.push(quarters);
  const months = fitLevel('months', 1, axis.months);
  if (months) levels.push(months);
  return levels;
}

/**
 * The default window of the roadmap: from the start of the fiscal quarter a
 * year before the as-of day to the end of the quarter three years after it.
 */
export function defaultWindow(asOfDay: Day, fiscalYearStart: number): { from: Day; to: Day } {
  const q = quarterOf(asOfDay, fiscalYearStart);
  const a = addQuarters(q.fy, q.q, -4);
  const b = addQuarters(q.fy, q.q, 12);
  return { from: quarterBounds(a.fy, a.q, fiscalYearStart).first, to: quarterBounds(b.fy, b.q, fiscalYearStart).last };
}

/** One decimal: a tenth of a pixel is below what a screen shows, stable across platforms, and short in the markup. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Estimated width of a text in chart units (no DOM): a per-character average
 * for a sans-serif face, wider for capitals and digits, narrower for i/l/t.
 */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    if ('iljt.,:;|!\'’ '.includes(ch)) units += 0.32;
    else if ('mwMW@'.includes(ch)) units += 0.9;
    else if (ch >= 'A' && ch <= 'Z') units += 0.68;
    else if (ch >= '0' && ch <= '9') units += 0.58;
    else units += 0.55;
  }
  return round(units * fontSize);
}

/**
 * The text cut to fit `maxWidth` (estimated), ending in `…` when cut. Cuts at
 * a word boundary when one is close, so labels read naturally.
 */
export function truncate(text: string, maxWidth: number, fontSize: number): { text: string; truncated: boolean } {
  if (textWidth(text, fontSize) <= maxWidth) return { text, truncated: false };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Longest prefix whose width plus the ellipsis fits (binary search: widths grow monotonically).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  let cut = chars.slice(0, lo).join('');
  const space = cut.lastIndexOf(' ');
  if (space > 0 && space >= cut.length - 6) cut = cut.slice(0, space);
  return { text: `${cut.trimEnd()}…`, truncated: true };
}

/**
 * The text in at most `maxLines` lines of `maxWidth` (estimated), broken at
 * spaces (a word longer than a line is cut); the last line ends in `…` when
 * text is left over. `suffix` (e.g. ` · id`) ends the last line and its width
 * is kept free for it.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2, suffix = ''): { lines: string[]; truncated: boolean } {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines - 1) {
    let line = words[i]!;
    if (textWidth(line, fontSize) > maxWidth) break; // a long word: leave it to the last line's cut
    i += 1;
    while (i < words.length && textWidth(`${line} ${words[i]}`, fontSize) <= maxWidth) line += ` ${words[i++]}`;
    lines.push(line);
  }
  const rest = words.slice(i).join(' ');
  const room = maxWidth - (suffix ? textWidth(suffix, fontSize) : 0);
  const last = rest ? truncate(rest, room, fontSize) : { text: '', truncated: false };
  if (last.text || suffix) lines.push(`${last.text}${suffix}`.trimStart());
  return { lines, truncated: last.truncated };
}
