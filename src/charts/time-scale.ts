/**
 * The time axis of the roadmap charts: a d3 UTC scale over day numbers, with
 * month ticks, fiscal quarters and fiscal years (`fiscal_year_start`), and the
 * range fitted to the data (whole fiscal quarters around the dates shown and
 * the as-of day). Pure: day numbers in, coordinates and labels out.
 */
import { scaleUtc } from 'd3';
import { dayFromParts, quarterLabel, quarterOf, quarterStart, type Day } from '../core/dates.ts';

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
}

/** Fiscal year label: `FY2026`, or `FY2026/27` when it spans two calendar years. */
export function fiscalYearLabel(fy: number, fiscalYearStart: number): string {
  return fiscalYearStart === 1 ? `FY${fy}` : `FY${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

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
    return { x: x(a), width: round(xEnd(b) - x(a)), label, short, first: a, last: b };
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
    months.push(band(first, last, month === 1 ? `${name} ${year}` : name, name.charAt(0)));
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
    quarters.push(band(first, last, quarterLabel(qq.fy, qq.q), `Q${qq.q}`));
    qq = nextQuarter(qq.fy, qq.q);
  }

  const years: AxisBand[] = [];
  for (let fy = quarterOf(from, fiscalYearStart).fy; ; fy += 1) {
    const first = quarterBounds(fy, 1, fiscalYearStart).first;
    if (first > to) break;
    const last = quarterBounds(fy, 4, fiscalYearStart).last;
    const label = fiscalYearLabel(fy, fiscalYearStart);
    years.push(band(first, last, label, `FY${String(fy % 100).padStart(2, '0')}`));
  }

  return { from, to, x0, x1, x, xEnd, months, quarters, years };
}

/** Two decimals: enough for SVG and stable across platforms. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
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
