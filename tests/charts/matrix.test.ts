import { describe, expect, it } from 'vitest';
import { riskMatrix, severity } from '../../src/charts/matrix.ts';

describe('riskMatrix', () => {
  const chart = riskMatrix([
    { likelihood: 4, impact: 5, count: 2 },
    { likelihood: 1, impact: 1, count: 1 },
  ]);

  it('places likelihood 5 at the top and impact 5 at the right', () => {
    expect(chart.cells).toHaveLength(25);
    const top = chart.cells[0];
    expect([top.likelihood, top.impact, top.x, top.y]).toEqual([5, 1, 64, 8]);
    const c = chart.cells.find((x) => x.likelihood === 4 && x.impact === 5)!;
    expect([c.count, c.x, c.y, c.severity]).toEqual([2, 64 + 56 * 4, 8 + 56, 'high']);
    expect(c.title).toBe('Likelihood 4 × impact 5 = 20 (high): 2 open risks');
    expect(chart.cells.find((x) => x.likelihood === 1 && x.impact === 1)!.title).toBe('Likelihood 1 × impact 1 = 1 (low): 1 open risk');
  });

  it('bands severity by likelihood × impact', () => {
    expect(severity(3, 5)).toBe('high'); // 15
    expect(severity(2, 4)).toBe('medium'); // 8
    expect(severity(7 / 7, 7)).toBe('low'); // 7
  });

  it('matches the snapshot (fixture: two filled cells)', async () => {
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot('__snapshots__/matrix.two-cells.json');
  });
});
