/**
 * How numbers and dates read on the site. Fixed locale (en-GB) and no time
 * zone, so builds are byte-identical on any machine.
 */
import { describeDate } from './dates.ts';

const LOCALE = 'en-GB';

export function formatMoney(n: number | undefined, currency: string): string {
  if (n === undefined) return '—';
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
}

/** 0.075 → `+7.5%` (signed) or `7.5%`: at most `digits` decimals, no trailing zeros. */
export function formatPercent(ratio: number | undefined, { signed = false, digits = 1 } = {}): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  const s = `${formulaNumber(ratio * 100, digits)}%`;
  return signed && ratio > 0 ? `+${s}` : s;
}

/** A number as formulas show it: at most `maxDecimals` decimals, no trailing zeros, no grouping (`0.75`, `3`, `66.6667`). */
export function formulaNumber(x: number, maxDecimals = 4): string {
  const rounded = Number(x.toFixed(maxDecimals));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function formatNumber(n: number | undefined, digits = 2): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(n);
}

/** `+20 days`, `−3 days`, `0 days`. */
export function formatDays(n: number | undefined): string {
  if (n === undefined) return '—';
  const abs = Math.abs(n);
  const unit = abs === 1 ? 'day' : 'days';
  return n > 0 ? `+${abs} ${unit}` : n < 0 ? `−${abs} ${unit}` : `0 ${unit}`;
}

export function formatDate(s: string | undefined, fiscalYearStart: number): string {
  return s === undefined ? '—' : describeDate(s, fiscalYearStart);
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

/** `1 day`, `12 days`, `1,234 days` (a count, never signed); `—` when unknown. */
export function formatDayCount(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
}
