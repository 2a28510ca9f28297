import { formatPercent } from '../../src/core/format.ts';
import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../../src/core/dates.ts';
import {
  benefitsHealth,
  budgetHealth,
  combineHealth,
  projectHealth,
  resourcesHealth,
  scheduleHealth,
  worstCell,
  type TeamCell,
} from '../../src/core/health.ts';
import type { UtilizationCell } from '../../src/core/model.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/schema.ts';

const asOf = dayFromParts(2026, 11, 15);
const SLIP: [number, number] = [14, 45];
const VAR: [number, number] = [0.05, 0.15];
const UTIL: [number, number] = [0.9, 1.1];

const cell = (period: string, demand: number, capacity: number, level: UtilizationCell['level']): UtilizationCell => ({
  period,
  demand,
  capacity,
  ratio: capacity > 0 ? demand / capacity : undefined,
  level,
  projects: [],
});

describe('formatPercent (as formulas show it, 2 decimals)', () => {
  it('formats ratios with at most 2 decimals', () => {
    expect(formatPercent(0.075, { signed: true, digits: 2 })).toBe('+7.5%');
    expect(formatPercent(-0.1, { signed: true, digits: 2 })).toBe('−10%');
    expect(formatPercent(1.1, { digits: 2 })).toBe('110%'); // 1.1 × 100 = 110.00000000000001 → 110
  });
});

describe('schedule health', () => {
  it('is red when not done and the end is before the as-of day', () => {
    expect(scheduleHealth({ status: 'active', end: '2026-09-30' }, 1, asOf, 0, SLIP)).toEqual({
      value: 'red',
      source: 'computed',
      reason: 'end 30\u00a0Sep\u00a02026 is before as-of 15\u00a0Nov\u00a02026',
    });
  });

  it('is red for a cancelled project past its end: the contract says "not done", taken literally', () => {
    expect(scheduleHealth({ status: 'cancelled', end: '2026-09-30' }, 1, asOf, undefined, SLIP)?.value).toBe('red');
  });

  it('follows slip otherwise', () => {
    const future = { status: 'active' as const, end: '2027-03-31' };
    expect(scheduleHealth(future, 1, asOf, 20, SLIP)).toEqual({ value: 'amber', source: 'computed', reason: 'slip 20 days > 14' });
    expect(scheduleHealth(future, 1, asOf, 50, SLIP)).toEqual({ value: 'red', source: 'computed', reason: 'slip 50 days > 45' });
    expect(scheduleHealth(future, 1, asOf, 45, SLIP)?.value).toBe('amber'); // 45 is not > 45
    expect(scheduleHealth(future, 1, asOf, 14, SLIP)).toEqual({ value: 'green', source: 'computed', reason: 'slip 14 days ≤ 14' });
    expect(scheduleHealth(future, 1, asOf, 0, SLIP)?.reason).toBe('on baseline');
    expect(scheduleHealth(future, 1, asOf, -1, SLIP)?.reason).toBe('1 day ahead of baseline');
  });

  it('judges a done project past its end by slip only', () => {
    expect(scheduleHealth({ status: 'done', end: '2026-09-30' }, 1, asOf, 20, SLIP)?.value).toBe('amber');
    expect(scheduleHealth({ status: 'done', end: '2026-09-30' }, 1, asOf, undefined, SLIP)).toBeUndefined();
  });

  it('has no value with a future end and no baseline, or no dates', () => {
    expect(scheduleHealth({ status: 'active', end: '2027-01-01' }, 1, asOf, undefined, SLIP)).toBeUndefined();
    expect(scheduleHealth({ status: 'proposed' }, 1, asOf, undefined, SLIP)).toBeUndefined();
  });
});

describe('budget health', () => {
  it('compares variance with the thresholds', () => {
    expect(budgetHealth(0.075, VAR)).toEqual({ value: 'amber', source: 'computed', reason: 'variance +7.5% > 5%' });
    expect(budgetHealth(0.2, VAR)).toEqual({ value: 'red', source: 'computed', reason: 'variance +20% > 15%' });
    expect(budgetHealth(0.05, VAR)).toEqual({ value: 'green', source: 'computed', reason: 'variance +5% ≤ 5%' });
    expect(budgetHealth(-0.1, VAR)?.reason).toBe('variance −10% ≤ 5%');
    expect(budgetHealth(undefined, VAR)).toBeUndefined();
    // (115.3 − 100.3) / 100.3 = 0.14955… → amber; 0.15 + 1e-12 is 0.15 up to float noise → amber, not red; 0.1501 > 0.15 → red
    expect(budgetHealth((115.3 - 100.3) / 100.3, VAR)?.value).toBe('amber');
    expect(budgetHealth(0.15 + 1e-12, VAR)?.value).toBe('amber');
    expect(budgetHealth(0.1501, VAR)?.value).toBe('red');
  });
});

describe('resources health', () => {
  it('takes the worst cell the project demands', () => {
    const cells: TeamCell[] = [
      { team: 'platform', cell: cell('2026-Q2', 1.9, 2, 'amber') }, // 0.95
      { team: 'security-review', cell: cell('2026-Q3', 2.5, 2, 'red') }, // 1.25
      { team: 'platform', cell: cell('2026-Q3', 1, 2, 'green') }, // 0.5
    ];
    const worst = worstCell(cells)!;
    expect(worst.team).toBe('security-review');
    // 2.5 / 2 = 125% > 110%
    expect(resourcesHealth(worst, UTIL)).toEqual({ value: 'red', source: 'computed', reason: 'security-review at 125% in Q3\u00a0FY2026 > 110%' });
    // With titles and an April fiscal year, the reason reads as written for people.
    expect(resourcesHealth(worst, UTIL, (id) => (id === 'security-review' ? 'Security Review' : id), 4)?.reason).toBe('Security Review at 125% in Q3\u00a0FY2026/27 > 110%');
  });

  it('amber and green reasons', () => {
    expect(resourcesHealth({ team: 'platform', cell: cell('2026-Q2', 1.9, 2, 'amber') }, UTIL)?.reason).toBe('platform at 95% in Q2\u00a0FY2026 > 90%');
    expect(resourcesHealth({ team: 'platform', cell: cell('2026-Q2', 1, 2, 'green') }, UTIL)?.reason).toBe('platform at 50% in Q2\u00a0FY2026 ≤ 90%');
  });

  it('treats demand without capacity as worst of all', () => {
    const worst = worstCell([
      { team: 'a', cell: cell('2026-Q1', 5, 1, 'red') }, // 500%
      { team: 'b', cell: cell('2026-Q1', 0.5, 0, 'red') }, // no capacity
    ])!;
    expect(resourcesHealth(worst, UTIL)).toEqual({ value: 'red', source: 'computed', reason: 'b has no capacity in Q1\u00a0FY2026' });
  });

  it('breaks ties by team, then period', () => {
    const worst = worstCell([
      { team: 'b', cell: cell('2026-Q1', 1, 1, 'amber') },
      { team: 'a', cell: cell('2026-Q2', 1, 1, 'amber') },
      { team: 'a', cell: cell('2026-Q1', 2, 2, 'amber') },
    ])!;
    expect([worst.team, worst.cell.period]).toEqual(['a', '2026-Q1']);
  });

  it('has no value without demand', () => {
    expect(resourcesHealth(worstCell([]), UTIL)).toBeUndefined();
  });
});

describe('benefits health', () => {
  it('maps value_status', () => {
    expect(benefitsHealth('on-track')).toEqual({ value: 'green', source: 'computed', reason: 'value on track' });
    expect(benefitsHealth('at-risk')).toEqual({ value: 'amber', source: 'computed', reason: 'value at risk' });
    expect(benefitsHealth('off-track')?.value).toBe('red');
    expect(benefitsHealth(undefined)).toBeUndefined();
  });
});

describe('combined health', () => {
  it('lets a manual value win and takes the worst dimension as overall', () => {
    const h = projectHealth({
      project: { status: 'active', end: '2026-09-30', value_status: 'at-risk', health: { schedule: 'green', scope: 'amber', note: 'Vendor delay' } },
      fy: 1,
      asOfDay: asOf,
      thresholds: DEFAULT_THRESHOLDS,
      slipDays: 92,
      budgetVariance: 0.02,
      demandCells: [],
    });
    expect(h).toEqual({
      // computed would be red (end before as-of), the record says green
      schedule: { value: 'green', source: 'manual', reason: 'set by the project' },
      budget: { value: 'green', source: 'computed', reason: 'variance +2% ≤ 5%' },
      scope: { value: 'amber', source: 'manual', reason: 'set by the project' },
      benefits: { value: 'amber', source: 'computed', reason: 'value at risk' },
      overall: 'amber', // worst of green, green, amber, amber
      note: 'Vendor delay',
    });
    expect(h.resources).toBeUndefined();
  });

  it('is red overall when any dimension is red', () => {
    const h = combineHealth({ benefits: 'red' }, { schedule: { value: 'amber', source: 'computed', reason: 'x' } });
    expect(h.overall).toBe('red');
  });

  it('has no overall without any dimension', () => {
    expect(combineHealth(undefined, {})).toEqual({});
  });
});
