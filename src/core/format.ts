/**
 * How numbers and dates read on the site. Fixed locale (en-GB) and no time
 * zone, so builds are byte-identical on any machine.
 */
import { dateSpan, dayToIso, monthName, type Day } from './dates.ts';
import type { MarkerKind } from './schema.ts';

const LOCALE = 'en-GB';

/** One Intl.NumberFormat per set of options: making one costs far more than formatting with it (tens of thousands of figures a build). */
const formatters = new Map<string, Intl.NumberFormat>();

/** A typographic minus (U+2212) for a leading hyphen-minus: negative figures read as `−£1,200`, `−7.5%`, like `−3 days`. */
const minus = (s: string) => (s.startsWith('-') ? `\u2212${s.slice(1)}` : s);
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(LOCALE, options)));
  return f;
}

export function formatMoney(n: number | undefined, currency: string): string {
  if (n === undefined) return '—';
  return minus(numberFormat({ style: 'currency', currency, maximumFractionDigits: 0, signDisplay: 'negative' }).format(n));
}

const COMPACT_STEPS = [
  { size: 1e12, suffix: 'tn', digits: 1 },
  { size: 1e9, suffix: 'bn', digits: 1 },
  { size: 1e6, suffix: 'm', digits: 1 },
  { size: 1e3, suffix: 'k', digits: 0 },
] as const;

/**
 * Money for small boxes: `£47.5bn`, `£20.9m`, `£850k`, `£950`; `—` when unknown.
 * Millions and up keep one decimal, thousands none; a value that rounds up to
 * the next step takes that step's name (999,950 → `£1.0m`, never `£1000k`).
 * Show the exact `formatMoney` value beside it (a `title`, a footnote).
 */
export function formatMoneyCompact(n: number | undefined, currency: string): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  let unit: (typeof COMPACT_STEPS)[number] | undefined;
  for (let i = COMPACT_STEPS.length - 1; i >= 0; i--) {
    const step = COMPACT_STEPS[i];
    if (abs < step.size) break;
    unit = step;
  }
  if (!unit) return formatMoney(n, currency);
  // Rounded in its own unit, a figure may reach the next unit (999,950 → 1,000.0k): move up.
  const idx = COMPACT_STEPS.indexOf(unit);
  if (idx > 0 && Number((abs / unit.size).toFixed(unit.digits)) >= 1000) unit = COMPACT_STEPS[idx - 1];
  const scaled = Number((n / unit.size).toFixed(unit.digits));
  const body = numberFormat({ style: 'currency', currency, minimumFractionDigits: unit.digits, maximumFractionDigits: unit.digits, signDisplay: 'negative' }).format(scaled);
  return `${minus(body)}${unit.suffix}`;
}

/** Compact money and the exact amount, when they differ (for a `title` or visually hidden text). */
export function moneyFigure(n: number | undefined, currency: string): { text: string; exact?: string } {
  const text = formatMoneyCompact(n, currency);
  const exact = formatMoney(n, currency);
  return exact === text ? { text } : { text, exact };
}

/** 0.075 → `+7.5%` (signed) or `7.5%`: at most `digits` decimals, no trailing zeros. */
export function formatPercent(ratio: number | undefined, { signed = false, digits = 1 } = {}): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  const s = `${formulaNumber(ratio * 100, digits)}%`;
  return signed && ratio > 0 ? `+${s}` : s;
}

/** A number as formulas show it: at most `maxDecimals` decimals, no trailing zeros, no grouping (`0.75`, `3`, `66.6667`, `−5`). */
export function formulaNumber(x: number, maxDecimals = 4): string {
  const rounded = Number(x.toFixed(maxDecimals));
  return Object.is(rounded, -0) ? '0' : minus(String(rounded));
}

export function formatNumber(n: number | undefined, digits = 2): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return minus(numberFormat({ maximumFractionDigits: digits, signDisplay: 'negative' }).format(n));
}

/**
 * A performance index (SPI, CPI, TCPI): `0.64`, `1.33`; `—` when unknown. With `bounds` (its health thresholds), more
 * decimals (up to 4) where two would round it onto or across one: SPI 0.9495 against 0.95 reads `0.9495`, not `0.95`.
 */
export function formatIndex(n: number | undefined, bounds: readonly number[] = []): string {
  if (n === undefined || !Number.isFinite(n)) return formatNumber(n, 2);
  let digits = 2;
  while (digits < 4 && bounds.some((b) => n < b !== Number(n.toFixed(digits)) < b)) digits += 1;
  return formatNumber(n, digits);
}

/** A span of years: `2.5 years`, `1 year`; `—` when unknown. */
export function formatYears(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  const s = formatNumber(n, 1);
  return `${s} ${s === '1' ? 'year' : 'years'}`;
}

/** `+20 days`, `−3 days`, `0 days`. */
export function formatDays(n: number | undefined): string {
  if (n === undefined) return '—';
  const abs = Math.abs(n);
  const unit = abs === 1 ? 'day' : 'days';
  return n > 0 ? `+${abs} ${unit}` : n < 0 ? `−${abs} ${unit}` : `0 ${unit}`;
}

/** Days per day as days a month (30.44 days, a year's twelfth): `+10 days a month`, `+0.4 days a month`, `−3 days a month`. */
export function formatDaysPerMonth(perDay: number): string {
  const m = perDay * (365.25 / 12);
  const abs = Math.abs(m);
  const s = formatNumber(abs, abs < 9.95 ? 1 : 0);
  const unit = s === '1' ? 'day' : 'days';
  return s === '0' ? `0 days a month` : `${m > 0 ? '+' : '−'}${s} ${unit} a month`;
}

/** No-break space: a date never breaks across lines ("30 Oct" / "2026"). */
const NBSP = '\u00a0';
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A fiscal year's name, as the timeline axis writes it: `FY2026`, or `FY2026/27` when it spans two calendar years. */
export function fiscalYearLabel(fy: number, fiscalYearStart: number): string {
  return fiscalYearStart === 1 ? `FY${fy}` : `FY${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

/** The axis's short name of a fiscal year for narrow places: `FY26`, `FY26/27`. */
export function shortFiscalYearLabel(fy: number, fiscalYearStart: number): string {
  const yy = (n: number) => String(n % 100).padStart(2, '0');
  return fiscalYearStart === 1 ? `FY${yy(fy)}` : `FY${yy(fy)}/${yy(fy + 1)}`;
}

/** A fiscal quarter: `Q2 FY2027/28` (fiscal year named as on the axis), or `Q2 FY27/28` with `short`. */
export function formatQuarter(fy: number, q: number, fiscalYearStart: number, { short = false } = {}): string {
  return `Q${q}${NBSP}${short ? shortFiscalYearLabel(fy, fiscalYearStart) : fiscalYearLabel(fy, fiscalYearStart)}`;
}

/** A record's quarter string (`2027-Q2`) as `formatQuarter` writes it; anything else as it is. */
export function formatPeriod(period: string, fiscalYearStart: number, { short = false } = {}): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? formatQuarter(Number(m[1]), Number(m[2]), fiscalYearStart, { short }) : period;
}

/** A day number as people read it: `30 Oct 2026` (no-break spaces). */
export function formatDay(d: Day | undefined): string {
  if (d === undefined || !Number.isFinite(d)) return '—';
  const [y, m, day] = dayToIso(d).split('-');
  return `${Number(day)}${NBSP}${MONTH_SHORT[Number(m) - 1]}${NBSP}${y}`;
}

/**
 * How fiscal years run, for a lede: `Fiscal years start in April: FY2026/27
 * runs April 2026 – March 2027`; with January, `Fiscal years are calendar
 * years (FY2026 is 2026)`.
 */
export function describeFiscalYear(fy: number, fiscalYearStart: number): string {
  const label = fiscalYearLabel(fy, fiscalYearStart);
  if (fiscalYearStart === 1) return `Fiscal years are calendar years (${label} is ${fy})`;
  const endMonth = fiscalYearStart - 1;
  return `Fiscal years start in ${monthName(fiscalYearStart)}: ${label} runs ${monthName(fiscalYearStart)} ${fy} – ${monthName(endMonth)} ${fy + 1}`;
}

/**
 * A date as written in a record, read as people read it: `30 Oct 2026`,
 * `Oct 2026` (a month), `Q2 FY2027/28` (a fiscal quarter); `—` when unknown.
 * Spaces inside a date are no-break spaces, so tables and cards never split one.
 * With `{ months: true }` a quarter also names its months: `Q2 FY2027/28 (Jul–Sep 2027)`.
 */
export function formatDate(s: string | undefined, fiscalYearStart: number, { months = false } = {}): string {
  if (s === undefined) return '—';
  let span;
  try {
    span = dateSpan(s, fiscalYearStart);
  } catch {
    return s;
  }
  if (span.form === 'day') return formatDay(span.first);
  const [ay, am] = dayToIso(span.first).split('-').map(Number);
  if (span.form === 'month') return `${MONTH_SHORT[am - 1]}${NBSP}${ay}`;
  const label = formatPeriod(s, fiscalYearStart);
  if (!months) return label;
  const [by, bm] = dayToIso(span.last).split('-').map(Number);
  return `${label} (${MONTH_SHORT[am - 1]}${ay === by ? '' : `${NBSP}${ay}`}–${MONTH_SHORT[bm - 1]}${NBSP}${by})`;
}

/** `on-hold` → `On hold`, `finish-to-start` → `Finish to start`. */
export function humanize(word: string): string {
  const s = word.replace(/[-_]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Orders strings by UTF-16 code units: the same on every machine and locale (ids, paths, sort keys). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const titleCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Orders titles as people read them: case-insensitive, numbers by value
 * ("Program 2" before "Program 10"). Ties (same title but for case or
 * accents) are broken by code units, so the order never depends on anything
 * but the titles.
 */
export function compareTitles(a: string, b: string): number {
  return titleCollator.compare(a, b) || compareCodeUnits(a, b);
}

/** `1 project`, `2,000 projects`: a whole count and its noun (`many` when the plural is not noun + s). */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}

/** `1 day`, `12 days`, `1,234 days` (a count, never signed); `—` when unknown. */
export function formatDayCount(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
}

/** How long before the site's as-of date something happened: `16 days ago`, `on the as-of date`, `3 days after the as-of date`. */
export function formatDaysAgo(n: number): string {
  if (n === 0) return 'on the as-of date';
  return n > 0 ? `${formatDayCount(n)} ago` : `${formatDayCount(-n)} after the as-of date`;
}

/** The roadmap's flag for a project that keeps slipping: `slipped in 4 of the last 6 reviews`. */
export function formatSlipRecord(slipped: number, reviews: number): string {
  return `slipped in ${formatNumber(slipped)} of the last ${reviews === 1 ? 'review' : `${formatNumber(reviews)} reviews`}`;
}

/** What each kind of portfolio marker is called (the timeline's legend and list, the calendar). */
export const MARKER_KIND_LABELS: Record<MarkerKind, string> = {
  freeze: 'Change freeze',
  board: 'Board date',
  release: 'Release',
  other: 'Portfolio date',
};
