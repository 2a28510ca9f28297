/**
 * Dates in records: `YYYY-MM-DD`, a month `YYYY-MM` or a fiscal quarter `YYYY-Qn`.
 * A month or quarter stands for its whole span: as a start it means its first
 * day, as an end its last day. Quarters follow `fiscal_year_start`, and a fiscal
 * year is named by the calendar year in which it starts.
 *
 * Internally every date is a day number: whole days since 1970-01-01 (UTC), so
 * differences are plain subtraction and nothing depends on the machine's zone.
 */

export type Day = number;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

export type DateForm = 'day' | 'month' | 'quarter';

export interface DateSpan {
  form: DateForm;
  first: Day;
  last: Day;
}

/** The years a date may have (an extension of the contract: see the README). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Milliseconds of a UTC date; unlike `Date.UTC`, years 0–99 are not read as 1900–1999. */
function utcMs(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.floor(utcMs(year, month - 1, day) / 86_400_000);
}

/** ISO strings of the days seen so far: a portfolio has a few thousand distinct days, formatted again and again. */
const isoOfDay = new Map<Day, string>();

export function dayToIso(d: Day): string {
  let iso = isoOfDay.get(d);
  if (iso === undefined) {
    iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
    if (isoOfDay.size < 100_000) isoOfDay.set(d, iso);
  }
  return iso;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

/** Why a string is not a valid date, or undefined when it is. */
export function dateProblem(s: string): string | undefined {
  const year = /^(\d{4})-/.exec(s)?.[1];
  if (year !== undefined && (Number(year) < MIN_YEAR || Number(year) > MAX_YEAR)) return `year ${year} of ${s} is outside ${MIN_YEAR}–${MAX_YEAR} (the years Roadmap accepts)`;
  let m = DAY_RE.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) return `month ${m[2]} does not exist`;
    if (d < 1 || d > daysInMonth(y, mo)) return `${s} does not exist (${monthName(mo)} ${y} has ${daysInMonth(y, mo)} days)`;
    return undefined;
  }
  m = MONTH_RE.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? undefined : `month ${m[2]} does not exist`;
  if (QUARTER_RE.test(s)) return undefined;
  if (/^\d{4}-Q\d$/.test(s)) return `a quarter is Q1 to Q4`;
  return 'expected a date: YYYY-MM-DD, YYYY-MM or YYYY-Qn';
}

export function isDateString(s: string): boolean {
  return dateProblem(s) === undefined;
}

/** First month (1-12) of a fiscal quarter of a fiscal year, as calendar year and month. */
export function quarterStart(fy: number, q: number, fiscalYearStart: number): { year: number; month: number } {
  const zeroBased = fiscalYearStart - 1 + (q - 1) * 3;
  return { year: fy + Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}

/** The span a valid date string stands for. Throws on an invalid one (validate first). */
export function dateSpan(s: string, fiscalYearStart = 1): DateSpan {
  let m = DAY_RE.exec(s);
  if (m) {
    const d = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    return { form: 'day', first: d, last: d };
  }
  m = MONTH_RE.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { form: 'month', first: dayFromParts(y, mo, 1), last: dayFromParts(y, mo, daysInMonth(y, mo)) };
  }
  m = QUARTER_RE.exec(s);
  if (m) {
    const start = quarterStart(Number(m[1]), Number(m[2]), fiscalYearStart);
    const lastMonthIndex = start.month - 1 + 2;
    const ly = start.year + Math.floor(lastMonthIndex / 12);
    const lm = (lastMonthIndex % 12) + 1;
    return {
      form: 'quarter',
      first: dayFromParts(start.year, start.month, 1),
      last: dayFromParts(ly, lm, daysInMonth(ly, lm)),
    };
  }
  throw new Error(`not a date: ${s}`);
}

/** A date used as a start: its first day. */
export function startDay(s: string, fiscalYearStart = 1): Day {
  return dateSpan(s, fiscalYearStart).first;
}

/** A date used as an end: its last day. */
export function endDay(s: string, fiscalYearStart = 1): Day {
  return dateSpan(s, fiscalYearStart).last;
}

/** The fiscal quarter containing a day, as `{ fy, q }`. */
export function quarterOf(d: Day, fiscalYearStart = 1): { fy: number; q: number } {
  const date = new Date(d * 86_400_000);
  const monthsIntoFy = (date.getUTCMonth() + 1 - fiscalYearStart + 12) % 12;
  const fy = date.getUTCMonth() + 1 >= fiscalYearStart ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return { fy, q: Math.floor(monthsIntoFy / 3) + 1 };
}

export function quarterLabel(fy: number, q: number): string {
  return `${fy}-Q${q}`;
}

/** Every fiscal quarter label from the one containing `from` to the one containing `to`. */
export function quartersBetween(from: Day, to: Day, fiscalYearStart = 1): string[] {
  const out: string[] = [];
  let { fy, q } = quarterOf(from, fiscalYearStart);
  const last = quarterOf(to, fiscalYearStart);
  while (fy < last.fy || (fy === last.fy && q <= last.q)) {
    out.push(quarterLabel(fy, q));
    q += 1;
    if (q > 4) {
      q = 1;
      fy += 1;
    }
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** Today as `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
