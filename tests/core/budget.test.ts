import { describe, expect, it } from 'vitest';
import { benefitRealization, benefitRealizations, budgetVariance, meanRealization } from '../../src/core/budget.ts';

describe('budgetVariance', () => {
  it('is (forecast − planned) / planned', () => {
    // (1 290 000 − 1 200 000) / 1 200 000 = 90 000 / 1 200 000 = 0.075
    expect(budgetVariance({ planned: 1_200_000, forecast: 1_290_000 })).toBeCloseTo(0.075, 12);
    // (900 − 1000) / 1000 = −0.1
    expect(budgetVariance({ planned: 1000, forecast: 900 })).toBeCloseTo(-0.1, 12);
  });

  it('needs planned > 0 and forecast', () => {
    expect(budgetVariance({ planned: 0, forecast: 10 })).toBeUndefined();
    expect(budgetVariance({ planned: 1000 })).toBeUndefined();
    expect(budgetVariance({ forecast: 1000 })).toBeUndefined();
    expect(budgetVariance(undefined)).toBeUndefined();
  });

  it('is undefined, not Infinity, when a tiny planned budget overflows the ratio (fuzz counterexample)', () => {
    expect(budgetVariance({ planned: 5e-324, forecast: 1 })).toBeUndefined();
  });
});

describe('benefit realization', () => {
  it('is (actual − baseline) / (target − baseline), also for a falling target', () => {
    // (36 000 − 40 000) / (30 000 − 40 000) = −4 000 / −10 000 = 0.4
    expect(benefitRealization({ baseline: 40000, target: 30000, actual: 36000 })).toBeCloseTo(0.4, 12);
    // (24 − 18) / (35 − 18) = 6 / 17
    expect(benefitRealization({ baseline: 18, target: 35, actual: 24 })).toBeCloseTo(6 / 17, 12);
  });

  it('is undefined when an input is missing or target = baseline', () => {
    expect(benefitRealization({ baseline: 10, target: 10, actual: 12 })).toBeUndefined();
    expect(benefitRealization({ baseline: 10, target: 20 })).toBeUndefined();
  });

  it('is undefined, not Infinity or NaN, when the ratio or the mean overflows', () => {
    expect(benefitRealization({ baseline: 0, target: 5e-324, actual: 1 })).toBeUndefined();
    expect(benefitRealization({ baseline: -1e308, target: 1e308, actual: 1e308 })).toBeUndefined();
    expect(meanRealization([{ value: 1e308 }, { value: 1e308 }])).toBeUndefined();
  });

  it('averages the defined values per project', () => {
    const list = benefitRealizations([
      { metric: 'Calls', baseline: 40000, target: 30000, actual: 36000 },
      { metric: 'Share', baseline: 18, target: 35, actual: 24 },
      { metric: 'NPS', target: 50 },
    ]);
    expect(list.map((b) => b.metric)).toEqual(['Calls', 'Share', 'NPS']);
    expect(list[2].value).toBeUndefined();
    // (0.4 + 6/17) / 2 = (0.4 + 0.352941…) / 2 = 0.376470…
    expect(meanRealization(list)).toBeCloseTo((0.4 + 6 / 17) / 2, 12);
    expect(meanRealization(benefitRealizations([{ metric: 'NPS' }]))).toBeUndefined();
    expect(meanRealization(benefitRealizations(undefined))).toBeUndefined();
  });
});
