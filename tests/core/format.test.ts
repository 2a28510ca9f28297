import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../../src/core/dates.ts';
import { describeFiscalYear, fiscalYearLabel, formatPeriod, formatDate as formatDateNb, formatDaysAgo, formatDay as formatDayNb, formatMoney, formatIndex, formatMoneyCompact, formatNumber, formatPercent, formatQuarter as formatQuarterNb, formulaNumber, moneyFigure } from '../../src/core/format.ts';

describe('formatMoneyCompact', () => {
  it.each([
    [47_507_370_000, '£47.5bn'],
    [20_912_345, '£20.9m'],
    [850_000, '£850k'],
    [850, '£850'],
    [999, '£999'],
    [1_000, '£1k'],
    [999_499, '£999k'],
    [999_500, '£1.0m'],
    [999_950, '£1.0m'],
    [999_949_999, '£999.9m'],
    [999_950_000, '£1.0bn'],
    [1_250_000_000_000, '£1.3tn'],
    [0, '£0'],
  ])('%d → %s', (n, text) => {
    expect(formatMoneyCompact(n, 'GBP')).toBe(text);
  });

  it('keeps the sign of negatives and rounds them like positives', () => {
    expect(formatMoneyCompact(-20_912_345, 'GBP')).toBe('−£20.9m');
    expect(formatMoneyCompact(-999_950, 'GBP')).toBe('−£1.0m');
    expect(formatMoneyCompact(-850, 'GBP')).toBe('−£850');
  });

  it('reads unknown and non-finite amounts as a dash', () => {
    expect(formatMoneyCompact(undefined, 'GBP')).toBe('—');
    expect(formatMoneyCompact(Number.NaN, 'GBP')).toBe('—');
    expect(formatMoneyCompact(Infinity, 'GBP')).toBe('—');
  });

  it('uses the portfolio currency', () => {
    expect(formatMoneyCompact(3_400_000, 'EUR')).toBe('€3.4m');
    expect(formatMoneyCompact(3_400_000, 'USD')).toBe('US$3.4m');
  });

  it('gives the exact amount beside a compact one, and none when they are the same', () => {
    expect(moneyFigure(47_507_370_000, 'GBP')).toEqual({ text: '£47.5bn', exact: '£47,507,370,000' });
    expect(moneyFigure(850, 'GBP')).toEqual({ text: '£850' });
  });
});

describe('dates as people read them', () => {
  // Dates use no-break spaces; the expectations are written with plain ones.
  const formatDate = (...a: Parameters<typeof formatDateNb>) => formatDateNb(...a).replaceAll('\u00a0', ' ');
  const formatDay = (...a: Parameters<typeof formatDayNb>) => formatDayNb(...a).replaceAll('\u00a0', ' ');
  const formatQuarter = (...a: Parameters<typeof formatQuarterNb>) => formatQuarterNb(...a).replaceAll('\u00a0', ' ');

  it('never breaks a date: its spaces are no-break spaces', () => {
    expect(formatDateNb('2026-10-30', 4)).toBe('30\u00a0Oct\u00a02026');
    expect(formatDateNb('2027-Q2', 4)).not.toMatch(/ /);
    expect(formatDateNb('2025-07', 4)).not.toMatch(/ /);
  });

  it('names fiscal years as the axis does', () => {
    expect(fiscalYearLabel(2026, 4)).toBe('FY2026/27');
    expect(fiscalYearLabel(2099, 4)).toBe('FY2099/00');
    expect(fiscalYearLabel(2026, 1)).toBe('FY2026');
    expect(formatQuarter(2027, 2, 4)).toBe('Q2 FY2027/28');
  });

  it('writes days, months and quarters in one style', () => {
    expect(formatDay(dayFromParts(2026, 10, 30))).toBe('30 Oct 2026');
    expect(formatDate('2026-10-30', 4)).toBe('30 Oct 2026');
    expect(formatDate('2026-01-05', 4)).toBe('5 Jan 2026');
    expect(formatDate('2025-07', 4)).toBe('Jul 2025');
    expect(formatDate('2027-Q2', 4)).toBe('Q2 FY2027/28');
    expect(formatDate('2027-Q2', 1)).toBe('Q2 FY2027');
    expect(formatDate(undefined, 4)).toBe('—');
  });

  it('names a quarter’s months on request, across a year end too', () => {
    expect(formatDate('2027-Q2', 4, { months: true })).toBe('Q2 FY2027/28 (Jul–Sep 2027)');
    expect(formatDate('2026-Q4', 4, { months: true })).toBe('Q4 FY2026/27 (Jan–Mar 2027)');
    expect(formatDate('2026-Q3', 11, { months: true })).toBe('Q3 FY2026/27 (May–Jul 2027)');
    expect(formatDate('2026-Q1', 11, { months: true })).toBe('Q1 FY2026/27 (Nov 2026–Jan 2027)');
  });

  it('says how fiscal years run in words, not a month number', () => {
    expect(describeFiscalYear(2026, 4)).toBe('Fiscal years start in April: FY2026/27 runs April 2026 – March 2027');
    expect(describeFiscalYear(2026, 1)).toBe('Fiscal years are calendar years (FY2026 is 2026)');
    expect(describeFiscalYear(2026, 2)).toBe('Fiscal years start in February: FY2026/27 runs February 2026 – January 2027');
  });

  it('writes a period (budget line, heatmap column) as a fiscal quarter, short where space is tight', () => {
    expect(formatPeriod('2026-Q3', 4).replaceAll('\u00a0', ' ')).toBe('Q3 FY2026/27');
    expect(formatPeriod('2026-Q3', 4, { short: true }).replaceAll('\u00a0', ' ')).toBe('Q3 FY26/27');
    expect(formatPeriod('2026-Q3', 1, { short: true }).replaceAll('\u00a0', ' ')).toBe('Q3 FY26');
    expect(formatPeriod('none', 4)).toBe('none');
  });
});

describe('negative figures', () => {
  it('read with a minus sign (U+2212), as days do, and never as −0', () => {
    expect(formatMoney(-1_234, 'GBP')).toBe('−£1,234');
    expect(formatPercent(-0.075)).toBe('−7.5%');
    expect(formatNumber(-3.5)).toBe('−3.5');
    expect(formulaNumber(-5)).toBe('−5');
    expect(formatMoney(-0.4, 'GBP')).toBe('£0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatPercent(-0.00001)).toBe('0%');
  });
});

describe('formatIndex', () => {
  it('reads two decimals, and more (up to four) only where two would round onto or across a threshold', () => {
    expect(formatIndex(0.9495)).toBe('0.95');
    expect(formatIndex(0.9495, [0.95, 0.85])).toBe('0.9495');
    expect(formatIndex(0.94951, [0.95, 0.85])).toBe('0.9495');
    expect(formatIndex(0.99999, [1])).toBe('1'); // four decimals still round onto it: the limit
    expect(formatIndex(0.951, [0.95, 0.85])).toBe('0.95');
    expect(formatIndex(0.727, [0.95, 0.85])).toBe('0.73');
    expect(formatIndex(0.846, [0.95, 0.85])).toBe('0.846');
    expect(formatIndex(undefined, [0.95])).toBe('—');
  });
});

describe('formatDaysAgo', () => {
  it('counts back from the as-of date, and names the day itself and days after it', () => {
    expect(formatDaysAgo(16)).toBe('16 days ago');
    expect(formatDaysAgo(1)).toBe('1 day ago');
    expect(formatDaysAgo(0)).toBe('on the as-of date');
    expect(formatDaysAgo(-3)).toBe('3 days after the as-of date');
  });
});
