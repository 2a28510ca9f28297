/** Earned value and ROI edge cases: missing inputs, zero divisors (never Infinity or NaN), period forms, roll-ups from sums. */
import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../../src/core/dates.ts';
import { EVM_KEYS, earnedValue, evmLevel, rollupEarnedValue } from '../../src/core/earned-value.ts';
import { projectRoi, rollupRoi } from '../../src/core/roi.ts';

const T = { spi: [0.95, 0.85] as const, cpi: [0.95, 0.85] as const };
type Line = { period?: string; planned?: number; actual?: number };
const ev = (lines: Line[] | undefined, progress: number | undefined, asOf: string, fy = 1) => {
  const [y, m, d] = asOf.split('-').map(Number);
  return earnedValue({ budget: { lines }, progress }, fy, dayFromParts(y!, m!, d!), T)!;
};
const values = (e: ReturnType<typeof ev>) => Object.fromEntries(EVM_KEYS.map((k) => [k, e.figures[k]?.value]));
const finiteOrAbsent = (e: ReturnType<typeof ev>) => {
  for (const k of EVM_KEYS) {
    const v = e.figures[k]?.value;
    if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
    else expect(e.missing[k], k).toBeTruthy();
  }
};

describe('earnedValue', () => {
  it('is undefined without a budget and names the missing lines with a budget but no lines', () => {
    expect(earnedValue({ progress: 10 }, 1, 0, T)).toBeUndefined();
    const e = ev(undefined, 10, '2026-05-01');
    expect(e.figures).toEqual({});
    expect(e.missing.bac).toBe('the budget has no lines by period');
    expect(e.missing.ev).toBe('needs BAC: the budget has no lines by period');
    finiteOrAbsent(e);
  });

  it('before any period begins: PV 0 gives no SPI, no actuals gives no AC', () => {
    const e = ev([{ period: '2026-Q3', planned: 100 }], 0, '2026-07-01');
    expect(e.figures.pv?.value).toBe(0); // the first day of the period: no day has passed
    expect(e.missing.spi).toBe('PV is 0: nothing was planned before the as-of date');
    expect(e.missing.ac).toBe('no actual reported for a period begun by the as-of date');
    expect(e.missing.cpi).toBe('needs AC: no actual reported for a period begun by the as-of date');
    finiteOrAbsent(e);
  });

  it('AC 0 gives no CPI; EV 0 gives no EAC; AC ≥ BAC gives no TCPI', () => {
    const zeroAc = ev([{ period: '2026-01', planned: 10, actual: 0 }], 50, '2026-03-01');
    expect(zeroAc.figures.ac?.value).toBe(0);
    expect(zeroAc.missing.cpi).toBe('AC is 0: nothing spent yet');
    finiteOrAbsent(zeroAc);
    const zeroEv = ev([{ period: '2026-01', planned: 10, actual: 5 }], 0, '2026-03-01');
    expect(zeroEv.figures.cpi?.value).toBe(0);
    expect(zeroEv.missing.eac).toBe('CPI is 0: no value earned yet');
    expect(zeroEv.missing.vac).toBe('needs EAC: CPI is 0: no value earned yet');
    finiteOrAbsent(zeroEv);
    const spent = ev([{ period: '2026-01', planned: 10, actual: 12 }], 90, '2026-03-01');
    expect(spent.missing.tcpi).toMatch(/^AC ≥ BAC/);
    finiteOrAbsent(spent);
  });

  it('a line without a period leaves PV and AC out and says which line', () => {
    const e = ev([{ period: '2026-01', planned: 10, actual: 5 }, { planned: 5 }], 50, '2026-03-01');
    expect(e.figures.bac?.value).toBe(15);
    expect(e.missing.pv).toBe('budget line 2 has no period');
    expect(e.figures.ev?.value).toBe(7.5);
    finiteOrAbsent(e);
  });

  it('reads months, days and fiscal quarters; actuals of periods not begun are not to date', () => {
    // fiscal_year_start 4: 2026-Q1 is April–June 2026 (91 days); 1 May is 30 days in.
    const e = ev([{ period: '2026-Q1', planned: 91, actual: 40 }, { period: '2026-Q2', planned: 50, actual: 99 }], 10, '2026-05-01', 4);
    expect(e.figures.pv?.value).toBeCloseTo(30, 10);
    expect(e.figures.ac?.value).toBe(40);
    const months = ev([{ period: '2026-01', planned: 31 }, { period: '2026-02-10', planned: 7 }], 50, '2026-02-11');
    expect(months.figures.pv?.value).toBe(38);
    // Two lines of one period merge into one point of the curve.
    const merged = ev([{ period: '2026-01', planned: 1, actual: 1 }, { period: '2026-01', planned: 2 }], 50, '2026-03-01');
    expect(merged.periods).toEqual([expect.objectContaining({ period: '2026-01', planned: 3, actual: 1 })]);
  });

  it('hints by thresholds: red below the second, amber below the first', () => {
    expect(evmLevel('SPI', 0.84, [0.95, 0.85]).value).toBe('red');
    expect(evmLevel('SPI', 0.85, [0.95, 0.85]).value).toBe('amber');
    expect(evmLevel('SPI', 0.95, [0.95, 0.85])).toEqual({ value: 'green', reason: 'SPI 0.95 ≥ 0.95' });
    // Never rounded onto the threshold it misses: amber with "0.95 < 0.95" would read as a contradiction.
    expect(evmLevel('SPI', 0.9495, [0.95, 0.85])).toEqual({ value: 'amber', reason: 'SPI 0.9495 < 0.95' });
    expect(evmLevel('CPI', 0.8496, [0.95, 0.85])).toEqual({ value: 'red', reason: 'CPI 0.8496 < 0.85' });
  });
});

describe('rollupEarnedValue', () => {
  it('computes ratios from the sums, not the mean of the ratios', () => {
    const a = ev([{ period: '2026-01', planned: 100, actual: 100 }], 100, '2026-03-01'); // SPI 1
    const b = ev([{ period: '2026-01', planned: 10, actual: 10 }], 10, '2026-03-01'); // SPI 0.1
    const r = rollupEarnedValue([{ id: 'a', earnedValue: a }, { id: 'b', earnedValue: b }, { id: 'c' }], T)!;
    expect(r.figures.spi?.value).toBeCloseTo(101 / 110, 10); // the mean of ratios would be 0.55
    expect(r.projects).toEqual(['a', 'b']);
    expect(rollupEarnedValue([{ id: 'c' }], T)).toBeUndefined();
    const none = rollupEarnedValue([{ id: 'x', earnedValue: ev(undefined, 5, '2026-01-01') }], T)!;
    expect(none.left).toEqual([{ id: 'x', reason: 'no BAC: the budget has no lines by period' }]);
    expect(values(none as never)).toEqual(Object.fromEntries(EVM_KEYS.map((k) => [k, undefined])));
  });
});

describe('projectRoi', () => {
  const open = { budget: false, benefits: false };
  it('works the hand example: cost 1,000,000, 400,000 a year over 5 years → ROI 1.0, payback 2.5 years', () => {
    const r = projectRoi({ budget: { planned: 1_000_000 }, benefits: [{ metric: 'm', annual_value: 400_000 }] }, 5, open)!;
    expect(r.roi?.value).toBe(1);
    expect(r.payback?.value).toBe(2.5);
    expect(r.roi?.formula).toBe('(annual value × 5 years − cost) / cost = (400,000 × 5 − 1,000,000) / 1,000,000 = 1');
  });

  it('zero cost and zero value give reasons, not Infinity', () => {
    const free = projectRoi({ budget: { planned: 0 }, benefits: [{ metric: 'm', annual_value: 5 }] }, 5, open)!;
    expect(free.roi).toBeUndefined();
    expect(free.missing.roi).toBe('the cost is 0');
    const worthless = projectRoi({ budget: { planned: 10 }, benefits: [{ metric: 'm', annual_value: 0 }] }, 5, open)!;
    expect(worthless.roi?.value).toBe(-1);
    expect(worthless.missing.payback).toBe('the annual value is 0: never paid back');
  });

  it('clamps realization to 0–100% and is hidden with budget or benefits', () => {
    const r = projectRoi({ budget: { planned: 10 }, benefits: [{ metric: 'a', baseline: 0, target: 10, actual: 20, annual_value: 100 }, { metric: 'b', baseline: 0, target: 10, actual: -5, annual_value: 100 }] }, 5, open)!;
    expect(r.realized?.value).toBe(100);
    expect(projectRoi({ budget: { planned: 10 } }, 5, { budget: false, benefits: true })).toBeUndefined();
    expect(projectRoi({ benefits: [{ metric: 'm', annual_value: 1 }] }, 5, { budget: true, benefits: false })).toBeUndefined();
  });

  it('rolls up from Σ value and Σ cost, unvalued projects apart', () => {
    const a = projectRoi({ budget: { planned: 100 }, benefits: [{ metric: 'm', annual_value: 100 }] }, 5, open); // ROI 4
    const b = projectRoi({ budget: { planned: 900 }, benefits: [{ metric: 'm', annual_value: 100 }] }, 5, open); // ROI −0.44
    const u = projectRoi({ budget: { planned: 50 } }, 5, open);
    const r = rollupRoi([{ id: 'a', roi: a }, { id: 'b', roi: b }, { id: 'u', roi: u }], 5)!;
    expect(r.roi?.value).toBe(0); // (200 × 5 − 1000) / 1000
    expect(r.unvalued).toEqual(['u']);
    expect(r.payback?.value).toBe(5);
  });
});
