import { describe, expect, it } from 'vitest';
import { contributionBars, contributionScale } from '../../src/charts/contributions.ts';
import { riceScore, weightedScore, wsjfScore } from '../../src/core/scoring.ts';
import { EXAMPLE_CRITERIA } from '../core/fixtures.ts';

describe('contributionBars', () => {
  it('weighted: each criterion’s points against the most it could give (inverted criteria included)', () => {
    // fit 5 → 1, value 4 → 0.75, risk 2 inverted → 0.75, effort 3 inverted → 0.5; Σw = 10
    const s = weightedScore({ strategic_fit: 5, value: 4, risk: 2, effort: 3 }, { criteria: EXAMPLE_CRITERIA, scale: [1, 5] })!;
    const bars = contributionBars(s, contributionScale([s]));
    expect(bars.map((b) => [b.criterion, b.text, b.bar!.barWidth])).toEqual([
      ['strategic_fit', '30', 80], // 30 of 30
      ['value', '22.5', 60], // 22.5 of 30
      ['risk', '15', 60], // 15 of 20
      ['effort', '10', 40], // 10 of 20
    ]);
    expect(bars[2].bar!.title).toBe('Delivery risk: 2 on the scale → normalised 0.75; 100 × 2·0.75 / 10 = 15 of at most 20 points');
  });

  it('wsjf: numerator inputs ÷ job size, job size as the divisor', async () => {
    const a = wsjfScore({ business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 4 })!; // 4
    const b = wsjfScore({ business_value: 8, time_criticality: 8, risk_reduction: 4, job_size: 2 })!; // 10
    const bars = contributionBars(a, contributionScale([a, b]));
    expect(bars.map((x) => [x.criterion, x.text, x.bar?.barWidth])).toEqual([
      ['business_value', '2', 16], // 2 of max score 10
      ['time_criticality', '1.25', 10],
      ['risk_reduction', '0.75', 6],
      ['job_size', '÷ 4', undefined],
    ]);
    await expect(JSON.stringify(bars, null, 2)).toMatchFileSnapshot('__snapshots__/contributions.wsjf.json');
  });

  it('rice: each input against the largest of that input in the list', () => {
    const a = riceScore({ reach: 500, impact: 2, confidence: 0.8, effort: 4 })!;
    const b = riceScore({ reach: 1000, impact: 1, confidence: 0.5, effort: 2 })!;
    const bars = contributionBars(a, contributionScale([a, b]));
    expect(bars.map((x) => [x.criterion, x.bar!.barWidth])).toEqual([
      ['reach', 40],
      ['impact', 80],
      ['confidence', 80],
      ['effort', 80],
    ]);
    expect(bars[3].bar!.title).toBe('Effort: 4 (the largest effort in the backlog is 4); divides the score');
  });
});
