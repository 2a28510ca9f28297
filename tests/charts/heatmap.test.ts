import { describe, expect, it } from 'vitest';
import { capacityHeatmap, cellFormula, heatShade, levelWords } from '../../src/charts/heatmap.ts';
import { securityReview } from './fixtures.ts';

const model = securityReview();

const cells = model.byId.teams.get('security-review')!.utilization!;
const chart = capacityHeatmap([{ team: 'security-review', label: 'Security review', cells }], {
  thresholds: [0.9, 1.1],
  projectTitle: (id) => model.byId.projects.get(id)!.record.title,
});

describe('capacityHeatmap', () => {
  it('lays out one cell per fiscal quarter with ratio and FTE text', () => {
    expect(chart.columns.map((c) => c.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const [q1, q2, q3, q4] = chart.rows[0].cells;
    expect([q1.ratioText, q1.fteText, q1.level]).toEqual(['0%', '0 / 1.5', 'green']);
    expect([q2.ratioText, q2.fteText, q2.level]).toEqual(['53%', '0.8 / 1.5', 'green']); // 0.8 / 1.5
    expect([q3.ratioText, q3.fteText, q3.level, q3.over]).toEqual(['125%', '2.5 / 2', 'red', true]); // 2.5 / 2; on-hold excluded
    expect([q4.ratioText, q4.fteText, q4.level]).toEqual(['60%', '1.2 / 2', 'green']); // capacity 2 carried forward
    expect(q3.title).toBe('Security review, 2026-Q3: demand 2.5 FTE / capacity 2 FTE = 125%, over-allocated (> 110%); demanded by IAM 0.8, Segmentation 1.2, SOC 0.5');
    expect(q3.x).toBe(180 + 76 * 2 + 1);
  });

  it('describes cells without capacity', () => {
    const c = { period: '2026-Q1', demand: 1, capacity: 0, level: 'red' as const, projects: [] };
    expect(cellFormula(c)).toBe('demand 1 FTE with no capacity');
    expect(levelWords(c, [0.9, 1.1])).toBe('over-allocated (no capacity)');
  });

  it('shades cells light to saturated by utilization within their band, over-allocation apart', () => {
    const t = [0.9, 1.1] as const;
    const shade = (demand: number, capacity: number, level: 'green' | 'amber' | 'red') => heatShade({ demand, capacity, level }, t);
    // 0% and 88% are both green but no longer the same fill.
    expect([shade(0, 1, 'green'), shade(0.3, 1, 'green'), shade(0.5, 1, 'green'), shade(0.88, 1, 'green'), shade(0.9, 1, 'green')]).toEqual(['heat-g1', 'heat-g2', 'heat-g3', 'heat-g4', 'heat-g4']);
    expect([shade(0.95, 1, 'amber'), shade(1.02, 1, 'amber'), shade(1.1, 1, 'amber')]).toEqual(['heat-a1', 'heat-a2', 'heat-a3']);
    expect([shade(1.2, 1, 'red'), shade(1.7, 1, 'red'), shade(1, 0, 'red'), shade(0, 0, 'green')]).toEqual(['heat-r1', 'heat-r2', 'heat-r2', 'heat-0']);
    expect(chart.rows[0].cells.map((c) => c.shade)).toEqual(['heat-g1', 'heat-g3', 'heat-r1', 'heat-g3']);
  });

  it('matches the snapshot (fixture: security-review over-allocated)', async () => {
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot('__snapshots__/heatmap.security-review.json');
  });
});
