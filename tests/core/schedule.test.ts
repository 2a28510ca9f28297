import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../../src/core/dates.ts';
import { daysSinceUpdate, isOpen, isOverdue, isStale, projectDays, slipDays } from '../../src/core/schedule.ts';

const asOf = dayFromParts(2026, 11, 15);

describe('slipDays', () => {
  it('is end − baseline_end in days', () => {
    // 2026-06-30 → 2026-09-30: Jul 31 + Aug 31 + Sep 30 = 92
    expect(slipDays({ end: '2026-09-30', baseline_end: '2026-06-30' }, 1)).toBe(92);
  });

  it('takes the last day of a month or quarter', () => {
    // 2026-03-31 − 2026-02-28 = 31
    expect(slipDays({ end: '2026-03', baseline_end: '2026-02' }, 1)).toBe(31);
    // fiscal year from April: 2026-Q2 ends 2026-09-30, 2026-Q1 ends 2026-06-30 → 92
    expect(slipDays({ end: '2026-Q2', baseline_end: '2026-Q1' }, 4)).toBe(92);
    // calendar quarters: 2026-Q2 ends 2026-06-30, 2026-Q1 ends 2026-03-31 → Apr 30 + May 31 + Jun 30 = 91
    expect(slipDays({ end: '2026-Q2', baseline_end: '2026-Q1' }, 1)).toBe(91);
  });

  it('is negative when ahead of baseline, undefined without both dates', () => {
    // 2026-06-20 − 2026-06-30 = −10
    expect(slipDays({ end: '2026-06-20', baseline_end: '2026-06-30' }, 1)).toBe(-10);
    expect(slipDays({ end: '2026-06-20' }, 1)).toBeUndefined();
    expect(slipDays({ baseline_end: '2026-06-20' }, 1)).toBeUndefined();
  });
});

describe('isOverdue', () => {
  it('is an open project whose end is before the as-of day', () => {
    expect(isOverdue({ status: 'active', end: '2026-09-30' }, 1, asOf)).toBe(true);
    expect(isOverdue({ status: 'on-hold', end: '2026-11-14' }, 1, asOf)).toBe(true);
    // ending on the as-of day is not overdue
    expect(isOverdue({ status: 'active', end: '2026-11-15' }, 1, asOf)).toBe(false);
    // 2026-11 as an end is 2026-11-30, after the as-of day
    expect(isOverdue({ status: 'active', end: '2026-11' }, 1, asOf)).toBe(false);
    expect(isOverdue({ status: 'done', end: '2026-09-30' }, 1, asOf)).toBe(false);
    expect(isOverdue({ status: 'cancelled', end: '2026-09-30' }, 1, asOf)).toBe(false);
    expect(isOverdue({ status: 'active' }, 1, asOf)).toBe(false);
  });
});

describe('stale and daysSinceUpdate', () => {
  it('counts days since updated', () => {
    // 2026-08-01 → 2026-11-15: 31 (Aug) + 30 (Sep) + 31 (Oct) + 14 = 106
    expect(daysSinceUpdate({ updated: '2026-08-01' }, 1, asOf)).toBe(106);
    // a month as updated means its last day: 2026-08-31 → 2026-11-15 = 30 + 31 + 15 = 76
    expect(daysSinceUpdate({ updated: '2026-08' }, 1, asOf)).toBe(76);
    expect(daysSinceUpdate({}, 1, asOf)).toBeUndefined();
  });

  it('is stale when open and updated more than review_every_days ago', () => {
    expect(isStale({ status: 'active', updated: '2026-08-01' }, 1, asOf, 90)).toBe(true); // 106 > 90
    // 2026-08-17 → 2026-11-15 = 106 − 16 = 90, not more than 90
    expect(isStale({ status: 'active', updated: '2026-08-17' }, 1, asOf, 90)).toBe(false);
    expect(isStale({ status: 'active', updated: '2026-08-16' }, 1, asOf, 90)).toBe(true); // 91 > 90
    expect(isStale({ status: 'done', updated: '2026-01-01' }, 1, asOf, 90)).toBe(false);
    expect(isStale({ status: 'cancelled', updated: '2026-01-01' }, 1, asOf, 90)).toBe(false);
    expect(isStale({ status: 'proposed' }, 1, asOf, 90)).toBe(false);
  });
});

describe('isOpen and projectDays', () => {
  it('open means not done and not cancelled', () => {
    expect(['proposed', 'approved', 'active', 'on-hold', 'done', 'cancelled'].map((s) => isOpen(s as never))).toEqual([true, true, true, true, false, false]);
  });

  it('converts start as first day, end and baseline as last day', () => {
    expect(projectDays({ start: '2026-Q1', end: '2026-Q1', baseline_end: '2026-02' }, 4)).toEqual({
      startDay: dayFromParts(2026, 4, 1),
      endDay: dayFromParts(2026, 6, 30),
      baselineEndDay: dayFromParts(2026, 2, 28),
    });
  });
});
