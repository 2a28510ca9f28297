/** The earned value S-curve's points: PV by period ends and pro rata at the as-of date, AC up to it, EV one point at it. */
import { describe, expect, it } from 'vitest';
import { sCurve } from '../../src/charts/s-curve.ts';
import { dayFromParts } from '../../src/core/dates.ts';
import { WORKED_AS_OF, WORKED_EVM } from './s-curve-fixture.ts';

const d = (y: number, m: number, day: number) => dayFromParts(y, m, day);

describe('sCurve', () => {
  const curve = sCurve(WORKED_EVM(), WORKED_AS_OF, 'GBP', 1)!;
  const [pv, ac, ev] = curve.chart.series;

  it('draws PV, AC and EV with the as-of line', () => {
    expect(curve.chart.series.map((s) => s.name)).toEqual(['Planned value (PV)', 'Actual cost (AC)', 'Earned value (EV)']);
    // PV: 0 at 1 Jan, 25 at 1 Apr, 50 at 1 Jul, 62.5 on 16 Aug, 75 at 1 Oct, 100 at 1 Jan 2027.
    expect(pv!.points.map((p) => p.title)).toEqual([
      'PV £0 on 1\u00a0Jan\u00a02026',
      'PV £25 by the end of Q1\u00a0FY2026',
      'PV £50 by the end of Q2\u00a0FY2026',
      'PV £63 at the as-of date',
      'PV £75 by the end of Q3\u00a0FY2026',
      'PV £100 by the end of Q4\u00a0FY2026',
    ]);
    // AC stops at the as-of date (55), EV is the one point there (40).
    expect(ac!.points.map((p) => p.title)).toEqual(['AC £0 on 1\u00a0Jan\u00a02026', 'AC £20 by the end of Q1\u00a0FY2026', 'AC £45 by the end of Q2\u00a0FY2026', 'AC £55 at the as-of date']);
    expect(ev!.points).toHaveLength(1);
    const share = (day: number) => (day - d(2026, 1, 1)) / (d(2027, 1, 1) - d(2026, 1, 1));
    expect(curve.chart.rule!.at).toBeCloseTo(share(WORKED_AS_OF), 4);
    expect(ev!.points[0]!.x).toBeCloseTo(share(WORKED_AS_OF), 4);
    // The as-of points of PV and AC sit on the rule too.
    expect(pv!.points[3]!.x).toBe(curve.chart.rule!.at);
  });

  it('tables the periods, with no cumulative actual where none is reported', () => {
    expect(curve.rows.map((r) => [r.period, r.planned, r.cumulativePlanned, r.actual, r.cumulativeActual])).toEqual([
      ['Q1\u00a0FY2026', '£25', '£25', '£20', '£20'],
      ['Q2\u00a0FY2026', '£25', '£50', '£25', '£45'],
      ['Q3\u00a0FY2026', '£25', '£75', '£10', '£55'],
      ['Q4\u00a0FY2026', '£25', '£100', '—', '—'],
    ]);
  });

  it('has no curve without dated lines', () => {
    const e = WORKED_EVM();
    expect(sCurve({ ...e, periods: [] }, WORKED_AS_OF, 'GBP', 1)).toBeUndefined();
  });
});
