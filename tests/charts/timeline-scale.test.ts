import { describe, expect, it } from 'vitest';
import { addQuarters, fiscalYearLabel, fitRange, quarterBounds, textWidth, timeAxis, truncate } from '../../src/charts/time-scale.ts';
import { dayFromParts, dayToIso, endDay, quarterOf, quartersBetween, startDay } from '../../src/core/dates.ts';

const d = (iso: string) => startDay(iso);

describe('fiscal quarters (fiscal year starting in April)', () => {
  it('bounds each quarter of FY2026 from April 2026 to March 2027', () => {
    const iso = (q: number) => {
      const b = quarterBounds(2026, q, 4);
      return [dayToIso(b.first), dayToIso(b.last)];
    };
    expect(iso(1)).toEqual(['2026-04-01', '2026-06-30']);
    expect(iso(2)).toEqual(['2026-07-01', '2026-09-30']);
    expect(iso(3)).toEqual(['2026-10-01', '2026-12-31']);
    // Q4 crosses the calendar year end.
    expect(iso(4)).toEqual(['2027-01-01', '2027-03-31']);
  });

  it('puts January to March in the previous fiscal year', () => {
    expect(quarterOf(d('2027-02-10'), 4)).toEqual({ fy: 2026, q: 4 });
    expect(quarterOf(d('2027-04-01'), 4)).toEqual({ fy: 2027, q: 1 });
    expect(quarterOf(d('2026-03-31'), 4)).toEqual({ fy: 2025, q: 4 });
  });

  it('counts quarters across the year end', () => {
    expect(quartersBetween(d('2026-11-15'), d('2027-05-01'), 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(addQuarters(2026, 3, 2)).toEqual({ fy: 2027, q: 1 });
    expect(addQuarters(2026, 4, 1)).toEqual({ fy: 2027, q: 1 });
    expect(addQuarters(2026, 1, -1)).toEqual({ fy: 2025, q: 4 });
  });

  it('reads a quarter or month date as its first day when a start and its last day when an end', () => {
    expect(dayToIso(startDay('2026-Q4', 4))).toBe('2027-01-01');
    expect(dayToIso(endDay('2026-Q4', 4))).toBe('2027-03-31');
    expect(dayToIso(startDay('2027-02'))).toBe('2027-02-01');
    expect(dayToIso(endDay('2027-02'))).toBe('2027-02-28');
    expect(dayToIso(endDay('2028-02'))).toBe('2028-02-29');
  });

  it('names fiscal years by the year they start, with both years when they span two', () => {
    expect(fiscalYearLabel(2026, 4)).toBe('FY2026/27');
    expect(fiscalYearLabel(2099, 4)).toBe('FY2099/00');
    expect(fiscalYearLabel(2026, 1)).toBe('FY2026');
  });
});

describe('fitRange', () => {
  it('widens to whole fiscal quarters and always includes the as-of day', () => {
    const r = fitRange([d('2026-05-10'), undefined, d('2026-08-20')], d('2026-11-15'), 4);
    expect([dayToIso(r.from), dayToIso(r.to)]).toEqual(['2026-04-01', '2026-12-31']);
    const before = fitRange([d('2027-02-01')], d('2026-11-15'), 4);
    expect([dayToIso(before.from), dayToIso(before.to)]).toEqual(['2026-10-01', '2027-03-31']);
  });

  it('is the as-of quarter when there are no dates', () => {
    const r = fitRange([], d('2026-11-15'), 1);
    expect([dayToIso(r.from), dayToIso(r.to)]).toEqual(['2026-10-01', '2026-12-31']);
  });
});

describe('timeAxis', () => {
  // FY2026 (Apr 2026 – Mar 2027) over 0..365 units: one unit per day.
  const axis = timeAxis(dayFromParts(2026, 4, 1), dayFromParts(2027, 3, 31), 0, 365, 4);

  it('maps days linearly, a day end to the next day start, and clamps outside the range', () => {
    expect(axis.x(dayFromParts(2026, 4, 1))).toBe(0);
    expect(axis.xEnd(dayFromParts(2026, 4, 1))).toBe(1);
    expect(axis.x(dayFromParts(2026, 10, 1))).toBe(183);
    expect(axis.xEnd(dayFromParts(2027, 3, 31))).toBe(365);
    expect(axis.x(dayFromParts(2020, 1, 1))).toBe(0);
    expect(axis.x(dayFromParts(2030, 1, 1))).toBe(365);
  });

  it('has twelve months with the year on January, four fiscal quarters and one fiscal year', () => {
    expect(axis.months.map((m) => m.label)).toEqual(['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2027', 'Feb', 'Mar']);
    expect(axis.months[10]).toMatchObject({ x: 306, width: 28, short: 'F' });
    expect(axis.quarters.map((q) => [q.label, q.x, q.width])).toEqual([
      ['2026-Q1', 0, 91],
      ['2026-Q2', 91, 92],
      ['2026-Q3', 183, 92],
      ['2026-Q4', 275, 90],
    ]);
    expect(axis.years.map((y) => [y.label, y.x, y.width])).toEqual([['FY2026/27', 0, 365]]);
  });

  it('clips bands to a range that starts mid-quarter', () => {
    const a = timeAxis(dayFromParts(2026, 5, 1), dayFromParts(2026, 7, 31), 0, 92, 4);
    expect(a.quarters.map((q) => [q.label, dayToIso(q.first), dayToIso(q.last)])).toEqual([
      ['2026-Q1', '2026-05-01', '2026-06-30'],
      ['2026-Q2', '2026-07-01', '2026-07-31'],
    ]);
  });
});

describe('label truncation (estimated widths, no DOM)', () => {
  it('estimates widths from the characters', () => {
    expect(textWidth('ill', 10)).toBe(9.6);
    expect(textWidth('MW', 10)).toBe(18);
    expect(textWidth('Ab1', 10)).toBe(18.1);
  });

  it('keeps a title that fits and cuts a long one at a word with an ellipsis', () => {
    expect(truncate('EPR Upgrade', 200, 12)).toEqual({ text: 'EPR Upgrade', truncated: false });
    const cut = truncate('Electronic Prescribing and Medicines Administration', 160, 12);
    // The longest prefix that fits is "Electronic Prescribing an"; it backs off to the word.
    expect(cut).toEqual({ text: 'Electronic Prescribing…', truncated: true });
    expect(textWidth(cut.text, 12)).toBeLessThanOrEqual(160);
  });

  it('is deterministic and always fits, even for one long word', () => {
    const word = 'x'.repeat(80);
    const a = truncate(word, 100, 12);
    expect(a).toEqual(truncate(word, 100, 12));
    expect(a.text.endsWith('…')).toBe(true);
    expect(textWidth(a.text, 12)).toBeLessThanOrEqual(100);
    expect(a.text.length).toBe(15); // 14 × 6.6 + 3.84 = 96.24 ≤ 100
  });
});
